import { z } from "zod";
import { idField, METERS_PER_FOOT, METERS_PER_MILE, offsetOfIsoDateTime, optionalNonNegative, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";
import { fitbitSport } from "./sports";

/**
 * The table is keyed by exercise names and by catalog ids. The name is the label the log is shown
 * under (and kept as `sportType`), so when it is known it decides; the id covers logs named after a
 * long catalog level ("Running - 5 mph (12 min/mile)") that only the id identifies.
 */
function sportOf(typeId: number | null, name: string): Sport {
  const byName = fitbitSport(name);
  return byName === "other" ? fitbitSport(typeId) : byName;
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
