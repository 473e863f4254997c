/**
 * `PIERRE_MAP_TILES`: "off" draws routes as an outline on a plain background and never asks a tile
 * server (offline demos, tests, privacy); anything else, or unset, uses OpenStreetMap's tiles, and
 * a map whose tiles fail to load falls back to the outline on its own.
 */
export function mapTilesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.PIERRE_MAP_TILES?.trim().toLowerCase() !== "off";
}

export const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
