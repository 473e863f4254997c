import type { Sport } from "@/lib/activity/sports";

/** Garmin `activityType` (Activity API v1.2.3 Appendix A; list in fixtures/documented-sport-codes.json) → shared sport. */
export const garminSports: Readonly<Record<string, Sport>> = {
  RUNNING: "run",
  INDOOR_RUNNING: "run",
  OBSTACLE_RUN: "run",
  STREET_RUNNING: "run",
  TRACK_RUNNING: "run",
  TRAIL_RUNNING: "run",
  TREADMILL_RUNNING: "run",
  ULTRA_RUN: "run",
  VIRTUAL_RUN: "run",

  CYCLING: "ride",
  BMX: "ride",
  CYCLOCROSS: "ride",
  DOWNHILL_BIKING: "ride",
  E_BIKE_FITNESS: "ride",
  E_BIKE_MOUNTAIN: "ride",
  E_ENDURO_MTB: "ride",
  ENDURO_MTB: "ride",
  GRAVEL_CYCLING: "ride",
  INDOOR_CYCLING: "ride",
  MOUNTAIN_BIKING: "ride",
  RECUMBENT_CYCLING: "ride",
  ROAD_BIKING: "ride",
  TRACK_CYCLING: "ride",
  VIRTUAL_RIDE: "ride",
  HANDCYCLING: "ride",
  INDOOR_HANDCYCLING: "ride",

  // The group's own parent name: an unspecified gym-machine session.
  FITNESS_EQUIPMENT: "cardio",
  BOULDERING: "climb",
  ELLIPTICAL: "cardio",
  INDOOR_CARDIO: "cardio",
  HIIT: "hiit",
  INDOOR_CLIMBING: "climb",
  INDOOR_ROWING: "row",
  MOBILITY: "mobility",
  PILATES: "pilates",
  STAIR_CLIMBING: "cardio",
  STRENGTH_TRAINING: "strength",
  YOGA: "yoga",
  MEDITATION: "recovery",

  SWIMMING: "swim",
  LAP_SWIMMING: "swim",
  OPEN_WATER_SWIMMING: "swim",

  WALKING: "walk",
  CASUAL_WALKING: "walk",
  SPEED_WALKING: "walk",
  HIKING: "hike",
  // Walking with a loaded pack; Appendix A groups it with hiking.
  RUCKING: "hike",

  // Parent name of the winter group; the snow family is the nearest.
  WINTER_SPORTS: "ski",
  BACKCOUNTRY_SNOWBOARDING: "snowboard",
  BACKCOUNTRY_SKIING: "ski",
  CROSS_COUNTRY_SKIING_WS: "nordic_ski",
  RESORT_SKIING: "ski",
  SNOWBOARDING_WS: "snowboard",
  // Skiing or snowboarding in one type; both are in the snow family, ski is the broader label.
  RESORT_SKIING_SNOWBOARDING_WS: "ski",
  // Cross-country skate technique.
  SKATE_SKIING_WS: "nordic_ski",
  SKATING_WS: "skate",
  // Walking on snowshoes.
  SNOW_SHOE_WS: "hike",
  SNOWMOBILING_WS: "motorsport",

  WATER_SPORTS: "water_sport",
  BOATING_V2: "water_sport",
  BOATING: "water_sport",
  FISHING_V2: "fishing_hunting",
  FISHING: "fishing_hunting",
  KAYAKING_V2: "paddle",
  KAYAKING: "paddle",
  KITEBOARDING_V2: "water_sport",
  KITEBOARDING: "water_sport",
  // Grinding is winch work on a sailing yacht (onshore: on a grinding machine); filed under water sports.
  OFFSHORE_GRINDING_V2: "water_sport",
  OFFSHORE_GRINDING: "water_sport",
  ONSHORE_GRINDING_V2: "water_sport",
  ONSHORE_GRINDING: "water_sport",
  PADDLING_V2: "paddle",
  PADDLING: "paddle",
  ROWING_V2: "row",
  ROWING: "row",
  SAILING_V2: "water_sport",
  SAILING: "water_sport",
  SNORKELING: "water_sport",
  STAND_UP_PADDLEBOARDING_V2: "paddle",
  STAND_UP_PADDLEBOARDING: "paddle",
  SURFING_V2: "water_sport",
  SURFING: "water_sport",
  WAKEBOARDING_V2: "water_sport",
  WAKEBOARDING: "water_sport",
  WATERSKIING: "water_sport",
  WHITEWATER_RAFTING_V2: "paddle",
  WHITEWATER_RAFTING: "paddle",
  WINDSURFING_V2: "water_sport",
  WINDSURFING: "water_sport",

  // Transitions are legs of a multisport session.
  TRANSITION_V2: "multisport",
  BIKE_TO_RUN_TRANSITION_V2: "multisport",
  BIKE_TO_RUN_TRANSITION: "multisport",
  RUN_TO_BIKE_TRANSITION_V2: "multisport",
  RUN_TO_BIKE_TRANSITION: "multisport",
  SWIM_TO_BIKE_TRANSITION_V2: "multisport",
  SWIM_TO_BIKE_TRANSITION: "multisport",

  TEAM_SPORTS: "team_sport",
  AMERICAN_FOOTBALL: "team_sport",
  BASEBALL: "team_sport",
  BASKETBALL: "team_sport",
  CRICKET: "team_sport",
  FIELD_HOCKEY: "team_sport",
  ICE_HOCKEY: "team_sport",
  LACROSSE: "team_sport",
  RUGBY: "team_sport",
  SOCCER: "team_sport",
  SOFTBALL: "team_sport",
  ULTIMATE_DISC: "team_sport",
  VOLLEYBALL: "team_sport",

  RACKET_SPORTS: "racket",
  BADMINTON: "racket",
  // Garmin's spelling of padel.
  PADDELBALL: "racket",
  PICKLEBALL: "racket",
  PLATFORM_TENNIS: "racket",
  RACQUETBALL: "racket",
  SQUASH: "racket",
  TABLE_TENNIS: "racket",
  TENNIS: "racket",
  TENNIS_V2: "racket",

  OTHER: "other",
  BOXING: "martial_arts",
  BREATHWORK: "recovery",
  DANCE: "dance",
  // Played round a course like golf.
  DISC_GOLF: "golf",
  // Climbing flights of stairs.
  FLOOR_CLIMBING: "cardio",
  GOLF: "golf",
  INLINE_SKATING: "skate",
  JUMP_ROPE: "cardio",
  MIXED_MARTIAL_ARTS: "martial_arts",
  // Mostly ascent on foot with distance, like a hike (climb tracks no distance).
  MOUNTAINEERING: "hike",
  ROCK_CLIMBING: "climb",
  // A plain timer with no sport, not one of the names the docs call generic: general exercise.
  STOP_WATCH: "cardio",

  // Appendix A's para-sports group holds only the wheelchair push types.
  PARA_SPORTS: "wheelchair",
  // Pushing a wheelchair is its own family, not running or walking.
  WHEELCHAIR_PUSH_RUN: "wheelchair",
  WHEELCHAIR_PUSH_WALK: "wheelchair",

  // Not in Appendix A: the name Garmin Connect gives multisport parents, kept in case a parent (isParent) carries it.
  MULTI_SPORT: "multisport",
};

/** Appendix A names are upper-case with underscores; matched case-insensitively, unknown → "other". */
export function garminSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim().toUpperCase();
  return Object.hasOwn(garminSports, key) ? garminSports[key]! : "other";
}
