import "server-only";
import { personLock, type Sql, type Store } from "@/lib/db";
import {
  listActivitiesById,
  listActivitiesInGroups,
  listActivityTimesInRanges,
  listAllActivities,
  type ActivityCore,
  type ActivityTimes,
  type DeletedActivity,
  type UpsertedActivity,
} from "@/lib/db/queries/activities";
import { findSourcePriority, listMatchVerdicts } from "@/lib/db/queries/preferences";
import { deleteWorkouts, deleteWorkoutsOfUser, upsertWorkouts, writeMembership } from "@/lib/db/queries/workouts";
import { getProviderCatalog } from "@/lib/providers";
import { defaultMatcher } from "./dedup";
import { groupComponent, linkedComponents, workoutOf, type LinkTimes, type Matcher } from "./grouping";
import { withVerdicts } from "./verdicts";

/** How one person's records are grouped: whose version is shown first, and what counts as one workout. */
export interface Grouping {
  priority: readonly string[];
  matcher: Matcher<ActivityCore>;
}

/** The person's grouping: their source order (else the deployment's) and the matcher under their verdicts. */
export async function groupingOf(tx: Sql, userId: string): Promise<Grouping> {
  const [priority, verdicts] = await Promise.all([findSourcePriority(tx, userId), listMatchVerdicts(tx, userId)]);
  const deployment = getProviderCatalog().sourcePriority;
  // The person's order first; sources they did not place keep the deployment's order after them.
  const order = priority ? [...priority, ...deployment.filter((id) => !priority.includes(id))] : deployment;
  return { priority: order, matcher: withVerdicts(defaultMatcher, verdicts) };
}

/** What a write changed: the activities written (by id and start) and the groups they or the deleted ones were in. */
export interface RegroupSeeds {
  /** The rows the write left (as stored); grouping starts from them without reading them back. */
  written: readonly ActivityCore[];
  /** Of those, the rows this write created (each is still its own group, with no feed row yet). */
  insertedIds?: readonly string[];
  /** Starts of rows the write removed. */
  times: readonly Date[];
  /** Groups the written or removed rows were in before. */
  groupIds: readonly (string | null)[];
}

/** What an upsert wrote, as regrouping seeds. */
export function seedsOfWrite(written: readonly UpsertedActivity[]): RegroupSeeds {
  return {
    written: written.map((w) => w.row),
    insertedIds: written.filter((w) => w.inserted).map((w) => w.id),
    times: [],
    groupIds: written.map((w) => w.previousGroupId),
  };
}

/** What a delete removed, as regrouping seeds. */
export function seedsOfDelete(deleted: readonly DeletedActivity[]): RegroupSeeds {
  return { written: [], times: deleted.map((d) => d.startTime), groupIds: deleted.map((d) => d.groupId) };
}

interface Range {
  from: number;
  to: number;
}

/** Ranges closer than this are read in one query: a few more rows cost less than another statement. */
const READ_GAP_MS = 60 * 60_000;

function mergeRanges(ranges: Range[], gap = 0): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + gap) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

function covers(ranges: Range[], range: Range): boolean {
  return ranges.some((r) => r.from <= range.from && range.to <= r.to);
}

/** Pairs of a candidate and a member whose starts are within `window` (both sorted by start here). */
function nearby<C extends LinkTimes>(members: readonly ActivityCore[], candidates: readonly C[], window: number): [C, ActivityCore][] {
  const byStart = <T extends LinkTimes>(list: readonly T[]) => [...list].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  const sortedMembers = byStart(members);
  const pairs: [C, ActivityCore][] = [];
  let first = 0;
  for (const candidate of byStart(candidates)) {
    const at = candidate.startTime.getTime();
    while (first < sortedMembers.length && sortedMembers[first]!.startTime.getTime() < at - window) first++;
    for (let i = first; i < sortedMembers.length && sortedMembers[i]!.startTime.getTime() <= at + window; i++) pairs.push([candidate, sortedMembers[i]!]);
  }
  return pairs;
}

/**
 * Re-forms the groups a write can have changed, and only those: the linked sets that contain a
 * written activity or a member of a group it touched. Activities are loaded around the writes,
 * widened by the matcher's window until every such set is complete, so the result equals a full
 * regroup (regroup.test.ts proves it on random histories).
 */
export async function regroupAround(
  tx: Sql,
  userId: string,
  seeds: RegroupSeeds,
  grouping?: Grouping,
): Promise<{ changed: number }> {
  const oldGroups = [...new Set(seeds.groupIds.filter((id): id is string => Boolean(id)))];
  if (seeds.written.length === 0 && oldGroups.length === 0) return { changed: 0 };
  const { priority, matcher } = grouping ?? (await groupingOf(tx, userId));

  const window = matcher.windowMs;
  const mayLink = matcher.mayLink ?? ((a: LinkTimes, b: LinkTimes) => Math.abs(a.startTime.getTime() - b.startTime.getTime()) <= window);
  const pool = new Map<string, ActivityCore>();
  for (const row of seeds.written) pool.set(row.id, row);
  for (const member of await listActivitiesInGroups(tx, userId, oldGroups)) if (!pool.has(member.id)) pool.set(member.id, member);
  const interesting = new Set<string>(pool.keys());

  // Breadth first from the interesting records along the matcher's links: the times of everything
  // near the newest members are read (cheap), whole rows only of those that could be linked, and a
  // row joins when it is linked to a member. Every member of a changed linked set ends up in the pool.
  let loaded: Range[] = [];
  const seen = new Map<string, ActivityTimes>();
  const unlinked = new Map<string, ActivityCore>();
  let frontier = [...pool.values()];
  while (frontier.length > 0) {
    const around = mergeRanges(frontier.map((a) => ({ from: a.startTime.getTime() - window, to: a.startTime.getTime() + window + 1 })), READ_GAP_MS);
    const missing = around.filter((range) => !covers(loaded, range));
    for (const times of await listActivityTimesInRanges(tx, userId, missing)) if (!pool.has(times.id) && !unlinked.has(times.id)) seen.set(times.id, times);
    loaded = mergeRanges([...loaded, ...missing]);
    const wanted = nearby(frontier, [...seen.values()], window).filter(([candidate, member]) => mayLink(candidate, member)).map(([candidate]) => candidate.id);
    for (const id of wanted) seen.delete(id);
    for (const row of await listActivitiesById(tx, userId, [...new Set(wanted)])) unlinked.set(row.id, row);
    frontier = [...new Set(nearby(frontier, [...unlinked.values()], window).filter(([row, member]) => matcher.score(row, member) !== null).map(([row]) => row))];
    for (const row of frontier) {
      unlinked.delete(row.id);
      pool.set(row.id, row);
    }
  }
  const components = linkedComponents([...pool.values()], matcher).filter((component) => component.some((a) => interesting.has(a.id)));
  return writeGroups(tx, userId, components, oldGroups, priority, matcher, { fresh: new Set(seeds.insertedIds ?? []) });
}

/** Regroups a person's whole history (repairs, and the reference the incremental regroup is tested against). */
export async function regroupAll(tx: Sql, userId: string, grouping?: Grouping): Promise<{ changed: number }> {
  const { priority, matcher } = grouping ?? (await groupingOf(tx, userId));
  const all = await listAllActivities(tx, userId);
  await deleteWorkoutsOfUser(tx, userId);
  const components = linkedComponents(all, matcher);
  return writeGroups(tx, userId, components, [], priority, matcher, { workoutsCleared: true });
}

async function writeGroups(
  tx: Sql,
  userId: string,
  components: ActivityCore[][],
  oldGroups: readonly string[],
  priority: readonly string[],
  matcher: Matcher<ActivityCore>,
  options: { workoutsCleared?: boolean; fresh?: ReadonlySet<string> } = {},
): Promise<{ changed: number }> {
  const membership: { id: string; groupId: string; groupStart: Date; isPrimary: boolean }[] = [];
  const workouts: ReturnType<typeof workoutOf>[] = [];
  const previousGroups = new Set(oldGroups);
  const currentGroups = new Set<string>();
  for (const component of components) {
    // A row created by this write is its own group with no feed row to remove.
    for (const member of component) if (member.groupId && !options.fresh?.has(member.id)) previousGroups.add(member.groupId);
    for (const group of groupComponent(component, matcher, priority)) {
      const groupId = group.primary.id;
      currentGroups.add(groupId);
      workouts.push(workoutOf(userId, group, matcher));
      for (const member of group.members) {
        const isPrimary = member === group.primary;
        if (member.groupId !== groupId || member.isPrimary !== isPrimary || member.groupStart?.getTime() !== group.primary.startTime.getTime()) {
          membership.push({ id: member.id, groupId, groupStart: group.primary.startTime, isPrimary });
        }
      }
    }
  }
  await writeMembership(tx, membership);
  if (!options.workoutsCleared) {
    await deleteWorkouts(
      tx,
      userId,
      [...previousGroups].filter((id) => !currentGroups.has(id)),
    );
  }
  await upsertWorkouts(tx, workouts);
  return { changed: membership.length };
}

/**
 * Activities stored before the feed's read model existed (or by a process killed between writing
 * them and grouping them) have no group: regroup those people whole. Runs at start-up.
 */
export async function repairUngrouped(store: Store): Promise<number> {
  const users = await store.query<{ user_id: string }>("SELECT DISTINCT user_id FROM activities WHERE group_start IS NULL OR group_id IS NULL");
  for (const { user_id: userId } of users) await store.transaction((tx) => regroupAll(tx, userId), { lock: personLock(userId) });
  return users.length;
}
