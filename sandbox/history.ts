/**
 * Long, realistic histories for benchmarks: years of training where about 30 % of the records are
 * the same workout seen by a second provider (a watch's run mirrored to Strava seconds later, a
 * strap's record of the same session a minute off), rendered in each provider's wire format.
 */
import { makeWorkout, prng, profiles, recording, sportWeights, type Dataset, type ProviderId, type Recording } from "./dataset";
import { record as corosItem } from "./providers/coros";
import { entry as fitbitItem } from "./providers/fitbit";
import { summary as garminItem } from "./providers/garmin";
import { exercise as polarItem } from "./providers/polar";
import { summaryActivity as stravaItem } from "./providers/strava";
import { activity as terraItem } from "./providers/terra";
import { workout as whoopItem } from "./providers/whoop";

export const historyProviders: readonly ProviderId[] = ["garmin", "strava", "whoop", "fitbit", "coros", "polar", "terra"];

/** One provider's record of a workout, as that provider's list endpoint sends it. */
export const wireItem: Record<ProviderId, (r: Recording, position: number) => unknown> = {
  strava: (r, position) => stravaItem(r, position, 134815),
  garmin: (r) => garminItem(r, "bench-garmin-user"),
  // The sandbox writes ids beyond 2^53 with a marker it strips when serving; an item sent whole keeps digits only.
  fitbit: (r, position) => {
    const item = fitbitItem(r, position);
    return { ...item, logId: item.logId.replace(/^\D+/, "") };
  },
  whoop: (r) => whoopItem(r, 10129),
  coros: (r, position) => corosItem(r, position),
  terra: (r) => terraItem(r, "bench-terra-user"),
  polar: (r, position) => polarItem(r, position, "bench-polar-user"),
};

const DAY = 86_400_000;

/**
 * `records` records in all over `days` days ending at `endMs`. A workout is recorded by one
 * provider, or (43 % of workouts, so 30 % of records) by two, the second a little off. `providers`
 * (all of `historyProviders` unless given) are the ones that record.
 */
export function historyOf(options: { records: number; days: number; endMs: number; seed: number; providers?: readonly ProviderId[] }): Dataset {
  const recorders = options.providers ?? historyProviders;
  const random = prng(options.seed);
  const data: Dataset = { strava: [], garmin: [], fitbit: [], whoop: [], coros: [], polar: [], terra: [] };
  const workouts = Math.ceil(options.records / 1.43);
  // The last day is yesterday, so every workout has ended by `endMs`.
  const firstDay = Math.floor(options.endMs / DAY) * DAY - (options.days + 1) * DAY;
  let records = 0;
  for (let index = 0; records < options.records; index++) {
    let pick = random() * 100;
    const sport = sportWeights.find(([, weight]) => (pick -= weight) < 0)?.[0] ?? "run";
    // Spread evenly over the days, at a daytime hour; later workouts are later in time.
    const day = Math.min(options.days - 1, Math.floor((index / workouts) * options.days));
    const startLocal = firstDay + day * DAY + (5 + random() * 15) * 3600_000;
    const [low, high] = profiles[sport].minutes;
    const workout = makeWorkout(random, index, sport, startLocal, 60, undefined, low + random() * (high - low));
    const first = recorders[Math.floor(random() * recorders.length)]!;
    const exact = { startSeconds: 0, durationFactor: 1, distanceFactor: 1 };
    data[first].push({ ...recording(workout, first, random, exact), garminActivityId: 19_000_000_000 + index });
    records++;
    if (records < options.records && random() < 0.43) {
      const others = recorders.filter((p) => p !== first);
      const second = others[Math.floor(random() * others.length)]!;
      const drift = { startSeconds: Math.round(random() * 40 - 20), durationFactor: 1 + (random() - 0.5) * 0.02, distanceFactor: 1 + (random() - 0.5) * 0.01 };
      data[second].push({ ...recording(workout, second, random, drift), garminActivityId: 19_000_000_000 + index });
      records++;
    }
  }
  return data;
}

/** A history rendered in each provider's wire format. */
export function wireHistory(history: Dataset): Record<ProviderId, unknown[]> {
  return Object.fromEntries(
    Object.entries(history).map(([provider, list]) => [provider, list.map((r, position) => wireItem[provider as ProviderId](r, position))]),
  ) as Record<ProviderId, unknown[]>;
}
