import { z } from "zod";
import { decodePolyline, streamsFromSamples, validLatLng, type ActivityStreams, type Sample, type SeriesKey } from "@/lib/streams/streams";

const timed = z.object({ timestamp: z.string() }).passthrough();
const list = z.array(timed).nullish();
const activity = z
  .object({
    metadata: z.object({ summary_id: z.union([z.string(), z.number()]).transform(String) }).passthrough(),
    heart_rate_data: z.object({ detailed: z.object({ hr_samples: list }).passthrough().nullish() }).passthrough().nullish(),
    position_data: z.object({ position_samples: list }).passthrough().nullish(),
    distance_data: z.object({ detailed: z.object({ distance_samples: list, elevation_samples: list }).passthrough().nullish() }).passthrough().nullish(),
    movement_data: z.object({ speed_samples: list, cadence_samples: list }).passthrough().nullish(),
    power_data: z.object({ power_samples: list }).passthrough().nullish(),
    polyline_map_data: z.object({ summary_polyline: z.string().nullish() }).passthrough().nullish(),
  })
  .passthrough();

/**
 * Terra's samples (asked for with `with_samples=true`) → the shared streams. Each kind is its own
 * list of `{timestamp, value}` entries (ISO times with their offset), merged here by the second.
 * Without position samples the route is the summary polyline (Google's encoding).
 */
export function normalizeTerraStreams(payload: unknown, providerActivityId: string): ActivityStreams | null {
  const data = z.object({ data: z.array(z.unknown()).nullish() }).passthrough().safeParse(payload);
  for (const item of data.success ? (data.data.data ?? []) : []) {
    const parsed = activity.safeParse(item);
    if (!parsed.success || parsed.data.metadata.summary_id !== providerActivityId) continue;
    const a = parsed.data;
    const samples: Sample[] = [];
    const take = (entries: z.infer<typeof list>, key: SeriesKey, field: string) => {
      for (const entry of entries ?? []) {
        const value = (entry as Record<string, unknown>)[field];
        if (typeof value === "number") samples.push({ t: Date.parse(entry.timestamp) / 1000, [key]: value });
      }
    };
    take(a.heart_rate_data?.detailed?.hr_samples, "heartRate", "bpm");
    take(a.distance_data?.detailed?.distance_samples, "distance", "distance_meters");
    take(a.distance_data?.detailed?.elevation_samples, "altitude", "elev_meters");
    take(a.movement_data?.speed_samples, "speed", "speed_meters_per_second");
    take(a.movement_data?.cadence_samples, "cadence", "cadence_rpm");
    take(a.power_data?.power_samples, "power", "watts");
    for (const entry of a.position_data?.position_samples ?? []) {
      const coords = (entry as Record<string, unknown>).coords_lat_lng_deg;
      const point = Array.isArray(coords) ? validLatLng(coords[0], coords[1]) : null;
      if (point) samples.push({ t: Date.parse(entry.timestamp) / 1000, lat: point[0], lng: point[1] });
    }
    const hasGps = samples.some((s) => s.lat !== undefined);
    const route = hasGps ? undefined : decodePolyline(a.polyline_map_data?.summary_polyline);
    return streamsFromSamples(samples, route && route.length >= 2 ? route : undefined);
  }
  return null;
}
