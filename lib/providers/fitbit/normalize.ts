import { z } from "zod";
import { idField, METERS_PER_FOOT, METERS_PER_MILE, offsetOfIsoDateTime, optionalNonNegative, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/** Fitbit activity catalog ids → shared sport. Ids not listed are matched by their name below. */
const sportByTypeId: Record<number, Sport> = {
  90009: "run",
  2131: "run",
  91: "run", // Treadmill
  90013: "walk",
  90001: "ride",
  90024: "ride", // indoor cycling
  82: "swim",
  3000: "strength",
  52001: "yoga",
  1071: "hike",
};

/**
 * Keywords of Fitbit's English catalog names, first match wins. `activityName` is localized by
 * Accept-Locale, which this client never sends, so the names arrive in English.
 */
const sportByName: [RegExp, Sport][] = [
  [/\bwater ?ski/i, "other"],
  [/\b(run|running|jog|jogging)\b/i, "run"],
  [/\b(bike|biking|cycle|cycling|spinning)\b/i, "ride"],
  [/\bswim/i, "swim"],
  [/\b(hike|hiking)\b/i, "hike"],
  [/\bwalk/i, "walk"],
  [/\b(weights?|weight ?lifting|strength|circuit training|crossfit|hiit)\b/i, "strength"],
  [/\b(yoga|pilates)\b/i, "yoga"],
  [/\b(row|rowing)\b/i, "row"],
  [/\b(ski|skiing|snowboard|snowboarding)\b/i, "ski"],
  [/\btreadmill\b/i, "run"],
];

function sportOf(typeId: number | null, name: string): Sport {
  const byId = typeId === null ? undefined : sportByTypeId[typeId];
  return byId ?? sportByName.find(([pattern]) => pattern.test(name))?.[1] ?? "other";
}

/** Metres per unit named by `distanceUnit`. */
const metersPerDistanceUnit: Record<string, number> = { Kilometer: 1000, Mile: METERS_PER_MILE };

const logEntry = z.object({
  // Unsigned 64-bit: ids above 2^53 arrive as strings from parseProviderJson and stay strings.
  logId: idField,
  activityName: z.string().trim().min(1),
  activityTypeId: z.number().int().nullish().transform((value) => value ?? null),
  // Without its offset the wall-clock time could not be placed on the timeline.
  startTime: z.string().regex(/(Z|[+-]\d{2}:?\d{2})$/i, "date-time with a UTC offset expected"),
  duration: optionalNonNegative,
  activeDuration: optionalNonNegative,
  distance: optionalNonNegative,
  distanceUnit: optionalString,
  elevationGain: optionalNonNegative,
  averageHeartRate: optionalNonNegative,
  calories: optionalNonNegative,
  source: z.object({ name: optionalString }).nullish(),
});

const seconds = (milliseconds: number | null) => (milliseconds === null ? null : milliseconds / 1000);

/** One entry of `/1/user/-/activities/list.json` → the shared activity. */
export function normalizeFitbitActivity(raw: unknown): NormalizedActivity {
  const a = logEntry.parse(raw);
  // Fitbit reports in the unit system of the request's Accept-Language, metric when none is sent;
  // `distanceUnit` names the distance unit, elevation has no unit field but follows the same
  // system, so "Mile" means the elevation is in feet.
  const unit = a.distanceUnit ?? "Kilometer";
  const metersPerUnit = metersPerDistanceUnit[unit];
  const elevationFactor = unit === "Mile" ? METERS_PER_FOOT : 1;
  return {
    provider: "fitbit",
    providerActivityId: a.logId,
    name: a.activityName,
    sport: sportOf(a.activityTypeId, a.activityName),
    sportType: a.activityName,
    startTime: parseInstant(a.startTime),
    // startTime is local time written with the user's offset at that moment.
    utcOffsetMinutes: offsetOfIsoDateTime(a.startTime),
    elapsedSeconds: seconds(a.duration),
    movingSeconds: seconds(a.activeDuration),
    // An unknown unit leaves the figures empty rather than guessing.
    distanceMeters: a.distance === null || metersPerUnit === undefined ? null : round(a.distance * metersPerUnit),
    elevationGainMeters: a.elevationGain === null || metersPerUnit === undefined ? null : round(a.elevationGain * elevationFactor),
    averageHeartRate: a.averageHeartRate,
    // The list has heart-rate zones but no maximum.
    maxHeartRate: null,
    calories: a.calories,
    device: a.source?.name ?? null,
    raw,
  };
}
