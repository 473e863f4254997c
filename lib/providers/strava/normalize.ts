import { z } from "zod";
import { idField, optionalNonNegative, optionalNumber, optionalString, parseInstant, round } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/** Strava `sport_type` (or legacy `type`) → shared sport. Unlisted types are "other". */
const sportByType: Record<string, Sport> = {
  Run: "run",
  TrailRun: "run",
  VirtualRun: "run",
  Ride: "ride",
  MountainBikeRide: "ride",
  GravelRide: "ride",
  EBikeRide: "ride",
  EMountainBikeRide: "ride",
  VirtualRide: "ride",
  Velomobile: "ride",
  Handcycle: "ride",
  Swim: "swim",
  Walk: "walk",
  Hike: "hike",
  Snowshoe: "hike",
  WeightTraining: "strength",
  Crossfit: "strength",
  Yoga: "yoga",
  Pilates: "yoga",
  Rowing: "row",
  VirtualRow: "row",
  AlpineSki: "ski",
  BackcountrySki: "ski",
  NordicSki: "ski",
  RollerSki: "ski",
  Snowboard: "ski",
};

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
  const sport = (sportType && sportByType[sportType]) || "other";
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
