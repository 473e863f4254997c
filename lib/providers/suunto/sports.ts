import type { Sport } from "@/lib/activity/sports";

/** Suunto workout `activityId` (Suunto's activity ID list; list in fixtures/documented-sport-codes.json) → shared sport. Note 0 is Walking. */
export const suuntoSports: Readonly<Record<string, Sport>> = {
  0: "walk",
  1: "run",
  2: "ride",
  3: "nordic_ski",
  // Other1–Other6: the list's own generic "Other" sports.
  4: "other",
  5: "other",
  6: "other",
  7: "other",
  8: "other",
  9: "other",
  10: "ride",
  11: "hike",
  12: "skate",
  13: "ski",
  14: "paddle",
  15: "row",
  16: "golf",
  // Indoor sports: unspecified indoor exercise.
  17: "cardio",
  // Parkour: freerunning, movement on foot.
  18: "run",
  // Ball games: mostly team games.
  19: "team_sport",
  20: "strength",
  21: "swim",
  22: "run",
  23: "strength",
  24: "walk",
  25: "equestrian",
  26: "motorsport",
  27: "skate",
  28: "water_sport",
  29: "climb",
  30: "snowboard",
  31: "ski",
  // Fitness class: an unspecified group exercise class.
  32: "cardio",
  33: "team_sport",
  34: "racket",
  35: "team_sport",
  36: "racket",
  37: "team_sport",
  38: "team_sport",
  39: "team_sport",
  40: "racket",
  41: "racket",
  42: "racket",
  43: "team_sport",
  44: "team_sport",
  45: "team_sport",
  46: "target_sport",
  47: "team_sport",
  48: "team_sport",
  49: "skate",
  50: "team_sport",
  // Yoga/pilates in one type: yoga is the broader of the two.
  51: "yoga",
  52: "ride",
  53: "run",
  // Crossfit: high-intensity functional training.
  54: "hiit",
  55: "cardio",
  // Roller skiing: off-snow cross-country skiing.
  56: "nordic_ski",
  57: "row",
  58: "mobility",
  // Track and field: mostly track running.
  59: "run",
  // Orienteering: navigation on the run.
  60: "run",
  61: "paddle",
  62: "martial_arts",
  63: "strength",
  64: "dance",
  // Snow shoeing: walking on snowshoes.
  65: "hike",
  // Frisbee golf: played round a course like golf.
  66: "golf",
  67: "team_sport",
  68: "multisport",
  69: "cardio",
  70: "hike",
  71: "water_sport",
  72: "paddle",
  // Circuit training: exercises in timed rotation, an interval format.
  73: "hiit",
  74: "multisport",
  75: "racket",
  // Cheerleading: tumbling and stunts, nearest to gymnastics.
  76: "gymnastics",
  77: "martial_arts",
  // Scuba diving, freediving, snorkeling: underwater sports, not swim workouts.
  78: "water_sport",
  79: "water_sport",
  80: "multisport",
  81: "gymnastics",
  82: "paddle",
  // Mountaineering: ascent on foot with distance, like a hike.
  83: "hike",
  84: "ski",
  85: "swim",
  86: "water_sport",
  87: "water_sport",
  88: "air_sport",
  // Snorkeling: see Scuba diving (78).
  90: "water_sport",
  91: "water_sport",
  92: "multisport",
  93: "multisport",
  94: "multisport",
  95: "run",
  96: "fishing_hunting",
  97: "fishing_hunting",
  // Transition: the changeover inside a multisport session.
  98: "multisport",
  99: "ride",
  // Mermaiding: swimming with a monofin.
  100: "swim",
  101: "fishing_hunting",
  102: "cardio",
  103: "run",
  104: "strength",
  105: "ride",
  106: "ride",
  107: "ski",
  108: "wheelchair",
  109: "ride",
  // Splitboarding: backcountry snowboarding.
  110: "snowboard",
  // Biathlon: cross-country skiing with shooting.
  111: "nordic_ski",
  112: "recovery",
  113: "team_sport",
  114: "ride",
  115: "run",
  116: "ski",
  117: "nordic_ski",
  118: "nordic_ski",
  119: "lifestyle",
  120: "pilates",
  121: "yoga",
};

/** Suunto sends `activityId` as an integer; a decimal string is read the same way. Unknown or missing → "other". */
export function suuntoSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (!/^\d+$/.test(key)) return "other";
  return Object.hasOwn(suuntoSports, String(Number(key))) ? suuntoSports[String(Number(key))]! : "other";
}
