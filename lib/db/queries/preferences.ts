import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Sql } from "@/lib/db";
import type { MatchVerdict } from "@/lib/db/schema";

export type Verdict = MatchVerdict["verdict"];

/** A person's verdicts on pairs of records (`provider:providerActivityId` keys). */
export async function listMatchVerdicts(sql: Sql, userId: string): Promise<MatchVerdict[]> {
  const { db, t } = sql;
  return db.select().from(t.matchVerdicts).where(eq(t.matchVerdicts.userId, userId));
}

/** Records one verdict per pair, replacing an earlier verdict on the same pair. */
export async function saveMatchVerdicts(sql: Sql, userId: string, pairs: readonly { recordA: string; recordB: string; verdict: Verdict }[], now = new Date()): Promise<void> {
  const { db, t } = sql;
  for (const pair of pairs) {
    await db
      .insert(t.matchVerdicts)
      .values({ userId, ...pair, createdAt: now })
      .onConflictDoUpdate({ target: [t.matchVerdicts.userId, t.matchVerdicts.recordA, t.matchVerdicts.recordB], set: { verdict: pair.verdict, createdAt: now } });
  }
}

/** Forgets every verdict that involves one of `records`; the matcher decides again. */
export async function deleteMatchVerdictsOf(sql: Sql, userId: string, records: readonly string[]): Promise<number> {
  if (records.length === 0) return 0;
  const { db, t } = sql;
  const deleted = await db
    .delete(t.matchVerdicts)
    .where(and(eq(t.matchVerdicts.userId, userId), or(inArray(t.matchVerdicts.recordA, [...records]), inArray(t.matchVerdicts.recordB, [...records]))))
    .returning({ recordA: t.matchVerdicts.recordA });
  return deleted.length;
}

/** The person's own source order, or null for the deployment's. */
export async function findSourcePriority(sql: Sql, userId: string): Promise<string[] | null> {
  const { db, t } = sql;
  const [row] = await db.select({ sourcePriority: t.userPreferences.sourcePriority }).from(t.userPreferences).where(eq(t.userPreferences.userId, userId));
  if (!row?.sourcePriority) return null;
  const parsed: unknown = JSON.parse(row.sourcePriority);
  return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : null;
}

export async function saveSourcePriority(sql: Sql, userId: string, priority: readonly string[] | null, now = new Date()): Promise<void> {
  const { db, t } = sql;
  const value = priority ? JSON.stringify(priority) : null;
  await db
    .insert(t.userPreferences)
    .values({ userId, sourcePriority: value, updatedAt: now })
    .onConflictDoUpdate({ target: t.userPreferences.userId, set: { sourcePriority: value, updatedAt: now } });
}

export interface StoredDisplayPreferences {
  units: "metric" | "imperial" | null;
  weekStart: number | null;
  timeZone: string | null;
}

/** The person's display settings as stored; null fields (or no row) mean the defaults. */
export async function findDisplayPreferences(sql: Sql, userId: string): Promise<StoredDisplayPreferences> {
  const { db, t } = sql;
  const [row] = await db
    .select({ units: t.userPreferences.units, weekStart: t.userPreferences.weekStart, timeZone: t.userPreferences.timeZone })
    .from(t.userPreferences)
    .where(eq(t.userPreferences.userId, userId));
  return row ?? { units: null, weekStart: null, timeZone: null };
}

/** Writes the fields given (undefined leaves a field as it is). */
export async function saveDisplayPreferences(sql: Sql, userId: string, changes: Partial<StoredDisplayPreferences>, now = new Date()): Promise<void> {
  const { db, t } = sql;
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  await db
    .insert(t.userPreferences)
    .values({ userId, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: t.userPreferences.userId, set: { ...set, updatedAt: now } });
}
