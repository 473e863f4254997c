import { familyOf as sportFamily, type Sport } from "@/lib/activity/sports";
import type { Matcher } from "./grouping";

/**
 * The same workout recorded by several providers (a watch's run that Garmin has and Strava
 * mirrors) forms one group; the feed shows its primary. Two activities match when they belong to
 * the same sport family, start within a few minutes of each other (compared as UTC instants, so
 * offsets and small clock drift do not matter), overlap for most of the shorter one, and — where both
 * know them — have close durations and distances. A provider never duplicates its own records, so a group holds
 * at most one activity per provider; each member must match every other member (no chaining).
 */
export interface DedupCandidate {
  id: string;
  provider: string;
  sport: Sport;
  startMs: number;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
}

export interface DedupRules {
  maxStartDifferenceMs: number;
  /** Share of the shorter activity that both must cover. */
  minOverlapRatio: number;
  /** Largest relative distance difference, when both distances are known. */
  maxDistanceDifference: number;
  /** Largest relative duration difference, when both durations are known. */
  maxDurationDifference: number;
  /** Without durations, starts must be this close. */
  maxStartDifferenceWithoutDurationMs: number;
}

export const defaultDedupRules: DedupRules = {
  maxStartDifferenceMs: 5 * 60_000,
  minOverlapRatio: 0.7,
  maxDistanceDifference: 0.1,
  maxDurationDifference: 0.3,
  maxStartDifferenceWithoutDurationMs: 2 * 60_000,
};

function durationMs(a: DedupCandidate): number | null {
  const seconds = a.elapsedSeconds ?? a.movingSeconds;
  return seconds && seconds > 0 ? seconds * 1000 : null;
}

export function isSameWorkout(a: DedupCandidate, b: DedupCandidate, rules: DedupRules = defaultDedupRules): boolean {
  if (a.provider === b.provider || sportFamily(a.sport) !== sportFamily(b.sport)) return false;
  const startDifference = Math.abs(a.startMs - b.startMs);
  const durationA = durationMs(a);
  const durationB = durationMs(b);
  if (durationA === null || durationB === null) {
    if (startDifference > rules.maxStartDifferenceWithoutDurationMs) return false;
  } else {
    if (startDifference > rules.maxStartDifferenceMs) return false;
    const overlap = Math.min(a.startMs + durationA, b.startMs + durationB) - Math.max(a.startMs, b.startMs);
    if (overlap / Math.min(durationA, durationB) < rules.minOverlapRatio) return false;
    if (Math.abs(durationA - durationB) / Math.max(durationA, durationB) > rules.maxDurationDifference) return false;
  }
  if (a.distanceMeters && b.distanceMeters && a.distanceMeters > 0 && b.distanceMeters > 0) {
    const difference = Math.abs(a.distanceMeters - b.distanceMeters) / Math.max(a.distanceMeters, b.distanceMeters);
    if (difference > rules.maxDistanceDifference) return false;
  }
  return true;
}

/** The rule above as the grouping's matcher: a match scores higher the closer the starts are. */
export const defaultMatcher: Matcher<{ provider: string; sport: Sport; startTime: Date; elapsedSeconds: number | null; movingSeconds: number | null; distanceMeters: number | null; id: string }> = {
  windowMs: Math.max(defaultDedupRules.maxStartDifferenceMs, defaultDedupRules.maxStartDifferenceWithoutDurationMs),
  score(a, b) {
    const candidate = (x: typeof a): DedupCandidate => ({
      id: x.id,
      provider: x.provider,
      sport: x.sport,
      startMs: x.startTime.getTime(),
      elapsedSeconds: x.elapsedSeconds,
      movingSeconds: x.movingSeconds,
      distanceMeters: x.distanceMeters,
    });
    return isSameWorkout(candidate(a), candidate(b)) ? -Math.abs(a.startTime.getTime() - b.startTime.getTime()) : null;
  },
};
