import { z } from "zod";
import { MalformedActivityError, optionalNonNegative, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { googleSport } from "./sports";

/** proto3 JSON writes a Duration as decimal seconds with an "s" suffix ("1834s", "-25200s", "1.5s"). */
export function googleDurationSeconds(value: string): number {
  const match = /^(-?\d+(?:\.\d{1,9})?)s$/.exec(value.trim());
  if (!match) throw new MalformedActivityError(`"${value}" is not a duration`);
  return Number(match[1]);
}

const duration = z
  .string()
  .nullish()
  .transform((value) => {
    const seconds = value ? googleDurationSeconds(value) : null;
    return seconds !== null && seconds >= 0 ? seconds : null;
  });

/** proto3 JSON writes int64 as a decimal string ("151"); a number is read the same way. */
const optionalInt64 = z
  .union([z.string().regex(/^-?\d+$/, "int64 expected").transform(Number), z.number().int()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value < 0 ? null : value));

const millimetres = optionalNonNegative.transform((value) => (value === null ? null : round(value / 1000, 3)));

/** "3600s" → 60; an offset in an unexpected form only loses the local time, not the session. */
function offsetMinutes(offset: string | null | undefined): number | null {
  if (!offset) return null;
  try {
    return Math.round(googleDurationSeconds(offset) / 60);
  } catch {
    return null;
  }
}

/** "STRENGTH_TRAINING" → "Strength training", for a session without a display name. */
function readable(exerciseType: string | null): string {
  if (!exerciseType || exerciseType === "EXERCISE_TYPE_UNSPECIFIED") return "Exercise";
  return exerciseType.toLowerCase().replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

const metricsSummary = z.object({
  caloriesKcal: optionalNonNegative,
  distanceMillimeters: millimetres,
  elevationGainMillimeters: millimetres,
  averageHeartRateBeatsPerMinute: optionalInt64,
});

const exerciseDataPoint = z.object({
  // users/{healthUserId}/dataTypes/exercise/dataPoints/{id}
  name: z.string().regex(/\/dataPoints\/[^/]+$/, "a data point resource name expected"),
  dataSource: z
    .object({ device: z.object({ displayName: optionalString }).nullish() })
    .nullish(),
  exercise: z.object({
    displayName: optionalString,
    exerciseType: optionalString,
    interval: z.object({ startTime: z.string(), endTime: z.string(), startUtcOffset: z.string().nullish() }),
    activeDuration: duration,
    metricsSummary: metricsSummary.nullish(),
  }),
});

/**
 * The id part of a data point name. For exercise it is a long integer above 2^53
 * ("2026443605080188808"): it arrives inside a string and stays one.
 */
export function googleDataPointId(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/** One `exercise` DataPoint (list item or single get) → the shared activity. */
export function normalizeGoogleExercise(raw: unknown): NormalizedActivity {
  const point = exerciseDataPoint.parse(raw);
  const { exercise } = point;
  const start = parseInstant(exercise.interval.startTime);
  const end = parseInstant(exercise.interval.endTime);
  if (end < start) throw new MalformedActivityError(`exercise ends (${exercise.interval.endTime}) before it starts (${exercise.interval.startTime})`);
  const metrics = exercise.metricsSummary;
  return {
    provider: "google",
    providerActivityId: googleDataPointId(point.name),
    name: exercise.displayName ?? readable(exercise.exerciseType),
    sport: googleSport(exercise.exerciseType),
    sportType: exercise.exerciseType,
    startTime: start,
    utcOffsetMinutes: offsetMinutes(exercise.interval.startUtcOffset),
    elapsedSeconds: (end.getTime() - start.getTime()) / 1000,
    // activeDuration leaves out pauses.
    movingSeconds: exercise.activeDuration,
    distanceMeters: metrics?.distanceMillimeters ?? null,
    elevationGainMeters: metrics?.elevationGainMillimeters ?? null,
    averageHeartRate: metrics?.averageHeartRateBeatsPerMinute ?? null,
    // The summary has no maximum heart rate (only zone durations).
    maxHeartRate: null,
    calories: metrics?.caloriesKcal ?? null,
    // Absent for sessions imported through Health Connect or HealthKit, or logged by hand.
    device: point.dataSource?.device?.displayName ?? null,
    raw,
  };
}
