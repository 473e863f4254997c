import { z } from "zod";
import { decodePolyline, streamsFromSamples, validLatLng, type ActivityStreams, type Sample } from "@/lib/streams/streams";

/** The stream types asked for (`keys`), each a series aligned with `time`. */
export const stravaStreamKeys = ["time", "latlng", "distance", "altitude", "velocity_smooth", "heartrate", "cadence", "watts"] as const;

const series = z.object({ data: z.array(z.unknown()) }).passthrough();
/** `key_by_type=true`: an object keyed by stream type (a StreamSet); types not recorded are absent. */
const streamSet = z.record(z.string(), series);

const mapOf = z.object({ map: z.object({ summary_polyline: z.string().nullish(), polyline: z.string().nullish() }).nullish() }).passthrough();

/**
 * Strava's StreamSet → the shared streams. `time` is seconds from the start, `velocity_smooth`
 * m/s, `latlng` [lat, lng]. Without a GPS stream the route is the activity's summary polyline
 * (Google's encoding, precision 5) from the synced item, if it has one.
 */
export function normalizeStravaStreams(payload: unknown, raw?: unknown): ActivityStreams | null {
  const set = streamSet.safeParse(payload);
  const data = set.success ? set.data : {};
  const time = data.time?.data ?? [];
  const at = (key: string, i: number) => data[key]?.data[i];
  const samples: Sample[] = time.map((t, i) => {
    const latlng = at("latlng", i);
    const point = Array.isArray(latlng) ? validLatLng(latlng[0], latlng[1]) : null;
    return {
      t: typeof t === "number" ? t : NaN,
      heartRate: at("heartrate", i) as number | undefined,
      speed: at("velocity_smooth", i) as number | undefined,
      altitude: at("altitude", i) as number | undefined,
      cadence: at("cadence", i) as number | undefined,
      power: at("watts", i) as number | undefined,
      distance: at("distance", i) as number | undefined,
      lat: point?.[0],
      lng: point?.[1],
    };
  });
  const map = mapOf.safeParse(raw);
  const hasGps = samples.some((s) => s.lat !== undefined);
  const route = hasGps ? undefined : decodePolyline(map.success ? (map.data.map?.polyline ?? map.data.map?.summary_polyline) : null);
  return streamsFromSamples(samples, route && route.length >= 2 ? route : undefined);
}
