import { z } from "zod";
import { streamsFromSamples, type ActivityStreams, type Sample } from "@/lib/streams/streams";

const num = z.number().finite().nullish();
const sample = z
  .object({
    startTimeInSeconds: z.number(),
    latitudeInDegree: num,
    longitudeInDegree: num,
    elevationInMeters: num,
    heartRate: num,
    speedMetersPerSecond: num,
    totalDistanceInMeters: num,
    powerInWatts: num,
    bikeCadenceInRPM: num,
    stepsPerMinute: num,
    swimCadenceInStrokesPerMinute: num,
  })
  .passthrough();
const details = z
  .object({
    summaryId: z.union([z.string(), z.number()]).nullish(),
    activityId: z.union([z.string(), z.number()]).nullish(),
    summary: z.object({ activityId: z.union([z.string(), z.number()]).nullish() }).passthrough().nullish(),
    samples: z.array(z.unknown()).nullish(),
  })
  .passthrough();

/** Whether one Activity Details entry is the record with this id (activityId, or summaryId less "-detail"). */
function isRecord(entry: z.infer<typeof details>, providerActivityId: string): boolean {
  const ids = [entry.activityId, entry.summary?.activityId, typeof entry.summaryId === "string" ? entry.summaryId.replace(/-detail$/, "") : entry.summaryId];
  return ids.some((id) => id !== null && id !== undefined && String(id) === providerActivityId);
}

/**
 * Garmin's Activity Details (a list, as pulled or pushed) → the streams of one activity: samples at
 * up to 1 Hz with epoch-second times, position in degrees, `totalDistanceInMeters` cumulative, bike
 * or running cadence (whichever was recorded), power where a meter sent it. No polyline: the route
 * is the samples' positions.
 */
export function normalizeGarminDetails(payload: unknown, providerActivityId: string): ActivityStreams | null {
  if (!Array.isArray(payload)) return null;
  for (const item of payload) {
    const entry = details.safeParse(item);
    if (!entry.success || !isRecord(entry.data, providerActivityId)) continue;
    const samples: Sample[] = (entry.data.samples ?? []).flatMap((raw) => {
      const s = sample.safeParse(raw);
      if (!s.success) return [];
      const d = s.data;
      return [
        {
          t: d.startTimeInSeconds,
          heartRate: d.heartRate,
          speed: d.speedMetersPerSecond,
          altitude: d.elevationInMeters,
          cadence: d.bikeCadenceInRPM ?? d.stepsPerMinute ?? d.swimCadenceInStrokesPerMinute,
          power: d.powerInWatts,
          distance: d.totalDistanceInMeters,
          lat: d.latitudeInDegree,
          lng: d.longitudeInDegree,
        },
      ];
    });
    return streamsFromSamples(samples);
  }
  return null;
}
