import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getStore } from "@/lib/db";
import type { OAuthState } from "@/lib/db/schema";

export type NewOAuthState = Omit<OAuthState, "createdAt" | "usedAt">;

export async function insertOAuthState(values: NewOAuthState): Promise<void> {
  await getStore().transaction(async ({ db, t }) => {
    // Expired states are useless; clear them whenever a new one is made.
    await db.delete(t.oauthStates).where(lt(t.oauthStates.expiresAt, new Date(Date.now() - 60 * 60_000)));
    await db.insert(t.oauthStates).values(values);
  });
}

/**
 * Marks the state used and returns it, in one transaction with the checks, so two callbacks
 * racing with the same state cannot both pass. `claimed` is false when it had been used before.
 */
export async function claimOAuthState(
  stateHash: string,
  accept: (row: OAuthState) => boolean,
): Promise<{ row: OAuthState; claimed: boolean } | undefined> {
  return getStore().transaction(async ({ db, t }) => {
    const [row] = await db.select().from(t.oauthStates).where(eq(t.oauthStates.stateHash, stateHash)).limit(1);
    if (!row) return undefined;
    if (row.usedAt || !accept(row)) return { row, claimed: false };
    const used = await db
      .update(t.oauthStates)
      .set({ usedAt: new Date() })
      .where(and(eq(t.oauthStates.stateHash, stateHash), isNull(t.oauthStates.usedAt)))
      .returning({ stateHash: t.oauthStates.stateHash });
    return { row, claimed: used.length === 1 };
  });
}
