import type { Sport } from "@/lib/activity/sports";

/**
 * Oura workout `activity` → shared sport. Oura documents `activity` as a free string with no enum;
 * keys are the lowercase snake_case values known from integrations (see the fixture's source).
 */
export const ouraSports: Readonly<Record<string, Sport>> = {
  running: "run",
  trail_running: "run",
  walking: "walk",
  hiking: "hike",
  cycling: "ride",
  mountain_biking: "ride",
  indoor_cycling: "ride",
  swimming: "swim",
  rowing: "row",
  kayaking: "paddle",
  stand_up_paddling: "paddle",
  surfing: "water_sport",
  sailing: "water_sport",
  water_polo: "team_sport",
  strength_training: "strength",
  weightlifting: "strength",
  functional_training: "hiit",
  hiit: "hiit",
  circuit_training: "hiit",
  elliptical: "cardio",
  stair_climbing: "cardio",
  jump_rope: "cardio",
  yoga: "yoga",
  pilates: "pilates",
  stretching: "mobility",
  meditation: "recovery",
  breathwork: "recovery",
  skiing: "ski",
  cross_country_skiing: "nordic_ski",
  snowboarding: "snowboard",
  ice_skating: "skate",
  soccer: "team_sport",
  basketball: "team_sport",
  volleyball: "team_sport",
  baseball: "team_sport",
  rugby: "team_sport",
  cricket: "team_sport",
  handball: "team_sport",
  lacrosse: "team_sport",
  american_football: "team_sport",
  ice_hockey: "team_sport",
  field_hockey: "team_sport",
  tennis: "racket",
  squash: "racket",
  badminton: "racket",
  table_tennis: "racket",
  pickleball: "racket",
  padel: "racket",
  boxing: "martial_arts",
  martial_arts: "martial_arts",
  wrestling: "martial_arts",
  rock_climbing: "climb",
  climbing: "climb",
  golf: "golf",
  inline_skating: "skate",
  skateboarding: "skate",
  horseback_riding: "equestrian",
  dancing: "dance",
  dance: "dance",
  group_exercise: "cardio", // a class of no named kind
  aerobics: "cardio",
  gymnastics: "gymnastics",
  triathlon: "multisport",
  other: "other",
  activity: "other",
  workout: "other",
  rest: "recovery",
  recovery: "recovery",
};

/**
 * Values are lowercase snake_case; other casings and space or hyphen separators are folded to that
 * form, since no spelling is documented. Unknown → "other".
 */
export function ouraSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code)
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return Object.hasOwn(ouraSports, key) ? (ouraSports[key] as Sport) : "other";
}
