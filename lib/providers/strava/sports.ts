import type { Sport } from "@/lib/activity/sports";

/**
 * Strava `sport_type` (and the legacy, coarser `type`) → shared sport. Keys are the enum values as
 * the API sends them (PascalCase); every legacy `ActivityType` value is also a `SportType` value.
 */
export const stravaSports: Readonly<Record<string, Sport>> = {
  AlpineSki: "ski",
  BackcountrySki: "ski",
  Badminton: "racket",
  Basketball: "team_sport",
  Canoeing: "paddle",
  Cricket: "team_sport",
  Crossfit: "hiit",
  Dance: "dance",
  EBikeRide: "ride",
  Elliptical: "cardio",
  EMountainBikeRide: "ride",
  Golf: "golf",
  GravelRide: "ride",
  Handcycle: "ride",
  HighIntensityIntervalTraining: "hiit",
  Hike: "hike",
  IceSkate: "skate",
  InlineSkate: "skate",
  Kayaking: "paddle",
  Kitesurf: "water_sport",
  MountainBikeRide: "ride",
  NordicSki: "nordic_ski",
  Padel: "racket",
  PhysicalTherapy: "mobility",
  Pickleball: "racket",
  Pilates: "pilates",
  Racquetball: "racket",
  Ride: "ride",
  RockClimbing: "climb",
  RollerSki: "nordic_ski", // summer training for cross-country skiing
  Rowing: "row",
  Run: "run",
  Sail: "water_sport",
  Skateboard: "skate",
  Snowboard: "snowboard",
  Snowshoe: "hike",
  Soccer: "team_sport",
  Squash: "racket",
  StairStepper: "cardio",
  StandUpPaddling: "paddle",
  Surfing: "water_sport",
  Swim: "swim",
  TableTennis: "racket",
  Tennis: "racket",
  TrailRun: "run",
  Velomobile: "ride",
  VirtualRide: "ride",
  VirtualRow: "row",
  VirtualRun: "run",
  Volleyball: "team_sport",
  Walk: "walk",
  WeightTraining: "strength",
  Wheelchair: "wheelchair",
  Windsurf: "water_sport",
  Workout: "other",
  Yoga: "yoga",
};

const byLowerCase = new Map(Object.entries(stravaSports).map(([code, sport]) => [code.toLowerCase(), sport]));

/**
 * `sport_type` is case-sensitive and arrives exactly as keyed; the legacy `type` is documented as
 * case-insensitive, so a case-insensitive match is the fallback. Unknown → "other".
 */
export function stravaSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (Object.hasOwn(stravaSports, key)) return stravaSports[key] as Sport;
  return byLowerCase.get(key.toLowerCase()) ?? "other";
}
