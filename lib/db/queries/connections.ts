import "server-only";
import { and, eq } from "drizzle-orm";
import { ATOMIC, getStore, type Sql } from "@/lib/db";
import type { ProviderConnection } from "@/lib/db/schema";

export async function findConnection(userId: string, provider: string, sql: Sql = getStore()): Promise<ProviderConnection | undefined> {
  const { db, t } = sql;
  const [row] = await db
    .select()
    .from(t.providerConnections)
    .where(and(eq(t.providerConnections.userId, userId), eq(t.providerConnections.provider, provider)))
    .limit(1);
  return row;
}

export async function findConnectionById(id: string, sql: Sql = getStore()): Promise<ProviderConnection | undefined> {
  const { db, t } = sql;
  const [row] = await db.select().from(t.providerConnections).where(eq(t.providerConnections.id, id)).limit(1);
  return row;
}

export async function listConnections(userId: string): Promise<ProviderConnection[]> {
  const { db, t } = getStore();
  return db.select().from(t.providerConnections).where(eq(t.providerConnections.userId, userId));
}

export type ConnectionValues = Omit<ProviderConnection, "id" | "userId" | "provider" | "updatedAt">;

/**
 * Creates or replaces the (user, provider) connection. When the provider account changed, the
 * previous account's activities go too (they are not this account's data); `onAccountChange` lets
 * the caller re-form the groups they were in, inside the same transaction.
 */
export async function upsertConnection(
  userId: string,
  provider: string,
  values: Partial<ConnectionValues>,
  onAccountChange?: (tx: Sql) => Promise<void>,
): Promise<ProviderConnection> {
  return getStore().transaction(async (tx) => {
    const { db, t } = tx;
    const existing = await findConnection(userId, provider, tx);
    if (existing && existing.providerUserId && values.providerUserId && existing.providerUserId !== values.providerUserId) {
      await onAccountChange?.(tx);
    }
    const now = new Date();
    if (existing) {
      const [row] = await db
        .update(t.providerConnections)
        .set({ ...values, updatedAt: now })
        .where(eq(t.providerConnections.id, existing.id))
        .returning();
      return row!;
    }
    const [row] = await db
      .insert(t.providerConnections)
      .values({ connectedAt: now, ...values, userId, provider, updatedAt: now })
      .returning();
    return row!;
  });
}

export async function updateConnection(id: string, values: Partial<ConnectionValues>, sql?: Sql): Promise<void> {
  const write = async ({ db, t }: Sql) => {
    await db
      .update(t.providerConnections)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(t.providerConnections.id, id));
  };
  await (sql ? write(sql) : getStore().transaction(write));
}

/** Deletes the connection and its OAuth states (the caller deletes its activities in the same transaction). */
export async function deleteConnection(userId: string, provider: string, tx: Sql): Promise<void> {
  const { db, t } = tx;
  await db.delete(t.providerConnections).where(and(eq(t.providerConnections.userId, userId), eq(t.providerConnections.provider, provider)));
  await db.delete(t.oauthStates).where(and(eq(t.oauthStates.userId, userId), eq(t.oauthStates.provider, provider)));
}

/** Moves the connection's "newest activity" mark forward (inside the ingest's transaction). */
export async function advanceNewestActivity(tx: Sql, userId: string, provider: string, newest: Date): Promise<void> {
  await tx.query(
    "UPDATE provider_connections SET newest_activity_at = ? WHERE user_id = ? AND provider = ? AND (newest_activity_at IS NULL OR newest_activity_at < ?)",
    [newest.getTime(), userId, provider, newest.getTime()],
  );
}

/** The connection a provider's webhook names by the provider's own account id. */
export async function findConnectionByProviderUser(provider: string, providerUserId: string): Promise<ProviderConnection | undefined> {
  const { db, t } = getStore();
  const [row] = await db
    .select()
    .from(t.providerConnections)
    .where(and(eq(t.providerConnections.provider, provider), eq(t.providerConnections.providerUserId, providerUserId)))
    .limit(1);
  return row;
}

/** Connections whose scheduled sync is due (or was never scheduled), up to `limit`. */
export async function listDueConnections(now: Date, limit: number): Promise<{ id: string }[]> {
  const store = getStore();
  const due = await store.query<{ id: string }>(
    "SELECT id FROM provider_connections WHERE next_sync_at <= ? AND status IN ('connected', 'error') ORDER BY next_sync_at LIMIT ?",
    [now.getTime(), limit],
  );
  const unscheduled = await store.query<{ id: string }>("SELECT id FROM provider_connections WHERE next_sync_at IS NULL AND status IN ('connected', 'error') LIMIT ?", [limit]);
  return [...due, ...unscheduled].slice(0, limit);
}

/**
 * Moves a due connection's next scheduled sync to `next`; false when another process already did
 * (so only one of them queues the sync).
 */
export async function claimScheduledSync(id: string, now: Date, next: Date): Promise<boolean> {
  const rows = await getStore().transaction((tx) =>
    tx.query<{ id: string }>("UPDATE provider_connections SET next_sync_at = ? WHERE id = ? AND (next_sync_at IS NULL OR next_sync_at <= ?) RETURNING id", [
      next.getTime(),
      id,
      now.getTime(),
    ]),
    ATOMIC,
  );
  return rows.length > 0;
}
