import "server-only";
import { and, asc, desc, eq, gte, lt, sql as raw, type SQL } from "drizzle-orm";
import { activityFieldNames, activityFields } from "@/lib/activity/fields";
import { getStore, type Sql } from "@/lib/db";
import type { ActivityRow, WorkoutRow } from "@/lib/db/schema";
import type { WorkoutValues } from "@/lib/feed/grouping";
import { placeholders, toStorage } from "./activities";

const WORKOUT_CHUNK = 400;
const workoutColumns = [
  "id",
  "user_id",
  ...activityFieldNames.map((name) => activityFields[name].column),
  "primary_provider",
  "primary_provider_activity_id",
  "sources",
  "value_sources",
  "updated_at",
];
const workoutKeys = ["id", "userId", ...activityFieldNames, "primaryProvider", "primaryProviderActivityId", "sources", "valueSources"] as const;

/** Group membership of activities whose group or primary flag changed. */
export async function writeMembership(tx: Sql, changes: readonly { id: string; groupId: string; groupStart: Date; isPrimary: boolean }[]): Promise<void> {
  for (const change of changes) {
    await tx.query("UPDATE activities SET group_id = ?, group_start = ?, is_primary = ? WHERE id = ?", [
      change.groupId,
      change.groupStart.getTime(),
      change.isPrimary ? 1 : 0,
      change.id,
    ]);
  }
}

export async function upsertWorkouts(tx: Sql, workouts: readonly WorkoutValues[], now = new Date()): Promise<void> {
  const updated = workoutColumns.filter((c) => c !== "id" && c !== "user_id");
  for (let start = 0; start < workouts.length; start += WORKOUT_CHUNK) {
    const chunk = workouts.slice(start, start + WORKOUT_CHUNK);
    const params: unknown[] = [];
    for (const workout of chunk) {
      for (const key of workoutKeys) params.push(toStorage(workout[key]));
      params.push(now.getTime());
    }
    await tx.query(
      `INSERT INTO workouts (${workoutColumns.join(", ")}) VALUES ${placeholders(chunk.length, workoutColumns.length)} ` +
        `ON CONFLICT (id) DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(", ")}`,
      params,
    );
  }
}

export async function deleteWorkouts(tx: Sql, userId: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.query("DELETE FROM workouts WHERE id = ? AND user_id = ?", [id, userId]);
}

export async function deleteWorkoutsOfUser(tx: Sql, userId: string): Promise<void> {
  const { db, t } = tx;
  await db.delete(t.workouts).where(eq(t.workouts.userId, userId));
}

export interface WorkoutFilter {
  userId: string;
  limit: number;
  cursor?: { startMs: number; id: string };
  provider?: string;
  sport?: string;
  from?: Date;
  to?: Date;
}

/**
 * One page of workouts, newest first, keyset-paginated on the row value (start_time, id) so a deep
 * page costs what the first one does. "On a provider" means any record of the workout came from
 * it: those pages are read through that provider's records, by the start of the group they are in.
 */
export async function listWorkoutPage(filter: WorkoutFilter, sql: Sql = getStore()): Promise<WorkoutRow[]> {
  return workoutPageQuery(filter, sql).run();
}

interface PageQuery {
  toSQL(): { sql: string; params: unknown[] };
  run(): Promise<WorkoutRow[]>;
}

/** The page's query, unexecuted (the query-plan test reads its SQL). */
export function workoutPageQuery(filter: WorkoutFilter, sql: Sql): PageQuery {
  const { db, t } = sql;
  const w = t.workouts;
  if (!filter.provider) {
    const conditions: SQL[] = [eq(w.userId, filter.userId)];
    if (filter.sport) conditions.push(eq(w.sport, filter.sport as WorkoutRow["sport"]));
    if (filter.from) conditions.push(gte(w.startTime, filter.from));
    if (filter.to) conditions.push(lt(w.startTime, filter.to));
    if (filter.cursor) conditions.push(raw`(${w.startTime}, ${w.id}) < (${filter.cursor.startMs}, ${filter.cursor.id})`);
    const query = db
      .select()
      .from(w)
      .where(and(...conditions))
      .orderBy(desc(w.startTime), desc(w.id))
      .limit(filter.limit);
    return { toSQL: () => query.toSQL(), run: async () => query };
  }
  const a = t.activities;
  const conditions: SQL[] = [eq(a.userId, filter.userId), eq(a.provider, filter.provider)];
  if (filter.from) conditions.push(gte(a.groupStart, filter.from));
  if (filter.to) conditions.push(lt(a.groupStart, filter.to));
  if (filter.cursor) conditions.push(raw`(${a.groupStart}, ${a.groupId}) < (${filter.cursor.startMs}, ${filter.cursor.id})`);
  if (filter.sport) conditions.push(eq(w.sport, filter.sport as WorkoutRow["sport"]));
  const page = db
    .selectDistinct({ groupStart: a.groupStart, groupId: a.groupId })
    .from(a)
    .innerJoin(w, eq(w.id, a.groupId))
    .where(and(...conditions))
    .orderBy(desc(a.groupStart), desc(a.groupId))
    .limit(filter.limit)
    .as("page");
  const query = db.select({ workout: w }).from(page).innerJoin(w, eq(w.id, page.groupId)).orderBy(desc(w.startTime), desc(w.id));
  return { toSQL: () => query.toSQL(), run: async () => (await query).map((row) => row.workout) };
}

export async function findWorkout(userId: string, id: string, sql: Sql = getStore()): Promise<WorkoutRow | undefined> {
  const { db, t } = sql;
  const [row] = await db.select().from(t.workouts).where(and(eq(t.workouts.userId, userId), eq(t.workouts.id, id))).limit(1);
  return row;
}

/** Every source record of one workout (the activity page's side-by-side), primary first. */
export async function listWorkoutMembers(userId: string, groupId: string, sql: Sql = getStore()): Promise<ActivityRow[]> {
  const { db, t } = sql;
  return db
    .select()
    .from(t.activities)
    .where(and(eq(t.activities.userId, userId), eq(t.activities.groupId, groupId)))
    .orderBy(desc(t.activities.isPrimary), asc(t.activities.startTime));
}

export interface TotalsRow {
  bucket: number;
  sport: string;
  count: number;
  seconds: number;
  distance: number;
  elevation: number;
}

/**
 * Totals per period and sport, computed in SQL: each workout is bucketed by its own local time
 * (start plus its UTC offset), in periods of `periodMs` counted from `originMs` (a Monday 00:00 for
 * weeks).
 */
export async function sumWorkouts(
  userId: string,
  since: Date,
  periodMs: number,
  originMs: number,
  sql: Sql = getStore(),
): Promise<TotalsRow[]> {
  const rows = await sql.query<{ bucket: number | string; sport: string; count: number | string; seconds: number | null; distance: number | null; elevation: number | null }>(
    "SELECT CAST((start_time + COALESCE(utc_offset_minutes, 0) * 60000 - ?) / ? AS BIGINT) AS bucket, sport, COUNT(*) AS count, " +
      "SUM(COALESCE(moving_seconds, elapsed_seconds, 0)) AS seconds, SUM(COALESCE(distance_meters, 0)) AS distance, " +
      "SUM(COALESCE(elevation_gain_meters, 0)) AS elevation " +
      "FROM workouts WHERE user_id = ? AND start_time >= ? GROUP BY 1, 2",
    // Whole numbers: SQLite binds every JavaScript number as REAL, and the bucket must divide as integers.
    [Math.trunc(originMs), Math.trunc(periodMs), userId, since.getTime()],
  );
  return rows.map((row) => ({
    bucket: Number(row.bucket),
    sport: row.sport,
    count: Number(row.count),
    seconds: Number(row.seconds ?? 0),
    distance: Number(row.distance ?? 0),
    elevation: Number(row.elevation ?? 0),
  }));
}
