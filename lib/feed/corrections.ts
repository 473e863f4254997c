import "server-only";
import { getStore, personLock, type Sql } from "@/lib/db";
import { listActivitiesById, listActivitiesByRecord, listActivitiesInGroups, type ActivityCore } from "@/lib/db/queries/activities";
import { deleteMatchVerdictsOf, findSourcePriority, listMatchVerdicts, saveMatchVerdicts, saveSourcePriority } from "@/lib/db/queries/preferences";
import { findWorkout } from "@/lib/db/queries/workouts";
import { AppError, excerpt } from "@/lib/errors";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { defaultMatcher } from "./dedup";
import { groupingOf, regroupAll, regroupAround } from "./regroup";
import { recordKey, verdictPair } from "./verdicts";

/**
 * The person's last word on the feed's grouping: "not the same workout" takes a record out of its
 * workout, "same workout" joins workouts, "let Pierre decide" forgets both. Verdicts are stored by
 * provider record, so every later sync and regroup keeps them.
 */

async function membersOfWorkout(tx: Sql, userId: string, workoutId: string): Promise<ActivityCore[]> {
  const workout = await findWorkout(userId, workoutId, tx);
  if (!workout) throw new AppError("not_found", `Workout '${excerpt(workoutId)}' was not found.`);
  return listActivitiesInGroups(tx, userId, [workoutId]);
}

/** Regroups around every record named, as one write: their old groups and whatever they now match. */
async function regroupRecords(tx: Sql, userId: string, records: readonly ActivityCore[]) {
  await regroupAround(tx, userId, { written: records, times: [], groupIds: records.map((r) => r.groupId) });
}

/** "Not the same workout": `activityId` leaves its workout and stays apart from every other record of it. */
/** Returns the workout the record is now (its own) and the one the others still form. */
export async function splitFromWorkout(userId: string, activityId: string, workoutId?: string): Promise<{ workoutId: string; remainingWorkoutId: string }> {
  return getStore().transaction(async (tx) => {
    const [record] = await listActivitiesById(tx, userId, [activityId]);
    if (!record?.groupId) throw new AppError("not_found", `Record '${excerpt(activityId)}' was not found.`);
    // A page open since the last sync may show a grouping that has changed.
    if (workoutId !== undefined && record.groupId !== workoutId) throw new AppError("conflict", "This record is no longer part of that workout; reload to see where it is now.");
    const members = await listActivitiesInGroups(tx, userId, [record.groupId]);
    const others = members.filter((m) => m.id !== record.id);
    if (others.length === 0) throw new AppError("bad_request", "This workout has one record; there is nothing to separate.");
    await saveMatchVerdicts(tx, userId, others.map((other) => ({ ...verdictPair(record, other), verdict: "different" as const })));
    await regroupRecords(tx, userId, members);
    const [separated, remaining] = await listActivitiesById(tx, userId, [record.id, others[0]!.id]).then((rows) => [record.id, others[0]!.id].map((id) => rows.find((r) => r.id === id)!));
    return { workoutId: separated!.groupId!, remainingWorkoutId: remaining!.groupId! };
  }, { lock: personLock(userId) });
}

/** "Same workout": the given workouts become one, whatever the evidence says. */
export async function mergeWorkouts(userId: string, workoutIds: readonly string[]): Promise<{ workoutId: string }> {
  const distinct = [...new Set(workoutIds)];
  if (distinct.length < 2) throw new AppError("bad_request", "Choose at least two workouts to merge.");
  return getStore().transaction(async (tx) => {
    const groups: ActivityCore[][] = [];
    for (const id of distinct) groups.push(await membersOfWorkout(tx, userId, id));
    const all = groups.flat();
    const starts = all.map((a) => a.startTime.getTime());
    // Grouping only compares records this close; further apart they could never stay joined.
    if (Math.max(...starts) - Math.min(...starts) > defaultMatcher.windowMs) {
      throw new AppError("bad_request", `Workouts that start more than ${Math.round(defaultMatcher.windowMs / 3_600_000)} hours apart cannot be merged.`);
    }
    const pairs: { recordA: string; recordB: string; verdict: "same" }[] = [];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        for (const a of groups[i]!) for (const b of groups[j]!) pairs.push({ ...verdictPair(a, b), verdict: "same" });
      }
    }
    await saveMatchVerdicts(tx, userId, pairs);
    await regroupRecords(tx, userId, all);
    const [after] = await listActivitiesById(tx, userId, [all[0]!.id]);
    return { workoutId: after!.groupId! };
  }, { lock: personLock(userId) });
}

/** "Let Pierre decide": forgets the person's verdicts on this workout's records; the matcher groups them again. */
export async function forgetCorrections(userId: string, workoutId: string): Promise<{ workoutId: string; forgotten: number }> {
  return getStore().transaction(async (tx) => {
    const members = await membersOfWorkout(tx, userId, workoutId);
    const keys = new Set(members.map(recordKey));
    const involved = (await listMatchVerdicts(tx, userId)).filter((v) => keys.has(v.recordA) || keys.has(v.recordB));
    if (involved.length === 0) return { workoutId, forgotten: 0 };
    // The records on the other side of each verdict regroup too: a record split off is in another workout now.
    const others = new Set(involved.flatMap((v) => [v.recordA, v.recordB]).filter((key) => !keys.has(key)));
    const otherRecords = await listActivitiesByRecord(
      tx,
      userId,
      [...others].map((key) => {
        const at = key.indexOf(":");
        return { provider: key.slice(0, at), providerActivityId: key.slice(at + 1) };
      }),
    );
    const forgotten = await deleteMatchVerdictsOf(tx, userId, [...keys]);
    await regroupRecords(tx, userId, [...members, ...otherRecords]);
    const [after] = await listActivitiesById(tx, userId, [members[0]!.id]);
    return { workoutId: after!.groupId!, forgotten };
  }, { lock: personLock(userId) });
}

/** Whose version of a merged workout is shown first, for this person; null returns to the deployment's order. */
export async function setSourcePriority(registry: ProviderRegistry, userId: string, priority: readonly string[] | null): Promise<void> {
  if (priority) {
    const known = new Set(registry.supportedProviders());
    const unknown = priority.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError("bad_request", `Unknown provider in the order: ${unknown.map((id) => excerpt(id)).join(", ")}.`);
    if (new Set(priority).size !== priority.length) throw new AppError("bad_request", "Each provider may appear once in the order.");
  }
  await getStore().transaction(async (tx) => {
    await saveSourcePriority(tx, userId, priority && priority.length > 0 ? priority : null);
    await regroupAll(tx, userId);
  }, { lock: personLock(userId) });
}

/** The order in effect for this person, and whether it is their own. */
export async function getSourcePriority(userId: string): Promise<{ order: string[]; own: boolean }> {
  const store = getStore();
  const own = await findSourcePriority(store, userId);
  const { priority } = await groupingOf(store, userId);
  return { order: [...priority], own: own !== null };
}
