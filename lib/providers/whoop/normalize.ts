import { z } from "zod";
import { kilojoulesToKilocalories, offsetToMinutes, optionalNonNegative, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

const sportByName: Record<string, Sport> = {
  running: "run",
  "track & field": "run",
  cycling: "ride",
  "mountain biking": "ride",
  spin: "ride",
  swimming: "swim",
  walking: "walk",
  "hiking/rucking": "hike",
  hiking: "hike",
  weightlifting: "strength",
  powerlifting: "strength",
  "functional fitness": "strength",
  hiit: "strength",
  crossfit: "strength",
  yoga: "yoga",
  "hot yoga": "yoga",
  pilates: "yoga",
  rowing: "row",
  skiing: "ski",
  snowboarding: "ski",
  "cross country skiing": "ski",
};

const workout = z.object({
  id: z.string().min(1),
  start: z.string(),
  end: z.string(),
  timezone_offset: z.string().nullish(),
  sport_name: z.string().nullish(),
  score_state: z.string().nullish(),
  score: z
    .object({
      average_heart_rate: optionalNonNegative,
      max_heart_rate: optionalNonNegative,
      kilojoule: optionalNonNegative,
      distance_meter: optionalNonNegative,
      altitude_gain_meter: optionalNonNegative,
    })
    .nullish(),
});

/** A WorkoutV2 → the shared activity. Scores exist only once WHOOP has scored the workout. */
export function normalizeWhoopWorkout(raw: unknown): NormalizedActivity {
  const w = workout.parse(raw);
  const start = parseInstant(w.start);
  const end = parseInstant(w.end);
  const score = w.score_state === "SCORED" ? w.score : null;
  const sportName = w.sport_name?.trim().toLowerCase() || null;
  return {
    provider: "whoop",
    providerActivityId: w.id,
    // WHOOP workouts have no title; the sport is the name people know them by.
    name: sportName ? sportName.replace(/(^|[\s/])\S/g, (c) => c.toUpperCase()) : "Workout",
    sport: (sportName && sportByName[sportName]) || "other",
    sportType: sportName,
    startTime: start,
    utcOffsetMinutes: w.timezone_offset ? offsetToMinutes(w.timezone_offset) : null,
    elapsedSeconds: Math.max(0, (end.getTime() - start.getTime()) / 1000),
    movingSeconds: null,
    distanceMeters: score ? round(score.distance_meter) : null,
    elevationGainMeters: score ? round(score.altitude_gain_meter) : null,
    averageHeartRate: score?.average_heart_rate ?? null,
    maxHeartRate: score?.max_heart_rate ?? null,
    calories: score && score.kilojoule !== null ? round(kilojoulesToKilocalories(score.kilojoule), 1) : null,
    device: "WHOOP",
    raw,
  };
}
