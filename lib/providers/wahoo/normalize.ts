import { tzOffset } from "@date-fns/tz";
import { z } from "zod";
import { idField, optionalString, parseInstant } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { wahooSport } from "./sports";

/**
 * Summary figures are decimal strings ("24909.71") in the API, numbers in the docs' webhook
 * example, null when unknown, and now and then a placeholder such as "--": anything that is not a
 * non-negative number reads as unknown rather than costing the workout.
 */
const figure = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const number = typeof value === "number" ? value : value.trim() ? Number(value) : Number.NaN;
    return Number.isFinite(number) && number >= 0 ? number : null;
  });

/** "0.0" bpm is no reading (nothing strapped on), not a heart rate. */
const bpm = figure.transform((value) => (value !== null && value > 0 ? value : null));

const workoutSummary = z.object({
  name: optionalString,
  duration_total_accum: figure,
  duration_active_accum: figure,
  distance_accum: figure,
  ascent_accum: figure,
  calories_accum: figure,
  heart_rate_avg: bpm,
  heart_rate_max: bpm,
  time_zone: optionalString,
});

const workout = z.object({
  id: idField,
  // UTC, e.g. "2022-06-13T16:38:51.000Z".
  starts: z.string(),
  name: optionalString,
  plan_id: z.unknown().optional(),
  workout_token: optionalString,
  workout_type_id: z.union([z.number().int(), z.string()]).nullish(),
  // Null until the recording's results are uploaded.
  workout_summary: workoutSummary.nullish(),
});

/** The minutes east of UTC of an IANA zone at an instant; an unknown zone only loses the local time. */
function offsetIn(timeZone: string | null, at: Date): number | null {
  if (!timeZone) return null;
  const minutes = tzOffset(timeZone, at);
  return Number.isFinite(minutes) ? minutes : null;
}

/**
 * Wahoo names no device; a recording's `workout_token` is "<device> <serial>:<n>" when an ELEMNT or
 * KICKR made it ("ELEMNT AE48:274"). Tokens from apps (SYSTM, our own) say nothing about hardware.
 */
function deviceOf(workoutToken: string | null): string | null {
  const match = workoutToken ? /^((?:ELEMNT|KICKR)\b[^:]*):\d+$/.exec(workoutToken) : null;
  return match?.[1]?.trim() || null;
}

/**
 * A workout (list item or detail, with its embedded `workout_summary`) → the shared activity, or
 * null for a planned entry that was never done (from a plan, with no summary).
 */
export function normalizeWahooWorkout(raw: unknown): NormalizedActivity | null {
  const w = workout.parse(raw);
  const summary = w.workout_summary ?? null;
  if (w.plan_id != null && !summary) return null;
  const start = parseInstant(w.starts);
  const type = w.workout_type_id === null || w.workout_type_id === undefined ? null : String(w.workout_type_id).trim() || null;
  return {
    provider: "wahoo",
    providerActivityId: w.id,
    name: w.name ?? summary?.name ?? "Workout",
    sport: wahooSport(type),
    sportType: type,
    startTime: start,
    utcOffsetMinutes: offsetIn(summary?.time_zone ?? null, start),
    // `minutes` on the workout is rounded (0 for a 9 s ride) or planned: only the summary's figures count.
    elapsedSeconds: summary?.duration_total_accum ?? null,
    movingSeconds: summary?.duration_active_accum ?? null,
    distanceMeters: summary?.distance_accum ?? null,
    elevationGainMeters: summary?.ascent_accum ?? null,
    averageHeartRate: summary?.heart_rate_avg ?? null,
    maxHeartRate: summary?.heart_rate_max ?? null,
    calories: summary?.calories_accum ?? null,
    device: deviceOf(w.workout_token),
    raw,
  };
}

const webhookBody = z.object({
  event_type: z.literal("workout_summary"),
  workout_summary: z.looseObject({ workout: z.record(z.string(), z.unknown()) }),
});

/**
 * A `workout_summary` webhook nests it the other way round (the workout inside its summary); this
 * turns it into the list's shape, a workout with its `workout_summary`, for normalizeWahooWorkout.
 */
export function wahooWorkoutFromWebhook(body: unknown): Record<string, unknown> {
  const { workout_summary: summaryWithWorkout } = webhookBody.parse(body);
  const { workout: nested, ...summary } = summaryWithWorkout;
  return { ...nested, workout_summary: summary };
}
