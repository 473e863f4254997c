import "server-only";
import { hash } from "node:crypto";
import { v7 as timeOrderedId } from "uuid";
import { and, eq, inArray } from "drizzle-orm";
import { activityFieldNames, activityFields, pickActivityValues, type ActivityValues } from "@/lib/activity/fields";
import type { Sport } from "@/lib/activity/sports";
import type { Sql } from "@/lib/db";
import type { ActivityRow } from "@/lib/db/schema";
import type { NormalizedActivity } from "@/lib/providers/types";

/** An activity without its raw payload: what grouping and the feed's read model need. */
export type ActivityCore = Omit<ActivityRow, "raw">;

/** Most rows per INSERT: well under both engines' parameter limits (about 24 per row). */
export const UPSERT_CHUNK = 256;

/**
 * `rows` cut into chunks of a power of two rows (at most `max`), largest first. Each row count is a
 * statement of its own, prepared once and kept (about 3 KB of memory a row): with any count allowed,
 * batches of varying size filled the statement cache with a couple of hundred of them (150 MB).
 */
export function powerOfTwoChunks<T>(rows: readonly T[], max: number): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  while (start < rows.length) {
    let size = max;
    while (size > rows.length - start) size >>= 1;
    chunks.push(rows.slice(start, start + size));
    start += size;
  }
  return chunks;
}

function contentHash(values: ActivityValues, raw: string): string {
  // One call per activity of every sync: the one-shot hash, not a Hash object each time (same digest).
  return hash("sha1", JSON.stringify(values) + raw, "base64url");
}

/** Storage form of a value: instants as epoch milliseconds, booleans as 0/1. */
export function toStorage(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value === undefined ? null : value;
}

/** `(?, ?, …), (?, ?, …)` for `rows` rows of `width` values. */
export function placeholders(rows: number, width: number): string {
  const row = `(${new Array(width).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}

const valueColumns = activityFieldNames.map((name) => activityFields[name].column);
const insertColumns = ["id", "user_id", "provider", "provider_activity_id", ...valueColumns, "raw", "content_hash", "group_id", "group_start", "is_primary", "created_at", "updated_at"];
const updatedColumns = [...valueColumns, "raw", "content_hash", "updated_at"];

function upsertText(rows: number): string {
  return (
    `INSERT INTO activities (${insertColumns.join(", ")}) VALUES ${placeholders(rows, insertColumns.length)} ` +
    `ON CONFLICT (user_id, provider, provider_activity_id) DO UPDATE SET ${updatedColumns.map((c) => `${c} = excluded.${c}`).join(", ")} ` +
    "WHERE activities.content_hash IS DISTINCT FROM excluded.content_hash " +
    "RETURNING id, provider_activity_id, group_id, group_start, is_primary, created_at"
  );
}

export interface UpsertedActivity {
  id: string;
  startTime: Date;
  /** The group the row was in before this write (null for a new row). */
  previousGroupId: string | null;
  inserted: boolean;
  /** The row as it is now stored (grouping starts from it without reading it back). */
  row: ActivityCore;
}

/**
 * Idempotent on (user, provider, provider's id), in one statement per chunk: a new id is inserted
 * (as a group of its own until grouping says otherwise), a known one rewritten only when its
 * content changed (the hash differs), an unchanged one not touched at all. Returns the rows that
 * were written, so grouping looks only at those.
 */
export async function upsertActivities(
  tx: Sql,
  userId: string,
  provider: string,
  batch: readonly NormalizedActivity[],
  now = new Date(),
): Promise<UpsertedActivity[]> {
  const written: UpsertedActivity[] = [];
  const nowMs = now.getTime();
  // The same provider id twice in one statement would conflict with itself; the last one wins.
  const latest = [...new Map(batch.map((a) => [a.providerActivityId, a])).values()];
  for (const unique of powerOfTwoChunks(latest, UPSERT_CHUNK)) {
    const newIds = new Set<string>();
    const pending = new Map<string, { values: ActivityValues; hash: string }>();
    const params: unknown[] = [];
    for (const activity of unique) {
      const values = pickActivityValues(activity);
      const rawText = JSON.stringify(activity.raw);
      const hash = contentHash(values, rawText);
      const id = timeOrderedId();
      newIds.add(id);
      pending.set(activity.providerActivityId, { values, hash });
      params.push(id, userId, provider, activity.providerActivityId);
      for (const name of activityFieldNames) params.push(toStorage(values[name]));
      params.push(rawText, hash, id, values.startTime.getTime(), 1, nowMs, nowMs);
    }
    const returned = await tx.query<{
      id: string;
      provider_activity_id: string;
      group_id: string | null;
      group_start: number | string | null;
      is_primary: number | boolean;
      created_at: number | string;
    }>(upsertText(unique.length), params);
    for (const stored of returned) {
      const inserted = newIds.has(stored.id);
      const { values, hash } = pending.get(stored.provider_activity_id)!;
      const row: ActivityCore = {
        id: stored.id,
        userId,
        provider,
        providerActivityId: stored.provider_activity_id,
        ...values,
        contentHash: hash,
        groupId: stored.group_id,
        groupStart: stored.group_start === null ? null : new Date(Number(stored.group_start)),
        isPrimary: Number(stored.is_primary) === 1,
        createdAt: new Date(Number(stored.created_at)),
        updatedAt: now,
      };
      written.push({ id: stored.id, startTime: values.startTime, previousGroupId: inserted ? null : stored.group_id, inserted, row });
    }
  }
  return written;
}

/** The columns grouping and the read model need: everything but the raw payload. */
const coreSelect = [
  "id",
  "user_id",
  "provider",
  "provider_activity_id",
  ...valueColumns,
  "content_hash",
  "group_id",
  "group_start",
  "is_primary",
  "created_at",
  "updated_at",
].join(", ");

type CoreRow = Record<string, unknown>;

/** A raw row (storage form) as an activity: instants back to Dates, 0/1 back to booleans. */
function toCore(row: CoreRow): ActivityCore {
  const values: Record<string, unknown> = {};
  for (const name of activityFieldNames) {
    const value = row[activityFields[name].column];
    values[name] = activityFields[name].type === "instant" && value !== null ? new Date(Number(value)) : value;
  }
  return {
    id: row.id as string,
    userId: row.user_id as string,
    provider: row.provider as string,
    providerActivityId: row.provider_activity_id as string,
    ...(values as ActivityValues),
    contentHash: row.content_hash as string | null,
    groupId: row.group_id as string | null,
    groupStart: row.group_start === null ? null : new Date(Number(row.group_start)),
    isPrimary: Number(row.is_primary) === 1,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export async function listActivitiesInRange(sql: Sql, userId: string, from: Date, to: Date): Promise<ActivityCore[]> {
  const rows = await sql.query<CoreRow>(`SELECT ${coreSelect} FROM activities WHERE user_id = ? AND start_time >= ? AND start_time < ?`, [
    userId,
    from.getTime(),
    to.getTime(),
  ]);
  return rows.map(toCore);
}

/** Ranges per statement; the last chunk is padded with empty ranges so one prepared statement serves all. */
const RANGES_PER_QUERY = 64;

/** What the grouping needs to tell whether a record could be linked at all: its name and its times. */
export interface ActivityTimes {
  id: string;
  provider: string;
  providerActivityId: string;
  sport: Sport;
  sportType: string | null;
  startTime: Date;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
}

/**
 * Activities starting in any of the given [from, to) ranges, by their times only, in one statement
 * per 64 ranges: the engine seeks the time index once per range instead of the app sending one query
 * each, and full rows are read only for the few the grouping wants.
 */
export async function listActivityTimesInRanges(sql: Sql, userId: string, ranges: readonly { from: number; to: number }[]): Promise<ActivityTimes[]> {
  const found: ActivityTimes[] = [];
  // Typed, because PostgreSQL would read a bare parameter in VALUES as text.
  const pairs = new Array(RANGES_PER_QUERY).fill("(CAST(? AS BIGINT), CAST(? AS BIGINT))").join(", ");
  const columns = "a.id, a.provider, a.provider_activity_id, a.sport, a.sport_type, a.start_time, a.elapsed_seconds, a.moving_seconds";
  const inRange = "a.user_id = ? AND a.start_time >= ranges.range_from AND a.start_time < ranges.range_to";
  const text =
    `WITH ranges(range_from, range_to) AS (VALUES ${pairs}) ` +
    (sql.dialect === "postgres"
      ? // One index seek per range. As a join, the planner read the person's whole history once and
        // filtered it against every range (14–24 ms a batch for a 10k history, most of an ingest's
        // time); a LATERAL subquery with OFFSET 0 is not flattened into a join, so each range is
        // looked up on its own, whatever the table's statistics say.
        `SELECT ${columns} FROM ranges CROSS JOIN LATERAL (SELECT * FROM activities a WHERE ${inRange} OFFSET 0) a`
      : // CROSS JOIN keeps the ranges outer in SQLite: one index seek per range, never a scan of the person's history.
        `SELECT ${columns} FROM ranges CROSS JOIN activities a WHERE ${inRange}`);
  for (let start = 0; start < ranges.length; start += RANGES_PER_QUERY) {
    const chunk = ranges.slice(start, start + RANGES_PER_QUERY);
    const params: number[] = [];
    for (let i = 0; i < RANGES_PER_QUERY; i++) {
      const range = chunk[i];
      params.push(Math.trunc(range?.from ?? 0), Math.trunc(range?.to ?? 0));
    }
    const rows = await sql.query<{
      id: string;
      provider: string;
      provider_activity_id: string;
      sport: Sport;
      sport_type: string | null;
      start_time: number;
      elapsed_seconds: number | null;
      moving_seconds: number | null;
    }>(text, [
      ...params,
      userId,
    ]);
    for (const row of rows) {
      found.push({
        id: row.id,
        provider: row.provider,
        providerActivityId: row.provider_activity_id,
        sport: row.sport,
        sportType: row.sport_type,
        startTime: new Date(Number(row.start_time)),
        elapsedSeconds: row.elapsed_seconds,
        movingSeconds: row.moving_seconds,
      });
    }
  }
  return found;
}

/** Values per `IN (…)` list; short lists are padded with an id that matches nothing, so one prepared statement serves all. */
const IN_LIST = 32;

async function listWhereIn(sql: Sql, userId: string, column: "id" | "group_id", values: readonly string[]): Promise<ActivityCore[]> {
  const rows: ActivityCore[] = [];
  // SQLite would otherwise walk the person's time index and test each row against the list; the
  // unary plus keeps it on the index of the listed column.
  const owner = sql.dialect === "sqlite" && column === "id" ? "+user_id" : "user_id";
  const text = `SELECT ${coreSelect} FROM activities WHERE ${column} IN (${new Array(IN_LIST).fill("?").join(", ")}) AND ${owner} = ?`;
  for (let start = 0; start < values.length; start += IN_LIST) {
    const chunk = values.slice(start, start + IN_LIST);
    const padded = [...chunk, ...new Array<string>(IN_LIST - chunk.length).fill("")];
    for (const row of await sql.query<CoreRow>(text, [...padded, userId])) rows.push(toCore(row));
  }
  return rows;
}

/** Full rows (without the payload) of the given activities. */
export async function listActivitiesById(sql: Sql, userId: string, ids: readonly string[]): Promise<ActivityCore[]> {
  return listWhereIn(sql, userId, "id", ids);
}

export async function listActivitiesInGroups(sql: Sql, userId: string, groupIds: readonly string[]): Promise<ActivityCore[]> {
  return listWhereIn(sql, userId, "group_id", groupIds);
}

/** Activities named by provider and provider id (rows come and go with reconnects; these names stay). */
export async function listActivitiesByRecord(sql: Sql, userId: string, records: readonly { provider: string; providerActivityId: string }[]): Promise<ActivityCore[]> {
  const rows: ActivityCore[] = [];
  const text = `SELECT ${coreSelect} FROM activities WHERE user_id = ? AND provider = ? AND provider_activity_id = ?`;
  for (const record of records) for (const row of await sql.query<CoreRow>(text, [userId, record.provider, record.providerActivityId])) rows.push(toCore(row));
  return rows;
}

export async function listAllActivities(sql: Sql, userId: string): Promise<ActivityCore[]> {
  return (await sql.query<CoreRow>(`SELECT ${coreSelect} FROM activities WHERE user_id = ?`, [userId])).map(toCore);
}

export interface DeletedActivity {
  id: string;
  startTime: Date;
  groupId: string | null;
}

/** Deletes a person's activities from one provider (all, or the given provider ids); returns what went, for regrouping. */
export async function deleteActivities(tx: Sql, userId: string, provider: string, providerActivityIds?: readonly string[]): Promise<DeletedActivity[]> {
  const { db, t } = tx;
  const conditions = [eq(t.activities.userId, userId), eq(t.activities.provider, provider)];
  const deleted: DeletedActivity[] = [];
  const run = async (ids?: readonly string[]) => {
    const where = ids ? and(...conditions, inArray(t.activities.providerActivityId, [...ids])) : and(...conditions);
    deleted.push(
      ...(await db.delete(t.activities).where(where).returning({ id: t.activities.id, startTime: t.activities.startTime, groupId: t.activities.groupId })),
    );
  };
  if (!providerActivityIds) await run();
  else for (let start = 0; start < providerActivityIds.length; start += 500) await run(providerActivityIds.slice(start, start + 500));
  return deleted;
}
