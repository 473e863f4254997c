import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getStore } from "@/lib/db";
import type { OAuthClientRow, OAuthCodeRow, OAuthGrantRow, User } from "@/lib/db/schema";

/** A grant's last use is recorded at most this often, so a tool call never costs a write. */
export const GRANT_LAST_USED_PRECISION_MS = 60_000;

export type NewOAuthClient = Omit<OAuthClientRow, "createdAt">;

export async function insertOAuthClient(values: NewOAuthClient): Promise<OAuthClientRow> {
  return getStore().transaction(async ({ db, t }) => {
    const [row] = await db.insert(t.oauthClients).values(values).returning();
    return row!;
  });
}

export async function findOAuthClient(id: string): Promise<OAuthClientRow | undefined> {
  const { db, t } = getStore();
  const [row] = await db.select().from(t.oauthClients).where(eq(t.oauthClients.id, id)).limit(1);
  return row;
}

export type NewOAuthCode = Omit<OAuthCodeRow, "createdAt" | "usedAt" | "grantId">;

export async function insertOAuthCode(values: NewOAuthCode): Promise<void> {
  await getStore().transaction(async ({ db, t }) => {
    // Codes live minutes; clear the old ones whenever a new one is made.
    await db.delete(t.oauthCodes).where(lt(t.oauthCodes.expiresAt, new Date(Date.now() - 60 * 60_000)));
    await db.insert(t.oauthCodes).values(values);
  });
}

export async function findOAuthCode(codeHash: string): Promise<OAuthCodeRow | undefined> {
  const { db, t } = getStore();
  const [row] = await db.select().from(t.oauthCodes).where(eq(t.oauthCodes.codeHash, codeHash)).limit(1);
  return row;
}

/** Marks a code used; false when it already was (two exchanges racing: only one wins). */
export async function markOAuthCodeUsed(codeHash: string): Promise<boolean> {
  return getStore().transaction(async ({ db, t }) => {
    const used = await db
      .update(t.oauthCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(t.oauthCodes.codeHash, codeHash), isNull(t.oauthCodes.usedAt)))
      .returning({ codeHash: t.oauthCodes.codeHash });
    return used.length === 1;
  });
}

export interface IssuedToken {
  tokenHash: string;
  kind: "access" | "refresh";
  scope: string;
  expiresAt: Date;
}

/**
 * A new grant (one consent's token family) with its first tokens, remembered on the code it was
 * exchanged for so that a second use of the code can revoke it.
 */
export async function insertOAuthGrant(
  values: { userId: string; clientId: string; scope: string; resource: string; codeHash: string },
  tokens: readonly IssuedToken[],
): Promise<OAuthGrantRow> {
  return getStore().transaction(async ({ db, t }) => {
    const [grant] = await db
      .insert(t.oauthGrants)
      .values({ userId: values.userId, clientId: values.clientId, scope: values.scope, resource: values.resource })
      .returning();
    await db.insert(t.oauthTokens).values(tokens.map((token) => ({ ...token, grantId: grant!.id })));
    await db.update(t.oauthCodes).set({ grantId: grant!.id }).where(eq(t.oauthCodes.codeHash, values.codeHash));
    return grant!;
  });
}

/** More tokens in an existing family (after a refresh); expired ones of any family are cleared now and then. */
export async function insertOAuthTokens(grantId: string, tokens: readonly IssuedToken[]): Promise<void> {
  await getStore().transaction(async ({ db, t }) => {
    await db.delete(t.oauthTokens).where(lt(t.oauthTokens.expiresAt, new Date(Date.now() - 24 * 60 * 60_000)));
    await db.insert(t.oauthTokens).values(tokens.map((token) => ({ ...token, grantId })));
  });
}

export interface StoredOAuthToken {
  tokenHash: string;
  kind: "access" | "refresh";
  scope: string;
  expiresAt: Date;
  revokedAt: Date | null;
  grant: OAuthGrantRow;
}

/** A token with its grant, revoked or not: callers decide what a revoked one means. */
export async function findOAuthToken(tokenHash: string): Promise<StoredOAuthToken | undefined> {
  const { db, t } = getStore();
  const [row] = await db
    .select({ token: t.oauthTokens, grant: t.oauthGrants })
    .from(t.oauthTokens)
    .innerJoin(t.oauthGrants, eq(t.oauthGrants.id, t.oauthTokens.grantId))
    .where(eq(t.oauthTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  return { tokenHash: row.token.tokenHash, kind: row.token.kind, scope: row.token.scope, expiresAt: row.token.expiresAt, revokedAt: row.token.revokedAt, grant: row.grant };
}

/** Revokes one token; false when it was already revoked (or rotated) — the caller lost a race. */
export async function revokeOAuthToken(tokenHash: string): Promise<boolean> {
  return getStore().transaction(async ({ db, t }) => {
    const revoked = await db
      .update(t.oauthTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(t.oauthTokens.tokenHash, tokenHash), isNull(t.oauthTokens.revokedAt)))
      .returning({ tokenHash: t.oauthTokens.tokenHash });
    return revoked.length === 1;
  });
}

/** Ends a whole token family. */
export async function revokeOAuthGrant(grantId: string): Promise<void> {
  await getStore().transaction(async ({ db, t }) => {
    const now = new Date();
    await db.update(t.oauthGrants).set({ revokedAt: now }).where(and(eq(t.oauthGrants.id, grantId), isNull(t.oauthGrants.revokedAt)));
    await db.update(t.oauthTokens).set({ revokedAt: now }).where(and(eq(t.oauthTokens.grantId, grantId), isNull(t.oauthTokens.revokedAt)));
  });
}

export interface AccessTokenOwner {
  user: User;
  grantId: string;
  clientId: string;
  scope: string;
  resource: string;
}

/**
 * The person and grant behind a live access token (not expired, not revoked, its family not
 * revoked). The grant's last use is refreshed at most once a minute.
 */
export async function findLiveAccessToken(tokenHash: string, now = new Date()): Promise<AccessTokenOwner | undefined> {
  const store = getStore();
  // Every MCP request made with an OAuth token runs this: one prepared statement.
  const [found] = await store.query<{
    grant_id: string;
    client_id: string;
    scope: string;
    resource: string;
    last_used_at: number | null;
    id: string;
    email: string;
    name: string | null;
    password_hash: string;
    role: string;
    created_at: number;
    email_verified_at: number | null;
  }>(
    "SELECT g.id AS grant_id, g.client_id, t.scope, g.resource, g.last_used_at, u.id, u.email, u.name, u.password_hash, u.role, u.created_at, u.email_verified_at " +
      "FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id JOIN users u ON u.id = g.user_id " +
      "WHERE t.token_hash = ? AND t.kind = 'access' AND t.revoked_at IS NULL AND t.expires_at > ? AND g.revoked_at IS NULL LIMIT 1",
    [tokenHash, now.getTime()],
  );
  if (!found) return undefined;
  const lastUsed = found.last_used_at === null ? null : Number(found.last_used_at);
  if (lastUsed === null || now.getTime() - lastUsed >= GRANT_LAST_USED_PRECISION_MS) {
    const before = new Date(now.getTime() - GRANT_LAST_USED_PRECISION_MS);
    await store.transaction(({ db, t }) =>
      db
        .update(t.oauthGrants)
        .set({ lastUsedAt: now })
        .where(and(eq(t.oauthGrants.id, found.grant_id), isNull(t.oauthGrants.revokedAt), lastUsed === null ? isNull(t.oauthGrants.lastUsedAt) : lt(t.oauthGrants.lastUsedAt, before))),
    );
  }
  return {
    grantId: found.grant_id,
    clientId: found.client_id,
    scope: found.scope,
    resource: found.resource,
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
}

export interface LiveGrantRow {
  grantId: string;
  clientId: string;
  clientName: string;
  scope: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/**
 * A person's grants that can still be used: not revoked, and holding a token that has not expired
 * (a family whose refresh token ran out is over by itself). Newest first.
 */
export async function listLiveGrants(userId: string, now = new Date()): Promise<LiveGrantRow[]> {
  const rows = await getStore().query<{ id: string; client_id: string; name: string; scope: string; created_at: number; last_used_at: number | null }>(
    "SELECT g.id, g.client_id, c.name, g.scope, g.created_at, g.last_used_at FROM oauth_grants g JOIN oauth_clients c ON c.id = g.client_id " +
      "WHERE g.user_id = ? AND g.revoked_at IS NULL AND EXISTS (SELECT 1 FROM oauth_tokens t WHERE t.grant_id = g.id AND t.revoked_at IS NULL AND t.expires_at > ?) " +
      "ORDER BY g.created_at DESC",
    [userId, now.getTime()],
  );
  return rows.map((row) => ({
    grantId: row.id,
    clientId: row.client_id,
    clientName: row.name,
    scope: row.scope,
    createdAt: new Date(Number(row.created_at)),
    lastUsedAt: row.last_used_at === null ? null : new Date(Number(row.last_used_at)),
  }));
}

/** Ends every grant a person gave one client; the number of grants ended. */
export async function revokeOAuthGrantsOfClient(userId: string, clientId: string): Promise<number> {
  return getStore().transaction(async (tx) => {
    const now = Date.now();
    const ended = await tx.query<{ id: string }>(
      "UPDATE oauth_grants SET revoked_at = ? WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL RETURNING id",
      [now, userId, clientId],
    );
    for (const { id } of ended) await tx.query("UPDATE oauth_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL", [now, id]);
    return ended.length;
  });
}
