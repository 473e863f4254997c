import "server-only";
import { and, desc, eq, exists, gte, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { FeedQuery } from "@/lib/feed/params";
import type { NormalizedActivity } from "@/lib/providers/types";
import { getDb } from "./index";
import { activities, apiTokens, oauthStates, providerConnections, users, type ActivityRow, type ApiToken, type OAuthState, type ProviderConnection, type User } from "./schema";

/**
 * Every database read and write of the app. Server-only: nothing here reaches the browser bundle.
 * Sections follow the tables; services in lib/ compose them (and own the transactions).
 */

// ── users ────────────────────────────────────────────────────────────────────

export function findUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function findUserById(id: string): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

/** Inserts one row or throws (unique email); a single statement leaves nothing half-made. */
export function insertUser(values: { email: string; name: string | null; passwordHash: string }): User {
  return getDb().insert(users).values({ ...values, email: values.email.toLowerCase() }).returning().get();
}

// ── oauth_states ─────────────────────────────────────────────────────────────

export function insertOAuthState(values: typeof oauthStates.$inferInsert): void {
  const db = getDb();
  // Expired states are useless; clear them whenever a new one is made.
  db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date(Date.now() - 60 * 60_000))).run();
  db.insert(oauthStates).values(values).run();
}

/**
 * Marks the state used and returns it, in one transaction with the checks, so two callbacks
 * racing with the same state cannot both pass. `used` means it had been used before this call.
 */
export function claimOAuthState(
  stateHash: string,
  accept: (row: OAuthState) => boolean,
): { row: OAuthState; claimed: boolean } | undefined {
  return getDb().transaction((tx) => {
    const row = tx.select().from(oauthStates).where(eq(oauthStates.stateHash, stateHash)).get();
    if (!row) return undefined;
    if (row.usedAt || !accept(row)) return { row, claimed: false };
    tx.update(oauthStates).set({ usedAt: new Date() }).where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.usedAt))).run();
    return { row, claimed: true };
  });
}

// ── provider_connections ─────────────────────────────────────────────────────

export function findConnection(userId: string, provider: string): ProviderConnection | undefined {
  return getDb()
    .select()
    .from(providerConnections)
    .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)))
    .get();
}

export function findConnectionById(id: string): ProviderConnection | undefined {
  return getDb().select().from(providerConnections).where(eq(providerConnections.id, id)).get();
}

export function listConnections(userId: string): ProviderConnection[] {
  return getDb().select().from(providerConnections).where(eq(providerConnections.userId, userId)).all();
}

export type ConnectionValues = Omit<typeof providerConnections.$inferInsert, "id" | "userId" | "provider">;

/**
 * Creates or replaces the (user, provider) connection. When the provider account changed, the
 * previous account's activities go too: they are not this account's data.
 */
export function upsertConnection(userId: string, provider: string, values: ConnectionValues): ProviderConnection {
  return getDb().transaction((tx) => {
    const existing = tx
      .select()
      .from(providerConnections)
      .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)))
      .get();
    if (existing && existing.providerUserId && values.providerUserId && existing.providerUserId !== values.providerUserId) {
      tx.delete(activities).where(and(eq(activities.userId, userId), eq(activities.provider, provider))).run();
    }
    const now = new Date();
    if (existing) {
      return tx
        .update(providerConnections)
        .set({ ...values, updatedAt: now })
        .where(eq(providerConnections.id, existing.id))
        .returning()
        .get();
    }
    return tx
      .insert(providerConnections)
      .values({ ...values, userId, provider, connectedAt: now, updatedAt: now })
      .returning()
      .get();
  });
}

export function updateConnection(id: string, values: Partial<ConnectionValues>): void {
  getDb()
    .update(providerConnections)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(providerConnections.id, id))
    .run();
}

/** Deletes the connection and everything stored from that provider for this user. */
export function deleteConnectionAndData(
  userId: string,
  provider: string,
  afterWrite?: (tx: Transaction) => void,
): { activitiesDeleted: number } {
  return getDb().transaction((tx) => {
    const deleted = tx.delete(activities).where(and(eq(activities.userId, userId), eq(activities.provider, provider))).run();
    tx.delete(providerConnections)
      .where(and(eq(providerConnections.userId, userId), eq(providerConnections.provider, provider)))
      .run();
    tx.delete(oauthStates).where(and(eq(oauthStates.userId, userId), eq(oauthStates.provider, provider))).run();
    afterWrite?.(tx);
    return { activitiesDeleted: deleted.changes };
  });
}

// ── activities ───────────────────────────────────────────────────────────────

const comparedFields = [
  "name",
  "sport",
  "sportType",
  "startTime",
  "utcOffsetMinutes",
  "elapsedSeconds",
  "movingSeconds",
  "distanceMeters",
  "elevationGainMeters",
  "averageHeartRate",
  "maxHeartRate",
  "calories",
  "device",
] as const;

function rowValues(activity: NormalizedActivity) {
  return {
    name: activity.name,
    sport: activity.sport,
    sportType: activity.sportType,
    startTime: activity.startTime,
    utcOffsetMinutes: activity.utcOffsetMinutes,
    elapsedSeconds: activity.elapsedSeconds,
    movingSeconds: activity.movingSeconds,
    distanceMeters: activity.distanceMeters,
    elevationGainMeters: activity.elevationGainMeters,
    averageHeartRate: activity.averageHeartRate,
    maxHeartRate: activity.maxHeartRate,
    calories: activity.calories,
    device: activity.device,
    raw: JSON.stringify(activity.raw),
  };
}

/**
 * Idempotent on (user, provider, provider's id): a new id is inserted, a known one updated only if
 * something changed. All in one transaction, so an interrupted sync stores all of a batch or none.
 */
export function upsertActivities(
  userId: string,
  provider: string,
  batch: readonly NormalizedActivity[],
  afterWrite?: (tx: Transaction) => void,
): { inserted: number; updated: number } {
  return getDb().transaction((tx) => {
    let inserted = 0;
    let updated = 0;
    const find = (providerActivityId: string) =>
      tx
        .select()
        .from(activities)
        .where(and(eq(activities.userId, userId), eq(activities.provider, provider), eq(activities.providerActivityId, providerActivityId)))
        .get();
    for (const activity of batch) {
      const values = rowValues(activity);
      const existing = find(activity.providerActivityId);
      if (!existing) {
        tx.insert(activities).values({ ...values, userId, provider, providerActivityId: activity.providerActivityId }).run();
        inserted++;
        continue;
      }
      const changed =
        existing.raw !== values.raw ||
        comparedFields.some((field) => {
          const before = existing[field];
          const after = values[field];
          return before instanceof Date && after instanceof Date ? before.getTime() !== after.getTime() : before !== after;
        });
      if (changed) {
        tx.update(activities).set({ ...values, updatedAt: new Date() }).where(eq(activities.id, existing.id)).run();
        updated++;
      }
    }
    afterWrite?.(tx);
    return { inserted, updated };
  });
}

export function newestActivityStart(userId: string, provider: string): Date | undefined {
  const row = getDb()
    .select({ newest: max(activities.startTime) })
    .from(activities)
    .where(and(eq(activities.userId, userId), eq(activities.provider, provider)))
    .get();
  return row?.newest ?? undefined;
}

export type Transaction = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** What the de-duplication needs of every activity of a user. */
export function listDedupCandidates(tx: Transaction, userId: string) {
  return tx
    .select({
      id: activities.id,
      provider: activities.provider,
      sport: activities.sport,
      startTime: activities.startTime,
      elapsedSeconds: activities.elapsedSeconds,
      movingSeconds: activities.movingSeconds,
      distanceMeters: activities.distanceMeters,
      groupId: activities.groupId,
      isPrimary: activities.isPrimary,
    })
    .from(activities)
    .where(eq(activities.userId, userId))
    .all();
}

export function setActivityGroup(tx: Transaction, id: string, groupId: string, isPrimary: boolean): void {
  tx.update(activities).set({ groupId, isPrimary }).where(eq(activities.id, id)).run();
}

export type FeedFilter = FeedQuery & { userId: string };

/** One page of primaries, newest first, keyset-paginated on (start_time, id). */
export function listFeedPrimaries(filter: FeedFilter): ActivityRow[] {
  const conditions = [eq(activities.userId, filter.userId), eq(activities.isPrimary, true)];
  if (filter.sport) conditions.push(eq(activities.sport, filter.sport));
  if (filter.from) conditions.push(gte(activities.startTime, filter.from));
  if (filter.to) conditions.push(lt(activities.startTime, filter.to));
  if (filter.cursor) {
    const at = new Date(filter.cursor.startMs);
    conditions.push(or(lt(activities.startTime, at), and(eq(activities.startTime, at), lt(activities.id, filter.cursor.id)))!);
  }
  if (filter.provider) {
    // A workout is "on" a provider when any record of its group came from there.
    const member = alias(activities, "member");
    conditions.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(member)
          .where(and(eq(member.userId, activities.userId), eq(member.groupId, activities.groupId), eq(member.provider, filter.provider))),
      ),
    );
  }
  return getDb()
    .select()
    .from(activities)
    .where(and(...conditions))
    .orderBy(desc(activities.startTime), desc(activities.id))
    .limit(filter.limit)
    .all();
}

/** The non-primary members of the given groups. */
export function listGroupMembers(userId: string, groupIds: readonly string[]): ActivityRow[] {
  if (groupIds.length === 0) return [];
  return getDb()
    .select()
    .from(activities)
    .where(and(eq(activities.userId, userId), eq(activities.isPrimary, false), inArray(activities.groupId, [...groupIds])))
    .all();
}

/** Primaries since a date, for the weekly training chart. */
export function listPrimariesSince(userId: string, since: Date) {
  return getDb()
    .select({
      sport: activities.sport,
      startTime: activities.startTime,
      utcOffsetMinutes: activities.utcOffsetMinutes,
      elapsedSeconds: activities.elapsedSeconds,
      movingSeconds: activities.movingSeconds,
    })
    .from(activities)
    .where(and(eq(activities.userId, userId), eq(activities.isPrimary, true), gte(activities.startTime, since)))
    .all();
}

// ── api_tokens ───────────────────────────────────────────────────────────────

export function insertApiToken(values: { userId: string; name: string; tokenHash: string; tokenPrefix: string }): ApiToken {
  return getDb().insert(apiTokens).values(values).returning().get();
}

export function listApiTokens(userId: string): ApiToken[] {
  return getDb().select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).all();
}

export function revokeApiToken(userId: string, id: string): boolean {
  const result = getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

/** The owner of an active (not revoked) token, marking it used. */
export function touchActiveApiToken(tokenHash: string): User | undefined {
  const db = getDb();
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return undefined;
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id)).run();
  return row.user;
}
