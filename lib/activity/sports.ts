/**
 * The shared sport vocabulary. Every provider maps each of its documented sport or type codes onto
 * one of these (its own label is kept beside it as `sportType`). The family is what de-duplication
 * compares: an indoor ride and a ride, a walk and a hike, are the same kind of workout.
 */
export const sports = [
  "run",
  "ride",
  "swim",
  "walk",
  "hike",
  "row",
  "paddle",
  "ski",
  "nordic_ski",
  "snowboard",
  "skate",
  "strength",
  "hiit",
  "cardio",
  "yoga",
  "pilates",
  "climb",
  "team_sport",
  "racket",
  "golf",
  "martial_arts",
  "dance",
  "water_sport",
  "gymnastics",
  "mobility",
  "wheelchair",
  "motorsport",
  "equestrian",
  "target_sport",
  "air_sport",
  "fishing_hunting",
  "recovery",
  "lifestyle",
  "multisport",
  "other",
] as const;

export type Sport = (typeof sports)[number];

export type SportFamily =
  | "run"
  | "ride"
  | "swim"
  | "foot"
  | "row"
  | "paddle"
  | "snow"
  | "nordic"
  | "skate"
  | "gym"
  | "studio"
  | "climb"
  | "team"
  | "racket"
  | "golf"
  | "combat"
  | "dance"
  | "water"
  | "gymnastics"
  | "wheelchair"
  | "motor"
  | "equestrian"
  | "target"
  | "air"
  | "outdoor"
  | "recovery"
  | "lifestyle"
  | "multisport"
  | "other";

export interface SportInfo {
  label: string;
  family: SportFamily;
  /** Distance is what people track (pace or speed is shown). */
  distance: boolean;
}

export const sportInfo: Record<Sport, SportInfo> = {
  run: { label: "Run", family: "run", distance: true },
  ride: { label: "Ride", family: "ride", distance: true },
  swim: { label: "Swim", family: "swim", distance: true },
  walk: { label: "Walk", family: "foot", distance: true },
  hike: { label: "Hike", family: "foot", distance: true },
  row: { label: "Row", family: "row", distance: true },
  paddle: { label: "Paddle", family: "paddle", distance: true },
  ski: { label: "Ski", family: "snow", distance: true },
  nordic_ski: { label: "Nordic ski", family: "nordic", distance: true },
  snowboard: { label: "Snowboard", family: "snow", distance: true },
  skate: { label: "Skate", family: "skate", distance: true },
  strength: { label: "Strength", family: "gym", distance: false },
  hiit: { label: "HIIT", family: "gym", distance: false },
  cardio: { label: "Cardio", family: "gym", distance: false },
  yoga: { label: "Yoga", family: "studio", distance: false },
  pilates: { label: "Pilates", family: "studio", distance: false },
  climb: { label: "Climb", family: "climb", distance: false },
  team_sport: { label: "Team sport", family: "team", distance: false },
  racket: { label: "Racket sport", family: "racket", distance: false },
  golf: { label: "Golf", family: "golf", distance: true },
  martial_arts: { label: "Martial arts", family: "combat", distance: false },
  dance: { label: "Dance", family: "dance", distance: false },
  water_sport: { label: "Water sport", family: "water", distance: true },
  gymnastics: { label: "Gymnastics", family: "gymnastics", distance: false },
  /** Stretching, mobility work, physical therapy. */
  mobility: { label: "Mobility", family: "studio", distance: false },
  wheelchair: { label: "Wheelchair", family: "wheelchair", distance: true },
  motorsport: { label: "Motorsport", family: "motor", distance: true },
  equestrian: { label: "Riding (horse)", family: "equestrian", distance: true },
  /** Archery, shooting, bowling, billiards, darts. */
  target_sport: { label: "Target sport", family: "target", distance: false },
  /** Paragliding, skydiving, hang gliding. */
  air_sport: { label: "Air sport", family: "air", distance: false },
  fishing_hunting: { label: "Fishing or hunting", family: "outdoor", distance: true },
  /** Meditation, breathwork, sauna, cold plunge, massage: logged by wearables, not training. */
  recovery: { label: "Recovery", family: "recovery", distance: false },
  /** Chores, gardening, manual work, commuting and other non-sport activity that wearables log. */
  lifestyle: { label: "Everyday activity", family: "lifestyle", distance: false },
  multisport: { label: "Multisport", family: "multisport", distance: true },
  other: { label: "Workout", family: "other", distance: false },
};

export function isSport(value: string): value is Sport {
  return Object.hasOwn(sportInfo, value);
}

export function familyOf(sport: Sport): SportFamily {
  return sportInfo[sport].family;
}
