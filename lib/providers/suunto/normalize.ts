import { z } from "zod";
import { MalformedActivityError, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import documented from "./fixtures/documented-sport-codes.json";
import { suuntoSport } from "./sports";

/** Suunto workouts have no title: they are named after the activity (the list's "Other1"… name none). */
const activityNames = new Map(documented.codes.filter(({ name }) => !/^Other\d$/.test(name)).map(({ code, name }) => [String(code), name]));

/** 0 bpm is no reading (a workout without a heart-rate sensor), not a heart rate. */
const heartRate = optionalNumber.transform((value) => (value !== null && value > 0 ? value : null));

const workout = z.object({
  workoutKey: z.string().min(1),
  activityId: z.union([z.number().int(), z.string()]).nullish(),
  // Epoch milliseconds, UTC.
  startTime: z.number().int(),
  stopTime: z.number().int().nullish(),
  totalTime: optionalNonNegative,
  timeOffsetInMinutes: optionalNumber,
  totalDistance: optionalNonNegative,
  totalAscent: optionalNonNegative,
  energyConsumption: optionalNonNegative,
  hrdata: z
    .object({ workoutAvgHR: heartRate, avg: heartRate, workoutMaxHR: heartRate, hrmax: heartRate })
    .nullish(),
  gear: z.object({ displayName: optionalString, name: optionalString }).nullish(),
});

/** A v3 workout (list item, detail `payload` or webhook `workout`) → the shared activity. */
export function normalizeSuuntoWorkout(raw: unknown): NormalizedActivity {
  const w = workout.parse(raw);
  if (w.stopTime != null && w.stopTime < w.startTime) throw new MalformedActivityError(`workout stops (${w.stopTime}) before it starts (${w.startTime})`);
  const activity = w.activityId === null || w.activityId === undefined ? null : String(w.activityId).trim() || null;
  const elapsed = w.totalTime ?? (w.stopTime != null ? (w.stopTime - w.startTime) / 1000 : null);
  return {
    provider: "suunto",
    providerActivityId: w.workoutKey,
    name: (activity && activityNames.get(String(Number(activity)))) || "Workout",
    sport: suuntoSport(activity),
    sportType: activity,
    startTime: new Date(w.startTime),
    utcOffsetMinutes: w.timeOffsetInMinutes,
    // `totalTime` is the workout's duration; `stopTime` is missing from fresh webhook payloads.
    elapsedSeconds: elapsed,
    movingSeconds: null,
    distanceMeters: w.totalDistance,
    elevationGainMeters: w.totalAscent,
    averageHeartRate: w.hrdata?.workoutAvgHR ?? w.hrdata?.avg ?? null,
    // `hrdata.max` / `userMaxHR` is the person's configured maximum, not this workout's.
    maxHeartRate: w.hrdata?.workoutMaxHR ?? w.hrdata?.hrmax ?? null,
    calories: w.energyConsumption,
    device: w.gear?.displayName ?? w.gear?.name ?? null,
    raw,
  };
}
