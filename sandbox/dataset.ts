/**
 * The sandbox's workouts: one canonical list of what an athlete really did over the last 120 days,
 * then each provider's own recording of some of them — the way a watch's run reaches Garmin and is
 * mirrored to Strava a few seconds off, or a WHOOP strap logs the same session a minute early.
 * Deterministic: the same sandbox start time always gives the same data.
 */

export type Sport = "run" | "ride" | "swim" | "walk" | "hike" | "strength";
/** The providers whose recordings are written out below (and in the benchmarks' histories). */
export type ProviderId = "strava" | "garmin" | "fitbit" | "whoop" | "coros" | "polar" | "terra";

export interface Workout {
  index: number;
  name: string;
  sport: Sport;
  /** Indoor variant (treadmill, trainer ride). */
  indoor: boolean;
  startMs: number;
  utcOffsetMinutes: number;
  elapsedSeconds: number;
  movingSeconds: number;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number;
  maxHeartRate: number;
  calories: number;
}

/** A provider's copy: the same workout with that provider's small differences. */
export interface Recording extends Workout {
  provider: string;
  /** Provider-side id of the Garmin copy, for Strava's `external_id`. */
  garminActivityId?: number;
  uploadMs: number;
}

export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
export const DATASET_DAYS = 120;
/** The athlete lives in UTC+1 (Lyon, see lib/providers/synthetic/track.ts) and trains in the morning. */
const HOME_OFFSET_MINUTES = 60;

export const profiles: Record<Sport, { names: string[]; minutes: [number, number]; pace?: [number, number]; climb?: [number, number]; hr: [number, number]; kcal: number }> = {
  run: { names: ["Morning Run", "Easy Run", "Long Run", "Intervals"], minutes: [25, 90], pace: [280, 380], climb: [2, 12], hr: [140, 165], kcal: 11 },
  ride: { names: ["Morning Ride", "Gravel Loop", "Commute"], minutes: [40, 150], pace: [110, 160], climb: [4, 14], hr: [125, 148], kcal: 9 },
  swim: { names: ["Pool Swim", "Open Water"], minutes: [25, 55], pace: [1100, 1400], hr: [120, 142], kcal: 9 },
  walk: { names: ["Evening Walk", "Lunch Walk"], minutes: [20, 60], pace: [620, 760], climb: [0, 6], hr: [92, 112], kcal: 5 },
  hike: { names: ["Ridge Hike", "Forest Hike"], minutes: [100, 220], pace: [800, 1150], climb: [30, 70], hr: [110, 132], kcal: 7 },
  strength: { names: ["Strength Training", "Gym Session"], minutes: [30, 60], hr: [105, 128], kcal: 6 },
};
export const sportWeights: [Sport, number][] = [["run", 36], ["ride", 22], ["walk", 14], ["strength", 12], ["swim", 9], ["hike", 7]];

/** Named workouts the browser tests look for. */
export const featured = {
  /** Recorded by Garmin and mirrored to Strava (+3 s, distance +0.4 %): shown once, "also on Strava". */
  merged: "Riverside Tempo Run",
  /** Two Garmin runs back to back (07:00–07:30, 07:30–08:00 local): both shown. */
  backToBack: ["Back-to-back Run 1", "Back-to-back Run 2"],
  /** Garmin INDOOR_CYCLING and Strava VirtualRide of one session: shown once. */
  indoorRide: "Trainer Ride",
} as const;

function between(random: () => number, [low, high]: [number, number]): number {
  return low + random() * (high - low);
}

export function makeWorkout(random: () => number, index: number, sport: Sport, startLocalMs: number, offset: number, name?: string, minutes?: number): Workout {
  const p = profiles[sport];
  const elapsed = Math.round((minutes ?? between(random, p.minutes)) * 60);
  const moving = p.pace ? Math.round(elapsed * between(random, [0.92, 0.99])) : elapsed;
  const distance = p.pace ? Math.round((moving / between(random, p.pace)) * 1000 * 10) / 10 : null;
  const climb = p.climb && distance ? Math.round((distance / 1000) * between(random, p.climb)) : null;
  const hr = Math.round(between(random, p.hr));
  return {
    index,
    name: name ?? p.names[Math.floor(random() * p.names.length)]!,
    sport,
    indoor: false,
    startMs: startLocalMs - offset * 60_000,
    utcOffsetMinutes: offset,
    elapsedSeconds: elapsed,
    movingSeconds: moving,
    distanceMeters: distance,
    elevationGainMeters: climb,
    averageHeartRate: hr,
    maxHeartRate: hr + Math.round(between(random, [10, 28])),
    calories: Math.round((elapsed / 60) * p.kcal),
  };
}

/** What the athlete really did, oldest first. */
export function canonicalWorkouts(now: number): Workout[] {
  const random = prng(20261125);
  const today = Math.floor(now / DAY) * DAY;
  const workouts: Workout[] = [];
  for (let daysAgo = DATASET_DAYS; daysAgo >= 4; daysAgo--) {
    if (random() > 0.5) continue;
    let pick = random() * 100;
    const sport = sportWeights.find(([, weight]) => (pick -= weight) < 0)?.[0] ?? "run";
    const offset = HOME_OFFSET_MINUTES;
    const hour = 6 + Math.floor(random() * 4);
    workouts.push(makeWorkout(random, workouts.length, sport, today - daysAgo * DAY + hour * 3600_000 + Math.floor(random() * 50) * 60_000, offset));
  }
  // The featured workouts, in the last few days so every provider's window includes them.
  workouts.push(makeWorkout(random, workouts.length, "run", today - 2 * DAY + 6.5 * 3600_000, 60, featured.merged, 48));
  workouts.push(makeWorkout(random, workouts.length, "run", today - 3 * DAY + 7 * 3600_000, 60, featured.backToBack[0], 30));
  workouts.push(makeWorkout(random, workouts.length, "run", today - 3 * DAY + 7.5 * 3600_000, 60, featured.backToBack[1], 30));
  const trainer = makeWorkout(random, workouts.length, "ride", today - 1 * DAY + 18 * 3600_000, 60, featured.indoorRide, 60);
  workouts.push({ ...trainer, indoor: true, elevationGainMeters: null });
  return workouts.filter((w) => w.startMs + w.elapsedSeconds * 1000 < now);
}

export function recording(w: Workout, provider: string, random: () => number, shift: { startSeconds: number; durationFactor: number; distanceFactor: number }): Recording {
  const elapsed = Math.round(w.elapsedSeconds * shift.durationFactor);
  return {
    ...w,
    provider,
    startMs: w.startMs + shift.startSeconds * 1000,
    elapsedSeconds: elapsed,
    movingSeconds: Math.min(elapsed, Math.round(w.movingSeconds * shift.durationFactor)),
    distanceMeters: w.distanceMeters === null ? null : Math.round(w.distanceMeters * shift.distanceFactor * 10) / 10,
    uploadMs: w.startMs + elapsed * 1000 + Math.round(between(random, [2, 40])) * 60_000,
  };
}

export type Dataset = Record<ProviderId, Recording[]>;

/** Every provider's recordings, oldest first. */
export function datasetFor(now: number): Dataset {
  const random = prng(7);
  const workouts = canonicalWorkouts(now);
  const data: Dataset = { strava: [], garmin: [], fitbit: [], whoop: [], coros: [], polar: [], terra: [] };
  const exact = { startSeconds: 0, durationFactor: 1, distanceFactor: 1 };
  const isFeatured = (w: Workout) => w.name === featured.merged || featured.backToBack.includes(w.name as never) || w.name === featured.indoorRide;

  for (const w of workouts) {
    const onGarmin = isFeatured(w) || random() < 0.75;
    if (onGarmin) {
      const garminCopy = { ...recording(w, "garmin", random, exact), garminActivityId: 19_000_000_000 + w.index };
      data.garmin.push(garminCopy);
      // Strava mirrors the watch's uploads except gym sessions, a few seconds later, distance re-measured.
      if (w.sport !== "strength" && (isFeatured(w) || random() < 0.85)) {
        const shift = w.name === featured.merged ? { startSeconds: 3, durationFactor: 1, distanceFactor: 1.004 } : {
          startSeconds: 1 + Math.floor(random() * 5),
          durationFactor: 1,
          distanceFactor: 1 + between(random, [-0.005, 0.005]),
        };
        data.strava.push({ ...recording(w, "strava", random, shift), garminActivityId: garminCopy.garminActivityId });
      }
    } else if ((w.sport === "run" || w.sport === "walk") && random() < 0.7) {
      // Phone-recorded, straight to Strava.
      data.strava.push(recording(w, "strava", random, exact));
    }
    if (isFeatured(w)) continue;
    const strap = { startSeconds: Math.round(between(random, [-90, 90])), durationFactor: between(random, [0.97, 1.03]), distanceFactor: between(random, [0.97, 1.03]) };
    if (random() < 0.45) data.whoop.push(recording(w, "whoop", random, strap));
    if ((w.sport === "run" || w.sport === "walk") && random() < 0.5) data.fitbit.push(recording(w, "fitbit", random, strap));
    if (random() < 0.3) data.polar.push(recording(w, "polar", random, strap));
    if (random() < 0.3) data.coros.push(recording(w, "coros", random, strap));
    if (random() < 0.3) data.terra.push(recording(w, "terra", random, strap));
  }
  // Every provider has something recent of its own.
  const today = Math.floor(now / DAY) * DAY;
  const own = (provider: ProviderId, daysAgo: number, sport: Sport, name: string) =>
    data[provider].push(recording(makeWorkout(random, 1000 + data[provider].length, sport, today - daysAgo * DAY + 12 * 3600_000, 60, name), provider, random, exact));
  for (const provider of ["fitbit", "whoop", "coros", "polar", "terra"] as const) {
    own(provider, 5, "walk", "Lunch Walk");
    own(provider, 9, "run", "Easy Run");
    own(provider, 16, "strength", "Strength Training");
  }
  for (const list of Object.values(data)) list.sort((a, b) => a.startMs - b.startMs);
  return data;
}

/**
 * How a provider without hand-written recordings above records the athlete's workouts, declared by
 * its sandbox module:
 * - `mirrorOf`: the same recordings as another provider (a successor API serving the same devices);
 * - otherwise a share of the workouts (only some sports, for a bike computer), started exactly
 *   (a watch or head unit) or up to a minute and a half off with durations and distances a few
 *   percent off (a strap or ring), plus three of its own in the last three weeks.
 */
export type RecordingProfile =
  | { mirrorOf: string }
  | { share: number; sports?: readonly Sport[]; drift: "exact" | "strap" };

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** A provider's recordings from its profile, oldest first; deterministic per provider id and start time. */
export function recordingsFor(provider: string, profile: Exclude<RecordingProfile, { mirrorOf: string }>, now: number): Recording[] {
  const random = prng(seedOf(provider));
  const isFeatured = (w: Workout) => w.name === featured.merged || featured.backToBack.includes(w.name as never) || w.name === featured.indoorRide;
  const fits = (sport: Sport) => !profile.sports || profile.sports.includes(sport);
  const list: Recording[] = [];
  for (const w of canonicalWorkouts(now)) {
    if (isFeatured(w) || !fits(w.sport) || random() >= profile.share) continue;
    const shift =
      profile.drift === "exact"
        ? { startSeconds: 0, durationFactor: 1, distanceFactor: 1 }
        : { startSeconds: Math.round(between(random, [-90, 90])), durationFactor: between(random, [0.97, 1.03]), distanceFactor: between(random, [0.97, 1.03]) };
    list.push(recording(w, provider, random, shift));
  }
  const today = Math.floor(now / DAY) * DAY;
  const own = profile.sports?.length ? profile.sports : (["walk", "run", "strength"] as const);
  [6, 11, 18].forEach((daysAgo, i) => {
    const sport = own[i % own.length]!;
    const workout = makeWorkout(random, 2000 + i, sport, today - daysAgo * DAY + 17 * 3600_000, 60);
    list.push(recording(workout, provider, random, { startSeconds: 0, durationFactor: 1, distanceFactor: 1 }));
  });
  return list.sort((a, b) => a.startMs - b.startMs);
}
