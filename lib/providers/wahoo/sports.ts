import type { Sport } from "@/lib/activity/sports";

/** Wahoo `workout_type_id` → shared sport. Keys are the ids as decimal strings. */
export const wahooSports: Readonly<Record<string, Sport>> = {
  "0": "ride", // BIKING
  "1": "run", // RUNNING
  "2": "cardio", // FE (fitness equipment, unspecified machine)
  "3": "run", // RUNNING_TRACK
  "4": "run", // RUNNING_TRAIL
  "5": "run", // RUNNING_TREADMILL
  "6": "walk", // WALKING
  "7": "walk", // WALKING_SPEED
  "8": "walk", // WALKING_NORDIC
  "9": "hike", // HIKING
  "10": "hike", // MOUNTAINEERING (Wahoo's family: WALKING)
  "11": "ride", // BIKING_CYCLECROSS
  "12": "ride", // BIKING_INDOOR
  "13": "ride", // BIKING_MOUNTAIN
  "14": "ride", // BIKING_RECUMBENT
  "15": "ride", // BIKING_ROAD
  "16": "ride", // BIKING_TRACK
  "17": "motorsport", // BIKING_MOTOCYCLING: filed under Wahoo's BIKING family, but the rider is on a motorbike, not pedalling
  "18": "cardio", // FE_GENERAL
  "19": "run", // FE_TREADMILL
  "20": "cardio", // FE_ELLIPTICAL
  "21": "ride", // FE_BIKE
  "22": "row", // FE_ROWER
  "23": "cardio", // FE_CLIMBER
  "25": "swim", // SWIMMING_LAP
  "26": "swim", // SWIMMING_OPEN_WATER
  "27": "snowboard", // SNOWBOARDING
  "28": "ski", // SKIING
  "29": "ski", // SKIING_DOWNHILL
  "30": "nordic_ski", // SKIINGCROSS_COUNTRY
  "31": "skate", // SKATING
  "32": "skate", // SKATING_ICE
  "33": "skate", // SKATING_INLINE
  "34": "skate", // LONG_BOARDING
  "35": "water_sport", // SAILING
  "36": "water_sport", // WINDSURFING
  "37": "paddle", // CANOEING
  "38": "paddle", // KAYAKING
  "39": "row", // ROWING
  "40": "water_sport", // KITEBOARDING
  "41": "paddle", // STAND_UP_PADDLE_BOARD
  "42": "other", // WORKOUT
  "43": "cardio", // CARDIO_CLASS
  "44": "cardio", // STAIR_CLIMBER
  "45": "wheelchair", // WHEELCHAIR
  "46": "golf", // GOLFING
  "47": "other", // OTHER
  "49": "ride", // BIKING_INDOOR_CYCLING_CLASS
  "56": "walk", // WALKING_TREADMILL
  "61": "ride", // BIKING_INDOOR_TRAINER
  "62": "multisport", // MULTISPORT
  "63": "multisport", // TRANSITION: the changeover inside a multisport event
  "64": "ride", // EBIKING
  "65": "cardio", // TICKR_OFFLINE: a strap-only recording names no sport but is still a workout, so general exercise (as Garmin STOP_WATCH)
  "66": "yoga", // YOGA
  "67": "run", // RUNNING_RACE
  "68": "ride", // BIKING_INDOOR_VIRTUAL
  "69": "recovery", // MENTAL_STRENGTH: guided mental training, closest to meditation
  "70": "ride", // HANDCYCLING
  "71": "run", // RUNNING_INDOOR_VIRTUAL
  "255": "other", // UNKNOWN
};

/** Ids arrive as JSON integers (a decimal string is accepted too). Unknown → "other". */
export function wahooSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (!/^-?\d+$/.test(key)) return "other";
  const id = String(Number(key));
  return Object.hasOwn(wahooSports, id) ? (wahooSports[id] as Sport) : "other";
}
