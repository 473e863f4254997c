import type { Sport } from "@/lib/activity/sports";

/**
 * Google Health API `exercise.exerciseType` (Exercise.ExerciseType) → shared sport. Keys are the enum
 * names the REST API sends. This enum is the Health API's own; it is not Health Connect's
 * ExerciseSessionRecord.EXERCISE_TYPE_* list (different names and numbers).
 */
export const googleSports: Readonly<Record<string, Sport>> = {
  EXERCISE_TYPE_UNSPECIFIED: "other", // the enum's default: no type given
  AEROBIC_WORKOUT: "cardio",
  ARCHERY: "other", // target sport: none in the vocabulary
  ASSAULT_BIKE: "ride", // air bike
  BACKPACKING: "hike",
  BADMINTON: "racket",
  BALLET: "dance",
  BALLROOM_DANCE: "dance",
  BARRE_CLASS: "pilates",
  BASEBALL: "team_sport",
  BASKETBALL: "team_sport",
  BIKING: "ride",
  BILLIARDS: "other", // cue/bowling games: none in the vocabulary
  BODY_WEIGHT: "strength",
  BOOTCAMP: "hiit",
  BOWLING: "other", // cue/bowling games: none in the vocabulary
  BOXING: "martial_arts",
  BREAKDANCING: "dance",
  CALISTHENICS: "strength",
  CANOEING: "paddle",
  CARDIO_SCULPT: "cardio",
  CARDIO_WORKOUT: "cardio",
  CARPENTRY: "other", // chores, not a sport
  CHEERLEADING: "dance", // choreographed routines
  CIRCUIT_TRAINING: "hiit",
  CLEANING: "other", // chores, not a sport
  CLIMBING: "climb",
  CORE_TRAINING: "strength",
  CRICKET: "team_sport",
  CROQUET: "other", // lawn game: none in the vocabulary
  CROSS_COUNTRY_SKI: "nordic_ski",
  CROSS_TRAINING: "cardio",
  CROSSFIT: "hiit",
  CURLING: "team_sport", // played in teams
  DANCING: "dance",
  DIVING: "water_sport",
  ELECTRIC_BIKE: "ride",
  ELECTRIC_SCOOTER: "other", // motorised: no motorsport in the vocabulary
  ELLIPTICAL: "cardio",
  EQUESTRIAN_SPORTS: "other", // no equestrian sport in the vocabulary
  EXERCISE_CLASS: "cardio",
  FENCING: "martial_arts",
  FIELD_HOCKEY: "team_sport",
  FISHING: "other", // no fishing/hunting in the vocabulary
  FITNESS_GAMING: "cardio", // exercise through a motion game
  FOILING: "water_sport",
  FOOTBALL_AMERICAN: "team_sport",
  FOOTBALL_AUSTRALIAN: "team_sport",
  FREE_WEIGHTS: "strength",
  FRISBEE_PLAYING_GENERAL: "team_sport", // disc games are mostly team games
  FUNCTIONAL_STRENGTH_TRAINING: "strength",
  GARDENING: "other", // chores, not a sport
  GOLF: "golf",
  GYMNASTICS: "strength", // bodyweight strength work; no gymnastics sport in the vocabulary
  HANDBALL: "team_sport",
  HAND_CYCLING: "ride",
  HIIT: "hiit",
  HIKING: "hike",
  HIP_HOP: "dance",
  HOCKEY: "team_sport",
  HOEING: "other", // chores, not a sport
  HOUSEHOLD_CHORES: "other", // chores, not a sport
  HUNTING: "other", // no fishing/hunting in the vocabulary
  ICE_SKATING: "skate",
  INCLINE_RUN: "run",
  INCLINE_WALK: "walk",
  INDOOR_CLIMBING: "climb",
  INTERVAL_WORKOUT: "hiit",
  JAZZ_DANCE: "dance",
  JIU_JITSU: "martial_arts",
  JUMPING_ROPE: "cardio",
  KARATE: "martial_arts",
  KAYAKING: "paddle",
  KICKBOXING: "martial_arts",
  KITESURFING: "water_sport",
  LACROSSE: "team_sport",
  MARTIAL_ARTS: "martial_arts",
  MEDITATE: "other", // not physical exercise
  MODERN_DANCE: "dance",
  MOTOCROSS: "other", // motorised: no motorsport in the vocabulary
  MOTORCYCLE: "other", // motorised: no motorsport in the vocabulary
  MOUNTAIN_BIKE: "ride",
  MOWING_LAWN: "other", // chores, not a sport
  MUAY_THAI: "martial_arts",
  MULTISPORT: "multisport",
  MUSICAL_PERFORMANCE: "other", // not a sport
  NORDIC_WALKING: "walk",
  ORIENTEERING: "run", // navigating a course on foot, mostly running
  OTHER: "other",
  OUTDOOR_BIKE: "ride",
  OUTDOOR_WORKOUT: "other", // a workout of no named kind, done outdoors
  PADDLEBOARDING: "paddle",
  PADEL: "racket",
  PAINTING: "other", // not a sport
  PARAGLIDING: "other", // air sport: none in the vocabulary
  PARKOUR: "cardio", // running, jumping and climbing over obstacles
  PICKELBALL: "racket",
  PILATES: "pilates",
  POLO: "team_sport",
  POWERLIFTING: "strength",
  POWER_WALKING: "walk",
  RACKET_SPORTS: "racket",
  RACQUETBALL: "racket",
  RESISTANCE_BANDS: "strength",
  ROCK_CLIMBING: "climb",
  ROLLERBLADING: "skate",
  ROLLER_SKATING: "skate",
  ROWING: "row",
  ROWING_MACHINE: "row",
  RUCKING: "hike",
  RUGBY: "team_sport",
  RUNNING: "run",
  SAILING: "water_sport",
  SCOOTERING: "skate", // kick scooter, a wheeled board sport
  SCUBA_DIVING: "water_sport",
  SHOOTING: "other", // target sport: none in the vocabulary
  SHOVELING: "other", // chores, not a sport
  SKATEBOARDING: "skate",
  SKATING: "skate",
  SKIING: "ski",
  SKYDIVING: "other", // air sport: none in the vocabulary
  SNORKELING: "water_sport",
  SNOWBOARDING: "snowboard",
  SNOWMOBILING: "other", // motorised: no motorsport in the vocabulary
  SNOWSHOEING: "hike",
  SNOW_SPORT: "ski", // unnamed snow sport; ski is the snow family
  SOCCER: "team_sport",
  SOFTBALL: "team_sport",
  SPEED_SKATING: "skate",
  SPINNING: "ride",
  SPORT: "other",
  SQUASH: "racket",
  STAIRCLIMBER: "cardio",
  STATIONARY_BIKE: "ride",
  STEP_TRAINING: "cardio",
  STRENGTH_TRAINING: "strength",
  STRETCHING: "yoga", // flexibility work, studio family
  STROLLER_WALK: "walk",
  SURFING: "water_sport",
  SWIMMING: "swim",
  SWIMMING_OPEN_WATER: "swim",
  SWIMMING_POOL: "swim",
  SYNCHRONIZED_SWIMMING: "swim",
  TABATA_WORKOUT: "hiit",
  TABLE_TENNIS: "racket",
  TAEKWONDO: "martial_arts",
  TAI_CHI: "martial_arts", // a martial art practised slowly
  TANGO: "dance",
  TENNIS: "racket",
  TRACK_AND_FIELD: "run", // throws and jumps as well as running; running is most of what is tracked
  TRAIL_RUN: "run",
  TRAMPOLINE: "cardio", // rebounding exercise
  TREADMILL: "run",
  TREADMILL_WALK: "walk",
  TRX: "strength",
  ULTIMATE_FRISBEE: "team_sport",
  UNICYCLING: "ride", // pedalled
  VOLLEYBALL: "team_sport",
  VOLLEYBALL_BEACH: "team_sport",
  WAKEBOARDING: "water_sport",
  WALKING: "walk",
  WALK_WITH_WEIGHTS: "walk",
  WATER_AEROBICS: "water_sport", // exercise in water, not swimming laps
  WATER_JOGGING: "water_sport", // running motion in deep water, not a run on land
  WATER_POLO: "team_sport",
  WATER_SKIING: "water_sport",
  WATER_SPORT: "water_sport",
  WATER_VOLLEYBALL: "team_sport",
  WEEDING: "other", // chores, not a sport
  WEIGHTLIFTING: "strength",
  WEIGHT_MACHINES: "strength",
  WEIGHTS: "strength",
  WHEELCHAIR: "walk", // stands where a walk or run would; no wheelchair sport in the vocabulary
  WINDSURFING: "water_sport",
  WORKOUT: "other",
  WRESTLING: "martial_arts",
  YOGA: "yoga",
  YOGA_BIKRAM: "yoga",
  YOGA_HATHA: "yoga",
  YOGA_POWER: "yoga",
  YOGA_VINYASA: "yoga",
  ZUMBA: "dance",
};

/**
 * JSON carries the enum name; names are upper snake case, so other casings are folded to it.
 * Unknown (including values added after this table) → "other".
 */
export function googleSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim().toUpperCase();
  return Object.hasOwn(googleSports, key) ? (googleSports[key] as Sport) : "other";
}
