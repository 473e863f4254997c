"use client";

import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "react";

/**
 * The route on a Leaflet map: OpenStreetMap tiles when they load, and otherwise (offline, tiles
 * turned off, a tile server that fails) the route alone as a clean outline on a plain background.
 */
export function RouteMap({ route, tiles, attribution }: { route: [number, number][]; tiles: string | null; attribution: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import("leaflet").then((L) => {
      if (disposed || !container.current) return;
      const map = L.map(container.current, { attributionControl: Boolean(tiles), zoomSnap: 0.25, scrollWheelZoom: false, keyboard: true });
      const outline = L.polyline(route, { color: "#b91c1c", weight: 4, opacity: 0.9, className: "route-outline" }).addTo(map);
      L.circleMarker(route[0]!, { radius: 6, color: "#047857", fillColor: "#10b981", fillOpacity: 1, weight: 2, className: "route-start" }).addTo(map);
      L.circleMarker(route.at(-1)!, { radius: 6, color: "#111827", fillColor: "#f8fafc", fillOpacity: 1, weight: 2, className: "route-end" }).addTo(map);
      map.fitBounds(outline.getBounds(), { padding: [16, 16] });
      if (tiles) {
        const layer = L.tileLayer(tiles, { attribution, maxZoom: 18, crossOrigin: true });
        let loaded = 0;
        let failed = 0;
        layer.on("tileload", () => (loaded += 1));
        layer.on("tileerror", () => {
          failed += 1;
          // No tile has come through and several failed: the tile server is out of reach.
          if (loaded === 0 && failed >= 2) {
            map.removeLayer(layer);
            map.attributionControl?.remove();
            setTilesFailed(true);
          }
        });
        layer.addTo(map);
      }
      cleanup = () => map.remove();
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [route, tiles, attribution]);
  return (
    <figure className="space-y-1">
      <div
        ref={container}
        className={`h-64 w-full overflow-hidden rounded-md border border-slate-200 sm:h-80 ${!tiles || tilesFailed ? "bg-slate-100" : ""}`}
        data-testid="route-map"
        data-tiles={tiles && !tilesFailed ? "on" : "off"}
        role="region"
        aria-label="Route map"
      />
      {(!tiles || tilesFailed) && <figcaption className="text-xs text-slate-600">Route outline (map tiles are not available here).</figcaption>}
    </figure>
  );
}
