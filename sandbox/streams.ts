import polyline from "@mapbox/polyline";
import { syntheticTrack } from "@/lib/providers/synthetic/track";
import type { Sample } from "@/lib/streams/streams";
import type { Recording } from "./dataset";

/**
 * What the athlete's devices recorded during a workout: the same track for every provider's copy
 * of one workout (seeded by the workout, not the copy), each copy's samples timed from its own
 * start. Provider modules write it out in their wire formats.
 */
const cache = new Map<string, Sample[]>();

export function trackOf(r: Recording): Sample[] {
  const key = `${r.index}:${r.name}:${r.elapsedSeconds}:${r.indoor}`;
  let track = cache.get(key);
  if (!track) {
    track = syntheticTrack({
      seed: `sandbox:${r.index}:${r.name}`,
      sport: r.sport,
      indoor: r.indoor,
      elapsedSeconds: r.elapsedSeconds,
      movingSeconds: r.movingSeconds,
      distanceMeters: r.distanceMeters,
      elevationGainMeters: r.elevationGainMeters,
      averageHeartRate: r.averageHeartRate,
      maxHeartRate: r.maxHeartRate,
    });
    if (cache.size > 2000) cache.clear();
    cache.set(key, track);
  }
  return track;
}

/** The route as a Google encoded polyline (what Strava and Terra put in their summaries), or null indoors. */
export function summaryPolyline(r: Recording, every = 6): string | null {
  const points = trackOf(r).flatMap((s, i) => (s.lat !== undefined && s.lng !== undefined && i % every === 0 ? [[s.lat!, s.lng!] as [number, number]] : []));
  return points.length >= 2 ? polyline.encode(points) : null;
}
