import type { Sport } from "@/lib/providers/types";

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

/** Indoor and outdoor, virtual and real: the family is what makes two records comparable. */
const familyOf: Record<Sport, string> = {
  run: "run",
  ride: "ride",
  swim: "swim",
  walk: "foot",
  hike: "foot",
  strength: "strength",
  yoga: "yoga",
  row: "row",
  ski: "ski",
  other: "other",
};

function durationMs(a: DedupCandidate): number | null {
  const seconds = a.elapsedSeconds ?? a.movingSeconds;
  return seconds && seconds > 0 ? seconds * 1000 : null;
}

export function isSameWorkout(a: DedupCandidate, b: DedupCandidate, rules: DedupRules = defaultDedupRules): boolean {
  if (a.provider === b.provider || familyOf[a.sport] !== familyOf[b.sport]) return false;
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

export interface GroupAssignment {
  groupId: string;
  isPrimary: boolean;
}

/** Lower index wins; providers not listed come after, alphabetically. */
export function priorityRank(priority: readonly string[], provider: string): number {
  const index = priority.indexOf(provider);
  return index === -1 ? priority.length : index;
}

/**
 * Groups every candidate. The group id is the primary's id, so it is stable as long as the
 * primary is; the primary is the member from the highest-priority source.
 */
export function groupDuplicates(
  candidates: readonly DedupCandidate[],
  priority: readonly string[],
  rules: DedupRules = defaultDedupRules,
): Map<string, GroupAssignment> {
  const sorted = [...candidates].sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
  const groups: DedupCandidate[][] = [];
  const window = Math.max(rules.maxStartDifferenceMs, rules.maxStartDifferenceWithoutDurationMs);
  let firstOpen = 0;

  for (const candidate of sorted) {
    // Groups whose latest member started too long ago can no longer take anyone.
    while (firstOpen < groups.length && candidate.startMs - groups[firstOpen]!.at(-1)!.startMs > window) firstOpen++;
    let best: DedupCandidate[] | undefined;
    let bestDifference = Infinity;
    for (let i = firstOpen; i < groups.length; i++) {
      const group = groups[i]!;
      if (!group.every((member) => isSameWorkout(member, candidate, rules))) continue;
      const difference = Math.min(...group.map((member) => Math.abs(member.startMs - candidate.startMs)));
      if (difference < bestDifference) {
        best = group;
        bestDifference = difference;
      }
    }
    if (best) best.push(candidate);
    else groups.push([candidate]);
  }

  const assignments = new Map<string, GroupAssignment>();
  for (const group of groups) {
    const primary = group.reduce((a, b) => {
      const rankDifference = priorityRank(priority, a.provider) - priorityRank(priority, b.provider);
      if (rankDifference !== 0) return rankDifference < 0 ? a : b;
      return a.provider.localeCompare(b.provider) <= 0 ? a : b;
    });
    for (const member of group) assignments.set(member.id, { groupId: primary.id, isPrimary: member === primary });
  }
  return assignments;
}
