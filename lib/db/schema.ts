import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date());

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
  createdAt: createdAt(),
});

export const connectionStatuses = ["connected", "needs_reconnect", "error"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

export const providerConnections = sqliteTable(
  "provider_connections",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    status: text("status", { enum: connectionStatuses }).notNull().default("connected"),
    /** Why the connection needs attention, in words for its owner. */
    statusReason: text("status_reason"),
    /** AES-256-GCM envelopes (lib/security/crypto.ts), never plain tokens. */
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    tokenExpiresAt: integer("token_expires_at", { mode: "timestamp_ms" }),
    scopes: text("scopes"),
    providerUserId: text("provider_user_id"),
    providerUserName: text("provider_user_name"),
    connectedAt: integer("connected_at", { mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date()),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date()),
    lastSyncAt: integer("last_sync_at", { mode: "timestamp_ms" }),
    lastSyncError: text("last_sync_error"),
    /** JSON of the last run's counts: { fetched, inserted, updated, skipped }. */
    lastSyncCounts: text("last_sync_counts"),
    /** Set when the provider asked us to wait (429, open circuit): the card says when sync resumes. */
    nextSyncAfter: integer("next_sync_after", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("provider_connections_user_provider").on(t.userId, t.provider)],
);

export const oauthStates = sqliteTable(
  "oauth_states",
  {
    /** SHA-256 of the state sent to the provider; the state itself is never stored. */
    stateHash: text("state_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    codeVerifierEnc: text("code_verifier_enc"),
    redirectUri: text("redirect_uri").notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("oauth_states_expires").on(t.expiresAt)],
);

export const activities = sqliteTable(
  "activities",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerActivityId: text("provider_activity_id").notNull(),
    name: text("name").notNull(),
    sport: text("sport").notNull(),
    /** The provider's own type label, e.g. Strava's "MountainBikeRide". */
    sportType: text("sport_type"),
    startTime: integer("start_time", { mode: "timestamp_ms" }).notNull(),
    utcOffsetMinutes: integer("utc_offset_minutes"),
    elapsedSeconds: real("elapsed_seconds"),
    movingSeconds: real("moving_seconds"),
    distanceMeters: real("distance_meters"),
    elevationGainMeters: real("elevation_gain_meters"),
    averageHeartRate: real("average_heart_rate"),
    maxHeartRate: real("max_heart_rate"),
    calories: real("calories"),
    device: text("device"),
    raw: text("raw").notNull(),
    /** Activities that are the same workout share a group; its primary is the one the feed shows. */
    groupId: text("group_id"),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("activities_user_provider_item").on(t.userId, t.provider, t.providerActivityId),
    index("activities_feed").on(t.userId, t.isPrimary, t.startTime, t.id),
    index("activities_group").on(t.userId, t.groupId),
  ],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a person can tell their tokens apart. */
    tokenPrefix: text("token_prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type ProviderConnection = typeof providerConnections.$inferSelect;
export type OAuthState = typeof oauthStates.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;
export type ApiToken = typeof apiTokens.$inferSelect;
