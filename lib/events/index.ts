import "server-only";
import { ATOMIC, getStore, personLock, type Sql } from "@/lib/db";

/**
 * What happened for a person, for their open dashboards: sync progress, new activities, errors.
 * Written to the database (table `user_events`) by whichever process did the work and read by
 * whichever process holds the person's live stream, so any process can serve any dashboard.
 */
export type UserEvent =
  | { kind: "sync"; provider: string; state: "running" | "done" | "failed"; progress?: { done: number; total: number; unit: string }; inserted?: number; error?: string | null }
  | { kind: "activities"; provider: string; changed: number }
  | { kind: "connection"; provider: string; status: string };

export interface StoredUserEvent {
  seq: number;
  event: UserEvent;
}

export async function publish(userId: string, event: UserEvent, tx?: Sql): Promise<void> {
  const { kind, ...data } = event;
  const insert = (sql: Sql) => sql.query("INSERT INTO user_events (user_id, kind, data, created_at) VALUES (?, ?, ?, ?)", [userId, kind, JSON.stringify(data), Date.now()]);
  if (tx) await insert(tx);
  // Under the person's lock: their events are numbered in the order they are committed, so a
  // stream reading "after seq n" never skips one that commits late.
  else await getStore().transaction(insert, { lock: personLock(userId) });
}

/** The person's events after `seq`, oldest first. */
export async function eventsSince(userId: string, seq: number, limit = 100): Promise<StoredUserEvent[]> {
  const rows = await getStore().query<{ seq: number; kind: string; data: string }>(
    "SELECT seq, kind, data FROM user_events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    [userId, seq, limit],
  );
  return rows.map((row) => ({ seq: Number(row.seq), event: { kind: row.kind, ...(JSON.parse(row.data) as object) } as UserEvent }));
}

/** Where a new stream starts: after everything already written. */
export async function latestSeq(userId: string): Promise<number> {
  const [row] = await getStore().query<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM user_events WHERE user_id = ?", [userId]);
  return Number(row?.seq ?? 0);
}

export async function pruneEvents(before: Date): Promise<number> {
  const rows = await getStore().transaction((tx) => tx.query<{ seq: number }>("DELETE FROM user_events WHERE created_at < ? RETURNING seq", [before.getTime()]), ATOMIC);
  return rows.length;
}
