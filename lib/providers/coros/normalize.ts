import { z } from "zod";
import { idField, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { corosSport, corosSportCode, corosSportNames } from "./sports";

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
  const code = corosSportCode(w.mode, w.subMode);
  // The combined code is only unambiguous for the documented subModes (0–9); a larger one would
  // land on another mode's code, so it is left unmapped rather than misread.
  const documentedShape = w.subMode >= 0 && w.subMode < 10;
  return {
    provider: "coros",
    providerActivityId: w.labelId,
    name: (documentedShape && corosSportNames[String(code)]) || "Workout",
    sport: documentedShape ? corosSport(code) : "other",
    sportType: documentedShape ? String(code) : `${w.mode}/${w.subMode}`,
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
