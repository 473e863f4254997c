import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { getStore } from "@/lib/db";
import type { ApiToken, User } from "@/lib/db/schema";

/** A token's last use is recorded at most this often, so a read never costs a write. */
export const LAST_USED_PRECISION_MS = 60_000;

export async function insertApiToken(values: { userId: string; name: string; tokenHash: string; tokenPrefix: string }): Promise<ApiToken> {
  return getStore().transaction(async ({ db, t }) => {
    const [row] = await db.insert(t.apiTokens).values(values).returning();
    return row!;
  });
}

export async function listApiTokens(userId: string): Promise<ApiToken[]> {
  const { db, t } = getStore();
  return db.select().from(t.apiTokens).where(eq(t.apiTokens.userId, userId)).orderBy(desc(t.apiTokens.createdAt));
}

export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  return getStore().transaction(async ({ db, t }) => {
    const revoked = await db
      .update(t.apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.apiTokens.id, id), eq(t.apiTokens.userId, userId), isNull(t.apiTokens.revokedAt)))
      .returning({ id: t.apiTokens.id });
    return revoked.length > 0;
  });
}

/** The owner of an active (not revoked) token; its last use is refreshed at most once a minute. */
export async function findActiveApiTokenOwner(tokenHash: string, now = new Date()): Promise<User | undefined> {
  const store = getStore();
  // Every Bearer request runs this: one prepared statement, no query building.
  const [found] = await store.query<{
    token_id: string;
    last_used_at: number | null;
    id: string;
    email: string;
    name: string | null;
    password_hash: string;
    role: string;
    created_at: number;
    email_verified_at: number | null;
  }>(
    "SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name, u.password_hash, u.role, u.created_at, u.email_verified_at " +
      "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL LIMIT 1",
    [tokenHash],
  );
  if (!found) return undefined;
  const row = {
    token: { id: found.token_id, lastUsedAt: found.last_used_at === null ? null : new Date(Number(found.last_used_at)) },
    user: {
      id: found.id,
      email: found.email,
      name: found.name,
      passwordHash: found.password_hash,
      role: found.role as User["role"],
      createdAt: new Date(Number(found.created_at)),
      emailVerifiedAt: found.email_verified_at === null ? null : new Date(Number(found.email_verified_at)),
    },
  };
  const stale = !row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
  if (stale) {
    const before = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    await store.transaction(({ db, t }) =>
      db
        .update(t.apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(t.apiTokens.id, row.token.id), or(isNull(t.apiTokens.lastUsedAt), lt(t.apiTokens.lastUsedAt, before)))),
    );
  }
  return row.user;
}
