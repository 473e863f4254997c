import type { Sport } from "@/lib/activity/sports";

/**
 * COROS sport type (mode × 10 + subMode, e.g. 81 Outdoor Run; list in fixtures/documented-sport-codes.json)
 * → shared sport.
 */
export const corosSports: Readonly<Record<string, Sport>> = {
  81: "run",
  82: "run",
  91: "ride",
  92: "ride",
  93: "ride",
  94: "ride",
  95: "ride",
  96: "ride",
  101: "swim",
  102: "swim",
  131: "multisport",
  132: "multisport",
  // Ski Touring (13/3 and 29/1): uphill-and-downhill touring skiing.
  133: "ski",
  134: "climb",
  // Mountain Climb: COROS's mountaineering mode, ascent on foot with distance like a hike.
  141: "hike",
  151: "run",
  161: "hike",
  181: "cardio",
  182: "cardio",
  191: "nordic_ski",
  201: "run",
  211: "ski",
  212: "snowboard",
  // Pilot: COROS's flying mode.
  221: "air_sport",
  232: "strength",
  241: "row",
  242: "row",
  // Whitewater and Flatwater are COROS's kayak/canoe paddling modes.
  251: "paddle",
  261: "paddle",
  271: "water_sport",
  281: "water_sport",
  291: "ski",
  311: "walk",
  321: "fishing_hunting",
  322: "fishing_hunting",
  324: "fishing_hunting",
  325: "fishing_hunting",
  326: "fishing_hunting",
  327: "fishing_hunting",
  328: "fishing_hunting",
  329: "fishing_hunting",
  332: "climb",
  333: "climb",
  342: "cardio",
  362: "racket",
  372: "racket",
  381: "team_sport",
  391: "team_sport",
  401: "racket",
  412: "cardio",
  422: "yoga",
  432: "pilates",
  442: "martial_arts",
  // Frisbee: mostly ultimate, a team game.
  451: "team_sport",
  461: "skate",
  471: "racket",
  // Custom Sport (outdoor/indoor): a user-defined sport, not named generic by the docs; general exercise.
  981: "cardio",
  992: "cardio",
};

/** The documented display name of each sport type, for naming workouts (COROS sends no title). */
export const corosSportNames: Readonly<Record<string, string>> = {
  81: "Outdoor Run",
  82: "Indoor Run",
  91: "Outdoor Bike",
  92: "Indoor Bike",
  93: "E-Bike",
  94: "Mountain Bike",
  95: "E-Mountain Bike",
  96: "Gravel Bike",
  101: "Open Water",
  102: "Pool Swim",
  131: "Triathlon",
  132: "Multisport",
  133: "Ski Touring",
  134: "Outdoor Climb",
  141: "Mountain Climb",
  151: "Trail Run",
  161: "Hike",
  181: "GPS Cardio",
  182: "Gym Cardio",
  191: "XC Ski",
  201: "Track Run",
  211: "Ski",
  212: "Snowboard",
  221: "Pilot",
  232: "Strength",
  241: "Rowing",
  242: "Indoor Rower",
  251: "Whitewater",
  261: "Flatwater",
  271: "Windsurfing",
  281: "Speedsurfing",
  291: "Ski Touring",
  311: "Walk",
  321: "Boat Fishing",
  322: "Shore Fishing",
  324: "Kayak Fishing",
  325: "InShore Fishing",
  326: "OffShore Fishing",
  327: "Boat Fly Fishing",
  328: "Shore Fly Fishing",
  329: "Surf Fishing",
  332: "Single-Pitch",
  333: "Bouldering",
  342: "Jump Rope",
  362: "Badminton",
  372: "Table Tennis",
  381: "Basketball",
  391: "Soccer",
  401: "Pickleball",
  412: "Elliptical",
  422: "Yoga",
  432: "Pilates",
  442: "Boxing",
  451: "Frisbee",
  461: "Skateboard",
  471: "Tennis",
  981: "Custom Sport Outdoor",
  992: "Custom Sport Indoor",
};

/** COROS sends `mode` and `subMode` separately; every documented subMode is below 10, so mode × 10 + subMode is unique. */
export function corosSportCode(mode: number, subMode: number): number {
  return mode * 10 + subMode;
}

/** Looks up a mode × 10 + subMode code (number or decimal string). Unknown or missing → "other". */
export function corosSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (!/^\d+$/.test(key)) return "other";
  return Object.hasOwn(corosSports, String(Number(key))) ? corosSports[String(Number(key))]! : "other";
}
