import { z } from "zod";
import { kilojoulesToKilocalories, MalformedActivityError, offsetToMinutes, optionalNonNegative, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { whoopSport } from "./sports";

/** "hiking/rucking" → "Hiking/Rucking": WHOOP workouts have no title, the sport is their name. */
function readableSport(sportName: string | null): string {
  return sportName ? sportName.replace(/(^|[\s/&-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()) : "Workout";
}

/** "-05:00" → −300; an offset in an unexpected form only loses the local time, not the workout. */
function offsetMinutes(offset: string | null | undefined): number | null {
  if (!offset) return null;
  try {
    return offsetToMinutes(offset);
  } catch {
    return null;
  }
}

const score = z.object({
  average_heart_rate: optionalNonNegative,
  max_heart_rate: optionalNonNegative,
  kilojoule: optionalNonNegative,
  distance_meter: optionalNonNegative,
  altitude_gain_meter: optionalNonNegative,
});

const workoutV2 = z.object({
  id: z.string().min(1),
  start: z.string(),
  end: z.string(),
  timezone_offset: z.string().nullish(),
  sport_name: z.string().nullish(),
  // Deprecated in v2 but still present on older records; a stray value should not cost the workout.
  sport_id: z.union([z.number(), z.string()]).nullish(),
  score_state: z.string().nullish(),
  // Only read when SCORED: a pending or unscorable workout may carry anything here.
  score: z.unknown().optional(),
});

/** A WorkoutV2 (list record or single workout) → the shared activity. */
export function normalizeWhoopWorkout(raw: unknown): NormalizedActivity {
  const w = workoutV2.parse(raw);
  const start = parseInstant(w.start);
  const end = parseInstant(w.end);
  if (end < start) throw new MalformedActivityError(`workout ends (${w.end}) before it starts (${w.start})`);
  // WHOOP scores a workout some time after it ends; until then (or if it cannot) the figures are
  // unknown, but the workout itself is real and is kept.
  const s = w.score_state === "SCORED" && w.score != null ? score.parse(w.score) : null;
  const sportName = w.sport_name?.trim() || null;
  const sportId = w.sport_id === null || w.sport_id === undefined ? null : String(w.sport_id).trim() || null;
  // The name is v2's field; the id still identifies a sport whose name is newer than the table.
  const byName = whoopSport(sportName);
  const sport = byName === "other" ? whoopSport(sportId) : byName;
  return {
    provider: "whoop",
    providerActivityId: w.id,
    name: readableSport(sportName),
    sport,
    sportType: sportName ?? sportId,
    startTime: start,
    utcOffsetMinutes: offsetMinutes(w.timezone_offset),
    elapsedSeconds: (end.getTime() - start.getTime()) / 1000,
    // WHOOP has no moving time.
    movingSeconds: null,
    distanceMeters: s?.distance_meter ?? null,
    elevationGainMeters: s?.altitude_gain_meter ?? null,
    averageHeartRate: s?.average_heart_rate ?? null,
    maxHeartRate: s?.max_heart_rate ?? null,
    calories: s?.kilojoule == null ? null : round(kilojoulesToKilocalories(s.kilojoule)),
    // WHOOP records only with its own strap and names no device.
    device: "WHOOP",
    raw,
  };
}
