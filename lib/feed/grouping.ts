import { mergeActivityValues, type ActivityValues } from "@/lib/activity/fields";

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

export interface Matcher<T = GroupMember> {
  /** No two activities whose starts are further apart than this are ever the same workout. */
  readonly windowMs: number;
  /** How strongly `a` and `b` look like one workout (higher is stronger), or null when they are not. */
  score(a: T, b: T): number | null;
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

/**
 * Splits one component into groups: each activity, in start order, joins the group whose every
 * member it matches (no chaining through a middle record) with the strongest link, or starts a new
 * one. Deterministic for a given component.
 */
export function groupComponent<T extends GroupMember>(component: readonly T[], matcher: Matcher<T>, priority: readonly string[]): Group<T>[] {
  const groups: T[][] = [];
  for (const activity of [...component].sort(byStart)) {
    let best: T[] | undefined;
    let bestScore = -Infinity;
    for (const group of groups) {
      let weakest = Infinity;
      for (const member of group) {
        const score = matcher.score(member, activity);
        if (score === null) {
          weakest = -Infinity;
          break;
        }
        weakest = Math.min(weakest, score);
      }
      if (weakest > bestScore) {
        best = group;
        bestScore = weakest;
      }
    }
    if (best && bestScore > -Infinity) best.push(activity);
    else groups.push([activity]);
  }
  return groups.map((members) => {
    const ordered = [...members].sort(byPriority(priority));
    return { primary: ordered[0]!, members: ordered };
  });
}

export function groupActivities<T extends GroupMember>(activities: readonly T[], matcher: Matcher<T>, priority: readonly string[]): Group<T>[] {
  return linkedComponents(activities, matcher).flatMap((component) => groupComponent(component, matcher, priority));
}

/** The feed's row for a group: the primary's values, gaps filled from the others in priority order. */
export function workoutOf(userId: string, group: Group) {
  const others = group.members.slice(1);
  const { values } = mergeActivityValues(group.primary, others);
  return {
    id: group.primary.id,
    userId,
    ...values,
    primaryProvider: group.primary.provider,
    primaryProviderActivityId: group.primary.providerActivityId,
    sources: JSON.stringify(group.members.map((m) => ({ provider: m.provider, providerActivityId: m.providerActivityId, activityId: m.id }))),
  };
}

export type WorkoutValues = ReturnType<typeof workoutOf>;
