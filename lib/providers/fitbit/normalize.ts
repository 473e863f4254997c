import { z } from "zod";
import { idField, METERS_PER_FOOT, METERS_PER_MILE, offsetOfIsoDateTime, optionalNonNegative, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/** Fitbit activity catalog ids as mapped in fitbit.md; anything else is matched by name. */
const sportByTypeId: Record<number, Sport> = {
  90009: "run",
  2131: "run",
  91: "run", // treadmill
  90013: "walk",
  90001: "ride",
  90024: "ride", // indoor cycling
  82: "swim",
  3000: "strength",
  52001: "yoga",
  1071: "hike",
  90019: "other",
};

const sportByName: [RegExp, Sport][] = [
  [/run|jog/i, "run"],
  [/bik|cycl|spin/i, "ride"],
  [/swim/i, "swim"],
  [/hik/i, "hike"],
  [/walk/i, "walk"],
  [/weight|strength|circuit|crossfit|interval/i, "strength"],
  [/yoga|pilates/i, "yoga"],
  [/row/i, "row"],
  [/ski/i, "ski"],
];

const activity = z.object({
  logId: idField,
  activityName: z.string().min(1),
  activityTypeId: z.number().int().nullish(),
  startTime: z.string(),
  duration: optionalNonNegative,
  activeDuration: optionalNonNegative,
  distance: optionalNonNegative,
  distanceUnit: z.string().nullish(),
  elevationGain: optionalNonNegative,
  averageHeartRate: optionalNonNegative,
  calories: optionalNonNegative,
  source: z.object({ name: optionalString }).nullish(),
});

function sportOf(typeId: number | null | undefined, name: string): Sport {
  if (typeId !== null && typeId !== undefined && sportByTypeId[typeId]) return sportByTypeId[typeId];
  return sportByName.find(([pattern]) => pattern.test(name))?.[1] ?? "other";
}

/** One entry of `activities/list.json` → the shared activity. */
export function normalizeFitbitActivity(raw: unknown): NormalizedActivity {
  const a = activity.parse(raw);
  // Fitbit reports in the unit its request locale asks for and names it in distanceUnit; elevation
  // has no unit field but follows the same locale, so imperial distances mean feet.
  const imperial = a.distanceUnit === "Mile";
  const distanceFactor = imperial ? METERS_PER_MILE : 1000;
  const offset = offsetOfIsoDateTime(a.startTime);
  return {
    provider: "fitbit",
    providerActivityId: a.logId,
    name: a.activityName,
    sport: sportOf(a.activityTypeId, a.activityName),
    sportType: a.activityTypeId ? `${a.activityTypeId} ${a.activityName}` : a.activityName,
    startTime: parseInstant(a.startTime),
    utcOffsetMinutes: offset,
    elapsedSeconds: a.duration === null ? null : round(a.duration / 1000, 3),
    movingSeconds: a.activeDuration === null ? null : round(a.activeDuration / 1000, 3),
    distanceMeters: a.distance === null || a.distance === 0 ? null : round(a.distance * distanceFactor),
    elevationGainMeters: a.elevationGain === null ? null : round(imperial ? a.elevationGain * METERS_PER_FOOT : a.elevationGain),
    averageHeartRate: a.averageHeartRate,
    maxHeartRate: null,
    calories: a.calories,
    device: a.source?.name ?? null,
    raw,
  };
}
