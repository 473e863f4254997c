import type { Sport } from "@/lib/activity/sports";

/**
 * Fitbit exercise log → shared sport. Keys are `activityTypeId` / `activityParentId` as decimal
 * strings, and the English `activityName` values of auto-recognised and exercise-mode logs.
 */
export const fitbitSports: Readonly<Record<string, Sport>> = {
  // Activity catalog ids.
  "90009": "run", // Run
  "12030": "run", // Running - 5 mph (12 min/mile)
  "90013": "walk", // Walk
  "17151": "walk", // Walking less than 2 mph, strolling very slowly
  "90019": "run", // Treadmill: the exercise mode records a run indoors
  "51007": "run", // Treadmill, 0% Incline (7 mph in Fitbit's example)
  "90001": "ride", // Bike
  "1010": "ride", // Bicycling, very leisurely
  "1030": "ride", // Bicycling, moderate
  "1071": "ride", // Outdoor Bike
  "15000": "other", // Sport
  "18240": "swim", // Swimming laps, freestyle
  "18120": "water_sport", // Sailing, boat and board sailing, windsurfing, ice sailing
  "20047": "cardio", // Elliptical
  "55001": "ride", // Spinning
  // activityName values.
  Walk: "walk",
  Run: "run",
  "Outdoor Bike": "ride",
  Bike: "ride",
  Elliptical: "cardio",
  "Aerobic Workout": "cardio",
  Sport: "other",
  Swim: "swim",
  Hike: "hike",
  Treadmill: "run",
  Weights: "strength",
  Workout: "other",
  Spinning: "ride",
  Yoga: "yoga",
  "Interval Workout": "hiit",
  "Circuit Training": "hiit",
  Bootcamp: "hiit",
  Tennis: "racket",
};

const nameByLowerCase = new Map(
  Object.entries(fitbitSports)
    .filter(([code]) => !/^\d+$/.test(code))
    .map(([code, sport]) => [code.toLowerCase(), sport]),
);

/**
 * A number (or decimal string) is an activity id; anything else is an `activityName`, matched
 * without regard to case (the names are display strings; English when no Accept-Locale is sent).
 * Unknown → "other".
 */
export function fitbitSport(code: string | number | null | undefined): Sport {
  if (code === null || code === undefined) return "other";
  const key = String(code).trim();
  if (/^\d+$/.test(key)) {
    const id = String(Number(key));
    return Object.hasOwn(fitbitSports, id) ? (fitbitSports[id] as Sport) : "other";
  }
  return nameByLowerCase.get(key.toLowerCase()) ?? "other";
}
