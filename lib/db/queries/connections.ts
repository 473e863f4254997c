import "server-only";
import { and, eq } from "drizzle-orm";
import { getStore, type Sql } from "@/lib/db";
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

export type ConnectionValues = Omit<ProviderConnection, "id" | "userId" | "provider" | "connectedAt" | "updatedAt">;

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
      .values({ ...values, userId, provider, connectedAt: now, updatedAt: now })
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
