import { mergeActivityValues, type ActivityValues } from "@/lib/activity/fields";
import type { Sport } from "@/lib/activity/sports";

/**
 * Grouping as a pure function of a set of activities. Two activities are linked when the matcher
 * says they are the same workout; the linked sets (components) are independent of each other, so
 * grouping one component gives the same answer whether it is computed alone (an incremental
 * regroup after a sync) or with the whole history (a full regroup).
 */
export interface GroupMember extends ActivityValues {
  id: string;
  provider: string;
  providerActivityId: string;
  groupId: string | null;
  groupStart: Date | null;
  isPrimary: boolean;
}

/** A record's name and times: all that is known of it before its whole row is read. */
export interface LinkTimes {
  provider: string;
  providerActivityId: string;
  sport: Sport;
  sportType: string | null;
  startTime: Date;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
}

export interface Matcher<T = GroupMember> {
  /** No two activities whose starts are further apart than this are ever the same workout. */
  readonly windowMs: number;
  /**
   * Whether `a` and `b` could be linked at all, from their names and times alone; false must mean
   * that `score` is null. Lets the regrouping read whole rows only of records that could matter.
   */
  mayLink?(a: LinkTimes, b: LinkTimes): boolean;
  /** How strongly `a` and `b` look like one workout (higher is stronger), or null when they are not. */
  score(a: T, b: T): number | null;
  /** Why `a` and `b` are (or are not) one workout, as a short sentence. */
  explain?(a: T, b: T): string;
  /**
   * Whether `piece` is a part of `whole` rather than a copy of it: a leg inside a multisport record,
   * or a fragment a detector split off a longer recording. Such a pair must also score. Pieces of
   * one whole share its group without matching each other (a swim does not look like a ride), as
   * long as they do not overlap.
   */
  isPartOf?(piece: T, whole: T): boolean;
}

export interface Group<T extends GroupMember = GroupMember> {
  /** The member shown; its id is the group's (and its workout's) id. */
  primary: T;
  /** Every member, primary first, then by source priority. */
  members: T[];
}

/** Lower index wins; providers not listed come after. */
export function priorityRank(priority: readonly string[], provider: string): number {
  const index = priority.indexOf(provider);
  return index === -1 ? priority.length : index;
}

const byStart = (a: GroupMember, b: GroupMember) => a.startTime.getTime() - b.startTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The connected components of the "same workout" relation, each sorted by start then id. */
export function linkedComponents<T extends GroupMember>(activities: readonly T[], matcher: Matcher<T>): T[][] {
  const sorted = [...activities].sort(byStart);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!.startTime.getTime();
    for (let j = i + 1; j < sorted.length && sorted[j]!.startTime.getTime() - start <= matcher.windowMs; j++) {
      if (matcher.score(sorted[i]!, sorted[j]!) !== null) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const components = new Map<number, T[]>();
  sorted.forEach((activity, i) => {
    const root = find(i);
    const list = components.get(root) ?? [];
    list.push(activity);
    components.set(root, list);
  });
  return [...components.values()];
}

function byPriority<T extends GroupMember>(priority: readonly string[]) {
  return (a: T, b: T) =>
    priorityRank(priority, a.provider) - priorityRank(priority, b.provider) ||
    (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
    byStart(a, b);
}

/** Pieces of one whole follow each other; a little overlap is clock drift between their recorders. */
const PIECE_OVERLAP_MS = 60_000;

function spanMs(a: GroupMember): [number, number] {
  const start = a.startTime.getTime();
  return [start, start + (a.elapsedSeconds ?? a.movingSeconds ?? 0) * 1000];
}

function disjoint(a: GroupMember, b: GroupMember): boolean {
  const [sa, ea] = spanMs(a);
  const [sb, eb] = spanMs(b);
  return Math.min(ea, eb) - Math.max(sa, sb) <= PIECE_OVERLAP_MS;
}

/**
 * Splits one component into groups by complete linkage, strongest link first: two groups merge
 * when every member of one is linked to every member of the other (no chaining through a middle
 * record), and of all such pairs of groups the one whose weakest link is strongest merges next.
 * Two members that do not match each other still count as linked when both are pieces of a whole
 * in the merged group (a swim leg and a ride leg of one triathlon) and do not overlap; their link
 * is the weaker of their links to that whole.
 *
 * Strongest first, not start order, because a record can match two others that may not share a
 * group: a Fitbit run stamped an hour early overlaps the short run that really took place then,
 * and matches its own watch record an hour later far better. Deterministic for a given component.
 */
export function groupComponent<T extends GroupMember>(component: readonly T[], matcher: Matcher<T>, priority: readonly string[]): Group<T>[] {
  const items = [...component].sort(byStart);
  const n = items.length;
  const direct: (number | null)[][] = items.map(() => new Array<number | null>(n).fill(null));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const score = matcher.score(items[i]!, items[j]!);
      direct[i]![j] = score;
      direct[j]![i] = score;
    }
  }
  const partOf = new Map<number, boolean>();
  const isPartOf = (piece: number, whole: number): boolean => {
    const key = piece * n + whole;
    let known = partOf.get(key);
    if (known === undefined) {
      known = direct[piece]![whole] !== null && (matcher.isPartOf?.(items[piece]!, items[whole]!) ?? false);
      partOf.set(key, known);
    }
    return known;
  };
  const pairLink = (i: number, j: number, members: readonly number[]): number | null => {
    const score = direct[i]![j] ?? null;
    if (score !== null || !matcher.isPartOf || !disjoint(items[i]!, items[j]!)) return score;
    let best: number | null = null;
    for (const whole of members) {
      if (whole === i || whole === j || !isPartOf(i, whole) || !isPartOf(j, whole)) continue;
      const link = Math.min(direct[whole]![i]!, direct[whole]![j]!);
      if (best === null || link > best) best = link;
    }
    return best;
  };
  const clusterLink = (x: readonly number[], y: readonly number[]): number | null => {
    const members = [...x, ...y];
    let weakest = Infinity;
    for (const i of x) {
      for (const j of y) {
        const link = pairLink(i, j, members);
        if (link === null) return null;
        weakest = Math.min(weakest, link);
      }
    }
    return weakest;
  };

  // Clusters keep the start order of their first member, so ties resolve the same way every time.
  const clusters: number[][] = items.map((_, i) => [i]);
  const links = new Map<number[], Map<number[], number | null>>();
  const linkOf = (x: number[], y: number[]): number | null => {
    let row = links.get(x);
    if (!row) links.set(x, (row = new Map()));
    if (!row.has(y)) row.set(y, clusterLink(x, y));
    return row.get(y)!;
  };
  for (;;) {
    let best: { a: number; b: number; link: number } | undefined;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const link = linkOf(clusters[a]!, clusters[b]!);
        if (link !== null && (!best || link > best.link)) best = { a, b, link };
      }
    }
    if (!best) break;
    const merged = [...clusters[best.a]!, ...clusters[best.b]!].sort((i, j) => i - j);
    links.delete(clusters[best.a]!);
    links.delete(clusters[best.b]!);
    clusters[best.a] = merged;
    clusters.splice(best.b, 1);
  }
  return clusters.map((members) => {
    // A piece (a leg, a detector's fragment) is never the one shown: its whole tells more.
    const pieces = new Set(members.filter((i) => members.some((whole) => whole !== i && isPartOf(i, whole))).map((i) => items[i]!));
    const ordered = members.map((i) => items[i]!).sort((a, b) => Number(pieces.has(a)) - Number(pieces.has(b)) || byPriority(priority)(a, b));
    return { primary: ordered[0]!, members: ordered };
  });
}

export function groupActivities<T extends GroupMember>(activities: readonly T[], matcher: Matcher<T>, priority: readonly string[]): Group<T>[] {
  return linkedComponents(activities, matcher).flatMap((component) => groupComponent(component, matcher, priority));
}

/** How a member belongs to its group, as the feed and the activity page show it. */
export interface StoredSource {
  provider: string;
  providerActivityId: string;
  activityId: string;
  /** `copy`: the same workout recorded again; `leg`: a part of the primary multisport record; `part`: a fragment of the primary. */
  role: "primary" | "copy" | "leg" | "part";
  /** Why it is in the group (non-primary members, when the matcher can say). */
  reason?: string;
  /** A leg's own figures, so a multisport entry lists its legs without another query. */
  leg?: { sport: string; startTime: string; elapsedSeconds: number | null; distanceMeters: number | null };
}

function sourceOf<T extends GroupMember>(member: T, primary: T, matcher: Matcher<T> | undefined): StoredSource {
  const base = { provider: member.provider, providerActivityId: member.providerActivityId, activityId: member.id };
  if (member === primary) return { ...base, role: "primary" };
  const piece = matcher?.isPartOf?.(member, primary) ?? false;
  const role = !piece ? "copy" : primary.sport === "multisport" ? "leg" : "part";
  const reason = matcher?.explain?.(primary, member);
  return {
    ...base,
    role,
    ...(reason ? { reason } : {}),
    ...(role === "leg"
      ? { leg: { sport: member.sport, startTime: member.startTime.toISOString(), elapsedSeconds: member.elapsedSeconds, distanceMeters: member.distanceMeters } }
      : {}),
  };
}

/** The feed's row for a group: the primary's values, gaps filled from the others in priority order. */
export function workoutOf<T extends GroupMember>(userId: string, group: Group<T>, matcher?: Matcher<T>) {
  // Legs measure a part of the workout; only copies fill the whole's gaps.
  const sources = group.members.map((m) => sourceOf(m, group.primary, matcher));
  const donors = group.members.filter((_, i) => sources[i]!.role === "copy");
  const { values } = mergeActivityValues(group.primary, donors);
  return {
    id: group.primary.id,
    userId,
    ...values,
    primaryProvider: group.primary.provider,
    primaryProviderActivityId: group.primary.providerActivityId,
    sources: JSON.stringify(sources),
  };
}

export type WorkoutValues = ReturnType<typeof workoutOf>;
