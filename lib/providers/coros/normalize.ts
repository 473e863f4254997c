import { z } from "zod";
import { idField, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/** COROS identifies sports by mode × 10 + subMode. */
const sports: Record<number, { sport: Sport; name: string }> = {
  81: { sport: "run", name: "Outdoor Run" },
  82: { sport: "run", name: "Indoor Run" },
  91: { sport: "ride", name: "Outdoor Bike" },
  92: { sport: "ride", name: "Indoor Bike" },
  101: { sport: "swim", name: "Open Water" },
  102: { sport: "swim", name: "Pool Swim" },
  131: { sport: "other", name: "Triathlon" },
  132: { sport: "other", name: "Multisport" },
  133: { sport: "ski", name: "Ski Touring" },
  141: { sport: "hike", name: "Mountain Climb" },
  151: { sport: "run", name: "Trail Run" },
  161: { sport: "hike", name: "Hike" },
  181: { sport: "other", name: "GPS Cardio" },
  182: { sport: "other", name: "Gym Cardio" },
  191: { sport: "ski", name: "XC Ski" },
  201: { sport: "run", name: "Track Run" },
  211: { sport: "ski", name: "Ski" },
  212: { sport: "ski", name: "Snowboard" },
  232: { sport: "strength", name: "Strength" },
  241: { sport: "row", name: "Rowing" },
  242: { sport: "row", name: "Indoor Rower" },
  291: { sport: "ski", name: "Ski Touring" },
  311: { sport: "walk", name: "Walk" },
};

const workout = z.object({
  labelId: idField,
  mode: z.number().int(),
  subMode: z.number().int(),
  startTime: z.number().int(),
  endTime: z.number().int(),
  startTimezone: optionalNumber,
  duration: optionalNonNegative,
  distance: optionalNonNegative,
  deviceName: optionalString,
});

/** A sport-list record (or a webhook `sportDataList` item) → the shared activity. */
export function normalizeCorosWorkout(raw: unknown): NormalizedActivity {
  const w = workout.parse(raw);
  const code = w.mode * 10 + w.subMode;
  const known = sports[code];
  return {
    provider: "coros",
    providerActivityId: w.labelId,
    name: known?.name ?? "Workout",
    sport: known?.sport ?? "other",
    sportType: `${code}`,
    startTime: new Date(w.startTime * 1000),
    // Time zones come in 15-minute units (32 = UTC+08:00).
    utcOffsetMinutes: w.startTimezone === null ? null : w.startTimezone * 15,
    elapsedSeconds: Math.max(0, w.endTime - w.startTime),
    // `duration` is a little shorter than end − start in COROS's own example: the timer time.
    movingSeconds: w.duration,
    distanceMeters: w.distance,
    elevationGainMeters: null,
    averageHeartRate: null,
    maxHeartRate: null,
    // `calorie` has no documented unit and its example (9553 for 3 km) fits neither kcal nor cal,
    // so it is kept in the raw record and not shown rather than shown wrong.
    calories: null,
    device: w.deviceName,
    raw,
  };
}
