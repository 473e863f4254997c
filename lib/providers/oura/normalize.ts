import { z } from "zod";
import { MalformedActivityError, offsetOfIsoDateTime, optionalNonNegative, optionalString, parseInstant } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { ouraSport } from "./sports";

/** "strength_training" → "Strength training", for a workout the person did not label. */
function readable(activity: string | null): string {
  if (!activity) return "Workout";
  return activity.replace(/[_-]+/g, " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

const publicWorkout = z.object({
  id: z.string().min(1),
  activity: optionalString,
  label: optionalString,
  // Decimals ("312.4"): never read as integers.
  calories: optionalNonNegative,
  distance: optionalNonNegative,
  start_datetime: z.string(),
  end_datetime: z.string(),
  source: optionalString,
});

/** A LocalizedDateTime ("2024-05-04T07:28:09+02:00") is only an instant with its offset. */
function localizedInstant(value: string): { instant: Date; offsetMinutes: number } {
  const offsetMinutes = offsetOfIsoDateTime(value);
  if (offsetMinutes === null) throw new MalformedActivityError(`"${value}" has no UTC offset`);
  return { instant: parseInstant(value), offsetMinutes };
}

/** A PublicWorkout (list item or single document) → the shared activity. */
export function normalizeOuraWorkout(raw: unknown): NormalizedActivity {
  const w = publicWorkout.parse(raw);
  const start = localizedInstant(w.start_datetime);
  const end = localizedInstant(w.end_datetime);
  if (end.instant < start.instant) throw new MalformedActivityError(`workout ends (${w.end_datetime}) before it starts (${w.start_datetime})`);
  return {
    provider: "oura",
    providerActivityId: w.id,
    name: w.label ?? readable(w.activity),
    sport: ouraSport(w.activity),
    sportType: w.activity,
    startTime: start.instant,
    utcOffsetMinutes: start.offsetMinutes,
    elapsedSeconds: (end.instant.getTime() - start.instant.getTime()) / 1000,
    // Oura has no moving time, elevation or heart rate on a workout (heart rate is its own collection).
    movingSeconds: null,
    distanceMeters: w.distance,
    elevationGainMeters: null,
    averageHeartRate: null,
    maxHeartRate: null,
    calories: w.calories,
    // Detected, confirmed or heart-rate-tracked workouts come from the ring; a manual entry has no device.
    device: w.source === "manual" ? null : "Oura Ring",
    raw,
  };
}
