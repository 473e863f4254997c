import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq, getTableColumns, gte, inArray, lt } from "drizzle-orm";
import { activityFieldNames, activityFields, pickActivityValues, type ActivityValues } from "@/lib/activity/fields";
import type { Sql } from "@/lib/db";
import type { ActivityRow, Tables } from "@/lib/db/schema";
import type { NormalizedActivity } from "@/lib/providers/types";

/** An activity without its raw payload: what grouping and the feed's read model need. */
export type ActivityCore = Omit<ActivityRow, "raw">;

/** Rows per INSERT: well under both engines' parameter limits (about 24 per row). */
export const UPSERT_CHUNK = 400;

function contentHash(values: ActivityValues, raw: string): string {
  return createHash("sha1").update(JSON.stringify(values)).update(raw).digest("base64url");
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
    "RETURNING id, start_time, group_id"
  );
}

export interface UpsertedActivity {
  id: string;
  startTime: Date;
  /** The group the row was in before this write (null for a new row). */
  previousGroupId: string | null;
  inserted: boolean;
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
  for (let start = 0; start < batch.length; start += UPSERT_CHUNK) {
    // The same provider id twice in one statement would conflict with itself; the last one wins.
    const unique = [...new Map(batch.slice(start, start + UPSERT_CHUNK).map((a) => [a.providerActivityId, a])).values()];
    const newIds = new Set<string>();
    const params: unknown[] = [];
    for (const activity of unique) {
      const values = pickActivityValues(activity);
      const rawText = JSON.stringify(activity.raw);
      const id = randomUUID();
      newIds.add(id);
      params.push(id, userId, provider, activity.providerActivityId);
      for (const name of activityFieldNames) params.push(toStorage(values[name]));
      params.push(rawText, contentHash(values, rawText), id, values.startTime.getTime(), 1, nowMs, nowMs);
    }
    const returned = await tx.query<{ id: string; start_time: number | string; group_id: string | null }>(upsertText(unique.length), params);
    for (const row of returned) {
      const inserted = newIds.has(row.id);
      written.push({ id: row.id, startTime: new Date(Number(row.start_time)), previousGroupId: inserted ? null : row.group_id, inserted });
    }
  }
  return written;
}

/** Every column but the raw payload, of whichever engine's table the store hands out. */
const coreColumnsCache = new WeakMap<object, Omit<Tables["activities"]["_"]["columns"], "raw">>();
function coreColumns(t: Tables) {
  let columns = coreColumnsCache.get(t.activities);
  if (!columns) {
    const { raw, ...rest } = getTableColumns(t.activities);
    void raw;
    columns = rest;
    coreColumnsCache.set(t.activities, columns);
  }
  return columns;
}

export async function listActivitiesInRange(sql: Sql, userId: string, from: Date, to: Date): Promise<ActivityCore[]> {
  const { db, t } = sql;
  return db
    .select(coreColumns(t))
    .from(t.activities)
    .where(and(eq(t.activities.userId, userId), gte(t.activities.startTime, from), lt(t.activities.startTime, to)));
}

export async function listActivitiesInGroups(sql: Sql, userId: string, groupIds: readonly string[]): Promise<ActivityCore[]> {
  if (groupIds.length === 0) return [];
  const { db, t } = sql;
  const rows: ActivityCore[] = [];
  for (let start = 0; start < groupIds.length; start += 500) {
    rows.push(
      ...(await db
        .select(coreColumns(t))
        .from(t.activities)
        .where(and(eq(t.activities.userId, userId), inArray(t.activities.groupId, groupIds.slice(start, start + 500))))),
    );
  }
  return rows;
}

export async function listAllActivities(sql: Sql, userId: string): Promise<ActivityCore[]> {
  const { db, t } = sql;
  return db.select(coreColumns(t)).from(t.activities).where(eq(t.activities.userId, userId));
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
