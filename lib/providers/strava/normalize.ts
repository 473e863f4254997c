import { z } from "zod";
import { idField, optionalNonNegative, optionalNumber, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { stravaSport } from "./sports";

const summaryActivity = z.object({
  id: idField,
  name: z.string(),
  sport_type: z.string().nullish(),
  type: z.string().nullish(),
  start_date: z.string(),
  utc_offset: optionalNumber,
  elapsed_time: optionalNonNegative,
  moving_time: optionalNonNegative,
  distance: optionalNonNegative,
  total_elevation_gain: optionalNonNegative,
  average_heartrate: optionalNonNegative,
  max_heartrate: optionalNonNegative,
  calories: optionalNonNegative,
  kilojoules: optionalNonNegative,
  device_name: optionalString,
});

/** A SummaryActivity (list) or DetailedActivity (detail) → the shared activity. */
export function normalizeStravaActivity(raw: unknown): NormalizedActivity {
  const a = summaryActivity.parse(raw);
  const sportType = a.sport_type ?? a.type ?? null;
  // Older uploads may carry only the coarse legacy `type`, or a `sport_type` newer than our table
  // whose legacy `type` is still a known value, so `type` gets its turn before "other".
  const fromSportType = stravaSport(a.sport_type);
  const sport = fromSportType === "other" ? stravaSport(a.type) : fromSportType;
  return {
    provider: "strava",
    providerActivityId: a.id,
    name: a.name,
    sport,
    sportType,
    // `start_date` is UTC; `start_date_local` also ends in "Z" but is wall-clock time, so it is not used.
    startTime: parseInstant(a.start_date),
    utcOffsetMinutes: a.utc_offset === null ? null : Math.round(a.utc_offset / 60),
    elapsedSeconds: a.elapsed_time,
    movingSeconds: a.moving_time,
    distanceMeters: a.distance,
    elevationGainMeters: a.total_elevation_gain,
    averageHeartRate: a.average_heartrate,
    maxHeartRate: a.max_heartrate,
    // The list endpoint has no calories. For rides with power, mechanical work in kJ is close to
    // the kcal burned (≈24 % efficiency cancels the 4.184 kJ/kcal factor), so it stands in.
    calories: a.calories ?? (sport === "ride" ? round(a.kilojoules, 0) : null),
    device: a.device_name,
    raw,
  };
}
