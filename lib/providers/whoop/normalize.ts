import { z } from "zod";
import { kilojoulesToKilocalories, MalformedActivityError, offsetToMinutes, optionalNonNegative, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/**
 * WHOOP `sport_name` (lower case) → shared sport. Unlisted sports are "other", including mixed ones
 * such as "track & field" (throws and jumps as much as running).
 */
const sportByName: Record<string, Sport> = {
  running: "run",
  cycling: "ride",
  "mountain biking": "ride",
  spin: "ride",
  "assault bike": "ride",
  swimming: "swim",
  walking: "walk",
  "hiking/rucking": "hike",
  hiking: "hike",
  weightlifting: "strength",
  powerlifting: "strength",
  "functional fitness": "strength",
  "strength trainer": "strength",
  hiit: "strength",
  yoga: "yoga",
  pilates: "yoga",
  rowing: "row",
  skiing: "ski",
  "cross country skiing": "ski",
  snowboarding: "ski",
};

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
  return {
    provider: "whoop",
    providerActivityId: w.id,
    name: readableSport(sportName),
    sport: (sportName && sportByName[sportName.toLowerCase()]) || "other",
    sportType: sportName,
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
