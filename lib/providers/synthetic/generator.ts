import type { NormalizedActivity, Sport } from "../types";

/**
 * A year of plausible training, derived only from (seed, calendar day): the same day always yields
 * the same workouts, whatever window is asked for, so syncs are incremental like a real provider's.
 */

const DAY = 86_400_000;
export const HISTORY_DAYS = 365;

/** FNV-1a: a stable 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG, good enough for demo data. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SportProfile {
  sport: Sport;
  label: string;
  weight: number;
  minutes: [number, number];
  /** Seconds per km (for distance sports). */
  pace?: [number, number];
  climbPerKm?: [number, number];
  heartRate: [number, number];
  kcalPerMinute: number;
}

const profiles: SportProfile[] = [
  { sport: "run", label: "Run", weight: 34, minutes: [25, 80], pace: [270, 390], climbPerKm: [2, 15], heartRate: [138, 165], kcalPerMinute: 11 },
  { sport: "ride", label: "Ride", weight: 20, minutes: [45, 150], pace: [110, 165], climbPerKm: [3, 14], heartRate: [125, 150], kcalPerMinute: 9 },
  { sport: "walk", label: "Walk", weight: 14, minutes: [20, 70], pace: [600, 780], climbPerKm: [0, 8], heartRate: [95, 115], kcalPerMinute: 5 },
  { sport: "strength", label: "Strength Training", weight: 12, minutes: [30, 60], heartRate: [105, 130], kcalPerMinute: 6 },
  { sport: "swim", label: "Swim", weight: 9, minutes: [25, 60], pace: [1050, 1500], heartRate: [120, 145], kcalPerMinute: 9 },
  { sport: "yoga", label: "Yoga", weight: 6, minutes: [30, 75], heartRate: [80, 100], kcalPerMinute: 3.5 },
  { sport: "hike", label: "Hike", weight: 5, minutes: [90, 240], pace: [780, 1200], climbPerKm: [25, 80], heartRate: [110, 135], kcalPerMinute: 7 },
];
const totalWeight = profiles.reduce((sum, p) => sum + p.weight, 0);
/**
 * The synthetic athlete lives where the sandbox's athletes do (UTC+1) and trains after work — or at
 * lunch and again in the evening — while the sandbox's recordings are mornings, so a feed holding
 * both reads as one person's week.
 */
export const SYNTHETIC_UTC_OFFSET_MINUTES = 60;

function between(random: () => number, [low, high]: [number, number]): number {
  return low + random() * (high - low);
}

function timeOfDay(hour: number): string {
  return hour < 11 ? "Morning" : hour < 14 ? "Lunch" : hour < 18 ? "Afternoon" : "Evening";
}

export interface SyntheticWorkout {
  id: string;
  name: string;
  sport: Sport;
  startTime: string;
  utcOffsetMinutes: number;
  elapsedSeconds: number;
  movingSeconds: number;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number;
  maxHeartRate: number;
  calories: number;
  device: string;
}

/** The workouts of one UTC calendar day (identified by its start, ms). */
export function workoutsOfDay(seed: string, dayStartMs: number): SyntheticWorkout[] {
  const offset = SYNTHETIC_UTC_OFFSET_MINUTES;
  const dayKey = new Date(dayStartMs).toISOString().slice(0, 10);
  const random = prng(hash(`${seed}:${dayKey}`));
  const roll = random();
  const count = roll < 0.4 ? 0 : roll < 0.9 ? 1 : 2;
  const workouts: SyntheticWorkout[] = [];
  let hour = count === 2 ? 12 : 17 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    let pick = random() * totalWeight;
    const profile = profiles.find((p) => (pick -= p.weight) < 0) ?? profiles[0]!;
    const minutes = Math.round(between(random, profile.minutes));
    const elapsed = minutes * 60;
    const moving = profile.pace ? Math.round(elapsed * between(random, [0.9, 0.99])) : elapsed;
    const distance = profile.pace ? Math.round((moving / between(random, profile.pace)) * 1000) : null;
    const climb = profile.climbPerKm && distance ? Math.round((distance / 1000) * between(random, profile.climbPerKm)) : null;
    const averageHeartRate = Math.round(between(random, profile.heartRate));
    const startLocal = dayStartMs + hour * 3600_000 + Math.floor(random() * 45) * 60_000;
    workouts.push({
      id: `syn-${dayKey.replace(/-/g, "")}-${n + 1}`,
      name: `${timeOfDay(hour)} ${profile.label}`,
      sport: profile.sport,
      startTime: new Date(startLocal - offset * 60_000).toISOString(),
      utcOffsetMinutes: offset,
      elapsedSeconds: elapsed,
      movingSeconds: moving,
      distanceMeters: distance,
      elevationGainMeters: climb,
      averageHeartRate,
      maxHeartRate: averageHeartRate + Math.round(between(random, [12, 30])),
      calories: Math.round(minutes * profile.kcalPerMinute * between(random, [0.85, 1.15])),
      device: "Synthetic Watch",
    });
    hour = Math.max(hour + Math.ceil(minutes / 60) + 1, 18);
  }
  return workouts;
}

export function toActivity(workout: SyntheticWorkout): NormalizedActivity {
  return {
    provider: "synthetic",
    providerActivityId: workout.id,
    name: workout.name,
    sport: workout.sport,
    sportType: workout.sport,
    startTime: new Date(workout.startTime),
    utcOffsetMinutes: workout.utcOffsetMinutes,
    elapsedSeconds: workout.elapsedSeconds,
    movingSeconds: workout.movingSeconds,
    distanceMeters: workout.distanceMeters,
    elevationGainMeters: workout.elevationGainMeters,
    averageHeartRate: workout.averageHeartRate,
    maxHeartRate: workout.maxHeartRate,
    calories: workout.calories,
    device: workout.device,
    raw: workout,
  };
}

/** Every workout that started in [after, before), never in the future nor more than a year back. */
export function generateWorkouts(seed: string, window: { after: Date; before: Date }, now = Date.now()): NormalizedActivity[] {
  const from = Math.max(window.after.getTime(), now - HISTORY_DAYS * DAY);
  const to = Math.min(window.before.getTime(), now);
  const activities: NormalizedActivity[] = [];
  // Local times can fall on the previous or next UTC day: look one day beyond each end.
  for (let day = Math.floor(from / DAY) * DAY - DAY; day <= to + DAY; day += DAY) {
    for (const workout of workoutsOfDay(seed, day)) {
      const start = Date.parse(workout.startTime);
      if (start >= from && start < to) activities.push(toActivity(workout));
    }
  }
  return activities;
}
