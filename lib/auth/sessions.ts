import "server-only";
import { ATOMIC, getStore } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { randomToken, sha256Hex } from "@/lib/security/crypto";

/** As long as the session cookie. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** A new session for a person who just proved who they are; the id goes in the cookie, its hash here. */
export async function createSession(userId: string): Promise<string> {
  const id = randomToken(32);
  await getStore().transaction(({ db, t }) =>
    db.insert(t.sessions).values({ idHash: sha256Hex(id), userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) }),
    ATOMIC,
  );
  return id;
}

/** The person behind a live session (not signed out, not expired), or undefined. */
export async function findSessionUser(sessionId: string): Promise<User | undefined> {
  const [row] = await getStore().query<Record<string, unknown>>(
    "SELECT u.id, u.email, u.name, u.password_hash, u.role, u.created_at, u.email_verified_at FROM sessions s JOIN users u ON u.id = s.user_id " +
      "WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? LIMIT 1",
    [sha256Hex(sessionId), Date.now()],
  );
  if (!row) return undefined;
  return {
    id: row.id as string,
    email: row.email as string,
    name: row.name as string | null,
    passwordHash: row.password_hash as string,
    role: row.role as User["role"],
    createdAt: new Date(Number(row.created_at)),
    emailVerifiedAt: row.email_verified_at === null ? null : new Date(Number(row.email_verified_at)),
  };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await getStore().transaction((tx) => tx.query("UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL", [Date.now(), sha256Hex(sessionId)]), ATOMIC);
}

/** "Sign out everywhere": every session of the person ends, this one included. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const ended = await getStore().transaction((tx) =>
    tx.query<{ id_hash: string }>("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL RETURNING id_hash", [Date.now(), userId]),
    ATOMIC,
  );
  return ended.length;
}
