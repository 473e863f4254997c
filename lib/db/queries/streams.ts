import "server-only";
import { and, eq } from "drizzle-orm";
import { getStore, type Sql } from "@/lib/db";
import type { ActivityStreamRow } from "@/lib/db/schema";

export async function findActivityStreams(userId: string, activityId: string, sql: Sql = getStore()): Promise<ActivityStreamRow | undefined> {
  const { db, t } = sql;
  const [row] = await db
    .select()
    .from(t.activityStreams)
    .where(and(eq(t.activityStreams.userId, userId), eq(t.activityStreams.activityId, activityId)))
    .limit(1);
  return row;
}

export async function saveActivityStreams(tx: Sql, row: ActivityStreamRow): Promise<void> {
  const { db, t } = tx;
  const { activityId, ...rest } = row;
  await db.insert(t.activityStreams).values(row).onConflictDoUpdate({ target: t.activityStreams.activityId, set: rest });
}

/** The payload a sync stored for one record: what a provider's stream fetch may need from it. */
export async function findActivityRaw(userId: string, activityId: string, sql: Sql = getStore()): Promise<string | undefined> {
  const [row] = await sql.query<{ raw: string }>("SELECT raw FROM activities WHERE user_id = ? AND id = ?", [userId, activityId]);
  return row?.raw;
}
