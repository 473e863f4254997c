import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { activityFieldNames, activityFields, type ActivityValues } from "@/lib/activity/fields";
import { getStore, type Sql } from "@/lib/db";
import type { ActivityRow, WorkoutRow } from "@/lib/db/schema";
import type { WorkoutValues } from "@/lib/feed/grouping";
import { placeholders, powerOfTwoChunks, toStorage } from "./activities";

const WORKOUT_CHUNK = 256;
const workoutColumns = [
  "id",
  "user_id",
  ...activityFieldNames.map((name) => activityFields[name].column),
  "primary_provider",
  "primary_provider_activity_id",
  "sources",
  "updated_at",
];
const workoutKeys = ["id", "userId", ...activityFieldNames, "primaryProvider", "primaryProviderActivityId", "sources"] as const;

/**
 * Group membership of activities whose group or primary flag changed, a chunk per statement: a
 * statement per activity cost PostgreSQL a round trip per activity of every sync.
 */
export async function writeMembership(tx: Sql, changes: readonly { id: string; groupId: string; groupStart: Date; isPrimary: boolean }[]): Promise<void> {
  for (const chunk of powerOfTwoChunks(changes, WORKOUT_CHUNK)) {
    const rows = new Array(chunk.length).fill("(?, ?, CAST(? AS BIGINT), CAST(? AS INTEGER))").join(", ");
    await tx.query(
      `WITH membership (id, group_id, group_start, is_primary) AS (VALUES ${rows}) ` +
        "UPDATE activities SET group_id = membership.group_id, group_start = membership.group_start, is_primary = membership.is_primary " +
        "FROM membership WHERE activities.id = membership.id",
      chunk.flatMap((change) => [change.id, change.groupId, change.groupStart.getTime(), change.isPrimary ? 1 : 0]),
    );
  }
}

export async function upsertWorkouts(tx: Sql, workouts: readonly WorkoutValues[], now = new Date()): Promise<void> {
  const updated = workoutColumns.filter((c) => c !== "id" && c !== "user_id");
  for (const chunk of powerOfTwoChunks(workouts, WORKOUT_CHUNK)) {
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
  // By id, never along the person's whole history (which SQLite's planner may prefer for a short list).
  const table = tx.dialect === "sqlite" ? "workouts INDEXED BY workouts_id" : "workouts";
  for (const chunk of powerOfTwoChunks(ids, WORKOUT_CHUNK)) {
    await tx.query(`DELETE FROM ${table} WHERE user_id = ? AND id IN (${new Array(chunk.length).fill("?").join(", ")})`, [userId, ...chunk]);
  }
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
  /** Text the name contains. */
  q?: string;
}

/** A LIKE pattern that finds `text` anywhere, with its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of workouts, newest first, keyset-paginated on the row value (start_time, id) so a deep
 * page costs what the first one does. "On a provider" means any record of the workout came from
 * it: those pages are read through that provider's records, by the start of the group they are in.
 */
export async function listWorkoutPage(filter: WorkoutFilter, sql: Sql = getStore()): Promise<WorkoutRow[]> {
  const { text, params } = workoutPageQuery(filter, sql.dialect);
  return (await sql.query<Record<string, unknown>>(text, params)).map(toWorkout);
}

const workoutSelect = workoutColumns.map((c) => `w.${c}`).join(", ");

/**
 * The page's SQL. Plain text (one prepared statement per combination of filters) because this is
 * the hottest read of the app; the query-plan test holds its plans.
 */
export function workoutPageQuery(filter: WorkoutFilter, dialect: Sql["dialect"]): { text: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does the same (and more).
  const like = dialect === "postgres" ? "ILIKE" : "LIKE";
  if (!filter.provider) {
    add("w.user_id = ?", filter.userId);
    if (filter.sport) add("w.sport = ?", filter.sport);
    if (filter.q) add(`w.name ${like} ? ESCAPE '\\'`, containsPattern(filter.q));
    if (filter.from) add("w.start_time >= ?", filter.from.getTime());
    if (filter.to) add("w.start_time < ?", filter.to.getTime());
    if (filter.cursor) add("(w.start_time, w.id) < (?, ?)", filter.cursor.startMs, filter.cursor.id);
    params.push(filter.limit);
    // A rare sport would otherwise be looked for along the whole history in feed order; a search
    // reads names from the narrow name index in feed order instead of whole rows.
    const index = filter.sport ? "workouts_feed_sport" : filter.q ? "workouts_feed_name" : null;
    const table = index && dialect === "sqlite" ? `workouts w INDEXED BY ${index}` : "workouts w";
    return { text: `SELECT ${workoutSelect} FROM ${table} WHERE ${where.join(" AND ")} ORDER BY w.start_time DESC, w.id DESC LIMIT ?`, params };
  }
  add("a.user_id = ?", filter.userId);
  add("a.provider = ?", filter.provider);
  if (filter.from) add("a.group_start >= ?", filter.from.getTime());
  if (filter.to) add("a.group_start < ?", filter.to.getTime());
  if (filter.cursor) add("(a.group_start, a.group_id) < (?, ?)", filter.cursor.startMs, filter.cursor.id);
  if (filter.sport) add("s.sport = ?", filter.sport);
  if (filter.q) add(`s.name ${like} ? ESCAPE '\\'`, containsPattern(filter.q));
  params.push(filter.limit);
  const page =
    `SELECT DISTINCT a.group_start, a.group_id FROM activities a JOIN workouts s ON s.id = a.group_id ` +
    `WHERE ${where.join(" AND ")} ORDER BY a.group_start DESC, a.group_id DESC LIMIT ?`;
  return { text: `SELECT ${workoutSelect} FROM (${page}) page JOIN workouts w ON w.id = page.group_id ORDER BY w.start_time DESC, w.id DESC`, params };
}

/** Each value column and how it is stored, looked up once rather than per row of every page. */
const valueColumns = activityFieldNames.map((name) => ({ name, column: activityFields[name].column, instant: activityFields[name].type === "instant" }));

function toWorkout(row: Record<string, unknown>): WorkoutRow {
  const values: Record<string, unknown> = {};
  for (const { name, column, instant } of valueColumns) {
    const value = row[column];
    values[name] = instant && value !== null ? new Date(Number(value)) : value;
  }
  return {
    id: row.id as string,
    userId: row.user_id as string,
    ...(values as ActivityValues),
    primaryProvider: row.primary_provider as string,
    primaryProviderActivityId: row.primary_provider_activity_id as string,
    sources: row.sources as string,
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export async function findWorkout(userId: string, id: string, sql: Sql = getStore()): Promise<WorkoutRow | undefined> {
  const { db, t } = sql;
  const [row] = await db.select().from(t.workouts).where(and(eq(t.workouts.userId, userId), eq(t.workouts.id, id))).limit(1);
  return row;
}

/** Workouts starting in [from, to], oldest first (the activity page's "around the same time"). */
export async function listWorkoutsBetween(userId: string, from: Date, to: Date, limit: number, sql: Sql = getStore()): Promise<WorkoutRow[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${workoutSelect} FROM workouts w WHERE w.user_id = ? AND w.start_time >= ? AND w.start_time <= ? ORDER BY w.start_time, w.id LIMIT ?`,
    [userId, from.getTime(), to.getTime(), limit],
  );
  return rows.map(toWorkout);
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

export interface PeriodTotalsRow {
  /** Index of the period in the bounds given. */
  period: number;
  sport: string;
  count: number;
  seconds: number;
  distance: number;
  elevation: number;
}

/** No UTC offset is more than 14 hours: a day either side finds every workout of the local range. */
const LOCAL_TIME_MARGIN_MS = 86_400_000;

/**
 * Totals per period and sport, computed in SQL like `sumWorkouts`, for periods of any length
 * (calendar months as well as weeks). `bounds` are n+1 ascending boundaries on the local wall
 * clock (epoch milliseconds as if local time were UTC); period i is [bounds[i], bounds[i+1]).
 * Each workout counts in the period of its own local start.
 */
export async function sumWorkoutsByPeriod(
  userId: string,
  bounds: readonly number[],
  options: { sport?: string } = {},
  sql: Sql = getStore(),
): Promise<PeriodTotalsRow[]> {
  if (bounds.length < 2) return [];
  const periods: unknown[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) periods.push(i, Math.trunc(bounds[i]!), Math.trunc(bounds[i + 1]!));
  const local = "w.start_time + COALESCE(w.utc_offset_minutes, 0) * 60000";
  const params = [...periods, userId, Math.trunc(bounds[0]! - LOCAL_TIME_MARGIN_MS), Math.trunc(bounds.at(-1)! + LOCAL_TIME_MARGIN_MS)];
  if (options.sport) params.push(options.sport);
  const rows = await sql.query<{ period: number | string; sport: string; count: number | string; seconds: number | null; distance: number | null; elevation: number | null }>(
    // Typed, because PostgreSQL would read a bare parameter in VALUES as text.
    `WITH periods (period, lo, hi) AS (VALUES ${new Array(bounds.length - 1).fill("(CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT))").join(", ")}) ` +
      "SELECT p.period, w.sport, COUNT(*) AS count, SUM(COALESCE(w.moving_seconds, w.elapsed_seconds, 0)) AS seconds, " +
      "SUM(COALESCE(w.distance_meters, 0)) AS distance, SUM(COALESCE(w.elevation_gain_meters, 0)) AS elevation " +
      `FROM workouts w JOIN periods p ON ${local} >= p.lo AND ${local} < p.hi ` +
      `WHERE w.user_id = ? AND w.start_time >= ? AND w.start_time < ?${options.sport ? " AND w.sport = ?" : ""} GROUP BY p.period, w.sport`,
    params,
  );
  return rows.map((row) => ({
    period: Number(row.period),
    sport: row.sport,
    count: Number(row.count),
    seconds: Number(row.seconds ?? 0),
    distance: Number(row.distance ?? 0),
    elevation: Number(row.elevation ?? 0),
  }));
}

/**
 * Heart-rate TRIMP (Banister): minutes × HRr × 0.64 × e^(1.92 × HRr), where HRr is the heart-rate
 * reserve used, (average − rest) / (max − rest), held to [0, 1]. The README states the constants.
 */
export const trainingLoadModel = { restingHeartRate: 60, maxHeartRate: 190, factor: 0.64, exponent: 1.92, fitnessDays: 42, fatigueDays: 7 } as const;

export interface TrainingLoadRow {
  /** Local calendar day, counted in days since 1970-01-01. */
  day: number;
  load: number;
  fitness: number;
  fatigue: number;
}

/**
 * Daily TRIMP and its exponentially weighted averages over 42 days (fitness, CTL) and 7 days
 * (fatigue, ATL), all in SQL: one grouped read of the range's workouts (by each one's local day),
 * then a recursive walk over the days that carries both averages forward. The walk starts at
 * `warmUpDay` with both at zero; days from `firstDay` through `lastDay` are returned.
 */
export async function trainingLoadByDay(
  userId: string,
  range: { warmUpDay: number; firstDay: number; lastDay: number },
  sql: Sql = getStore(),
): Promise<TrainingLoadRow[]> {
  const m = trainingLoadModel;
  const [lo, hi] = sql.dialect === "sqlite" ? ["MAX", "MIN"] : ["GREATEST", "LEAST"];
  const reserve = `${hi}(${lo}((average_heart_rate - ${m.restingHeartRate}.0) / ${m.maxHeartRate - m.restingHeartRate}.0, 0.0), 1.0)`;
  const localDay = `CAST((start_time + COALESCE(utc_offset_minutes, 0) * 60000) / 86400000 AS INTEGER)`;
  const rows = await sql.query<{ day: number | string; load: number | null; fitness: number; fatigue: number }>(
    "WITH RECURSIVE " +
      `scored (day, minutes, reserve) AS (SELECT ${localDay}, COALESCE(moving_seconds, elapsed_seconds, 0) / 60.0, ${reserve} FROM workouts ` +
      "WHERE user_id = ? AND start_time >= ? AND start_time < ? AND average_heart_rate IS NOT NULL), " +
      `daily (day, load) AS (SELECT day, SUM(minutes * reserve * ${m.factor} * EXP(${m.exponent} * reserve)) FROM scored GROUP BY day), ` +
      "walk (day, fitness, fatigue) AS (" +
      `SELECT CAST(? AS INTEGER), COALESCE((SELECT load FROM daily WHERE day = ?), 0) / ${m.fitnessDays}.0, COALESCE((SELECT load FROM daily WHERE day = ?), 0) / ${m.fatigueDays}.0 ` +
      "UNION ALL " +
      `SELECT w.day + 1, w.fitness + (COALESCE(d.load, 0) - w.fitness) / ${m.fitnessDays}.0, w.fatigue + (COALESCE(d.load, 0) - w.fatigue) / ${m.fatigueDays}.0 ` +
      "FROM walk w LEFT JOIN daily d ON d.day = w.day + 1 WHERE w.day < ?) " +
      "SELECT walk.day AS day, daily.load AS load, walk.fitness AS fitness, walk.fatigue AS fatigue FROM walk LEFT JOIN daily ON daily.day = walk.day WHERE walk.day >= ? ORDER BY walk.day",
    [
      userId,
      // A day either side of the range: local days can start up to 14 hours off UTC.
      (range.warmUpDay - 1) * 86_400_000,
      (range.lastDay + 2) * 86_400_000,
      range.warmUpDay,
      range.warmUpDay,
      range.warmUpDay,
      range.lastDay,
      range.firstDay,
    ],
  );
  return rows.map((row) => ({ day: Number(row.day), load: Number(row.load ?? 0), fitness: Number(row.fitness), fatigue: Number(row.fatigue) }));
}
