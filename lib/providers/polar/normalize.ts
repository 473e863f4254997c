import { z } from "zod";
import { idField, isoDurationToSeconds, MalformedActivityError, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";
import { polarSport } from "./sports";

/**
 * The detailed value names the actual sport; the coarse `sport` covers exercises without one, and
 * detailed values newer than the table (or "OTHER_*" under a named `sport`).
 */
function sportOf(detailed: string | null, coarse: string | null): Sport {
  const fromDetailed = polarSport(detailed);
  return fromDetailed === "other" ? polarSport(coarse) : fromDetailed;
}

/** "TREADMILL_RUNNING" → "Treadmill running" (Polar exercises have no title). */
function readable(label: string): string {
  return label.toLowerCase().replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

const exercise = z.object({
  id: idField,
  start_time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/, "local date-time without offset expected"),
  start_time_utc_offset: optionalNumber,
  duration: z.string().nullish(),
  distance: optionalNonNegative,
  calories: optionalNonNegative,
  heart_rate: z.object({ average: optionalNonNegative, maximum: optionalNonNegative }).nullish(),
  sport: optionalString,
  detailed_sport_info: optionalString,
  device: optionalString,
});

/**
 * The current model mixes snake_case with kebab-case keys, and the deprecated transactional model is
 * all kebab-case; top-level keys are read with dashes as underscores so both go through one schema.
 */
function snakeKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.replace(/-/g, "_"), value]));
}

export function normalizePolarExercise(raw: unknown): NormalizedActivity {
  const e = exercise.parse(snakeKeys(raw));
  // start_time is wall-clock time where the exercise happened; the offset (minutes) gives the instant.
  const offset = e.start_time_utc_offset ?? 0;
  const localAsUtc = Date.parse(`${e.start_time}Z`);
  if (Number.isNaN(localAsUtc)) throw new MalformedActivityError(`"${e.start_time}" is not a date-time`);
  const label = e.detailed_sport_info ?? e.sport;
  return {
    provider: "polar",
    providerActivityId: e.id,
    name: label ? readable(label) : "Exercise",
    sport: sportOf(e.detailed_sport_info, e.sport),
    sportType: label,
    startTime: new Date(localAsUtc - offset * 60_000),
    utcOffsetMinutes: e.start_time_utc_offset,
    elapsedSeconds: e.duration ? isoDurationToSeconds(e.duration) : null,
    movingSeconds: null,
    distanceMeters: e.distance,
    elevationGainMeters: null,
    averageHeartRate: e.heart_rate?.average ?? null,
    maxHeartRate: e.heart_rate?.maximum ?? null,
    calories: e.calories,
    device: e.device,
    raw,
  };
}
