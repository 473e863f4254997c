import { sql, type NotNull } from "drizzle-orm";
import { v7 as timeOrderedId } from "uuid";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { activityFields, type ActivityFieldName, type FieldSpec } from "@/lib/activity/fields";
import type { Sport } from "@/lib/activity/sports";

/**
 * The SQLite schema (the embedded default). Instants are epoch milliseconds in both engines, so
 * one SQL text (keyset cursors, week buckets) serves both.
 */
/**
 * Time-ordered UUIDs (v7): new rows land at the end of every index keyed by id, so a large write
 * touches a few pages instead of one random page per row.
 */
const id = () => text("id").primaryKey().$defaultFn(() => timeOrderedId());
const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => instant("created_at").notNull().$defaultFn(() => new Date());

const columnBuilders = {
  text: (name: string) => text(name),
  sport: (name: string) => text(name).$type<Sport>(),
  real: (name: string) => real(name),
  integer: (name: string) => integer(name),
  instant,
};
type Built<F extends FieldSpec> = F["nullable"] extends true
  ? ReturnType<(typeof columnBuilders)[F["type"]]>
  : NotNull<ReturnType<(typeof columnBuilders)[F["type"]]>>;

/** The activity's value columns, one per declared field. */
function activityValueColumns(): { [K in ActivityFieldName]: Built<(typeof activityFields)[K]> } {
  const columns: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(activityFields) as [ActivityFieldName, FieldSpec][]) {
    const column = columnBuilders[spec.type](spec.column);
    columns[name] = spec.nullable ? column : column.notNull();
  }
  return columns as { [K in ActivityFieldName]: Built<(typeof activityFields)[K]> };
}

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
  createdAt: createdAt(),
  /** Set when the person opened the link sent to their address; sign-in and admin rights need it. */
  emailVerifiedAt: instant("email_verified_at"),
});

/**
 * Signed-in browser sessions. The session cookie carries a random id whose hash is stored here;
 * every request checks it, so signing out (or out everywhere) ends a copied cookie too.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Single-use links sent by mail (address verification); only their hash is stored. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify_email"] }).notNull(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [index("email_tokens_user").on(t.userId)],
);

/** Mail kept in the database when no mail server is configured (development and the demo show it at /dev/outbox). */
export const outbox = sqliteTable("outbox", {
  id: id(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
});

/**
 * Counters of the rate limits (sign-in attempts, provider request budgets), shared by every process
 * on the database: rate-limiter-flexible's store.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: integer("expire"),
});

/** `revoked`: the person withdrew our access at the provider (a deauthorization webhook); reconnecting restores it. */
export const connectionStatuses = ["connected", "needs_reconnect", "error", "revoked"] as const;
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
    tokenExpiresAt: instant("token_expires_at"),
    scopes: text("scopes"),
    providerUserId: text("provider_user_id"),
    providerUserName: text("provider_user_name"),
    connectedAt: instant("connected_at").notNull().$defaultFn(() => new Date()),
    updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
    lastSyncAt: instant("last_sync_at"),
    lastSyncError: text("last_sync_error"),
    /** JSON of the last run's counts: { fetched, inserted, updated, skipped }. */
    lastSyncCounts: text("last_sync_counts"),
    /** Set when the provider asked us to wait (429, open circuit): the card says when sync resumes. */
    nextSyncAfter: instant("next_sync_after"),
    /** Start of the newest activity stored from this connection: where an incremental sync resumes. */
    newestActivityAt: instant("newest_activity_at"),
    /** How far back the backfill after connecting reaches (the provider's limit or PIERRE_SYNC_BACKFILL_DAYS). */
    backfillFrom: instant("backfill_from"),
    /** The backfill works newest first; everything from here to the time of connecting is stored. Null: not started. */
    backfillReached: instant("backfill_reached"),
    backfillDoneAt: instant("backfill_done_at"),
    /** When the schedule next syncs this connection (jittered). */
    nextSyncAt: instant("next_sync_at"),
  },
  (t) => [
    uniqueIndex("provider_connections_user_provider").on(t.userId, t.provider),
    index("provider_connections_provider_user").on(t.provider, t.providerUserId),
    index("provider_connections_due").on(t.nextSyncAt),
  ],
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
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
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
    ...activityValueColumns(),
    raw: text("raw").notNull(),
    /** Hash of the normalized values and raw payload: a re-sync writes a row only when it changed. */
    contentHash: text("content_hash"),
    /**
     * Activities that are the same workout share a group whose id is its primary's id (and its
     * workout's id). `groupStart` is the primary's start, kept on every member so that "every
     * workout on provider X" pages by the feed's own keyset.
     */
    groupId: text("group_id"),
    groupStart: instant("group_start"),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("activities_user_provider_item").on(t.userId, t.provider, t.providerActivityId),
    index("activities_by_provider").on(t.userId, t.provider, t.groupStart, t.groupId),
    index("activities_group").on(t.userId, t.groupId, t.isPrimary),
    index("activities_timeline").on(t.userId, t.startTime),
  ],
);

/**
 * The feed's read model: one row per workout (a group of activities that are the same workout),
 * holding the primary's values with its gaps filled from the other sources. Maintained by the
 * regrouping in the same transaction as the activities it derives from; its id is the primary
 * activity's id.
 */
export const workouts = sqliteTable(
  "workouts",
  {
    id: text("id").notNull(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    ...activityValueColumns(),
    primaryProvider: text("primary_provider").notNull(),
    primaryProviderActivityId: text("primary_provider_activity_id").notNull(),
    /** JSON: every source record in priority order, `[{ provider, providerActivityId, activityId }]`. */
    sources: text("sources").notNull(),
    updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
  },
  (t) => [
    // The feed's order is the table's own (a WITHOUT ROWID table since migration 0005): a page of
    // the feed is a few neighbouring pages of the file, not fifty scattered rows.
    primaryKey({ name: "workouts_feed", columns: [t.userId, t.startTime, t.id] }),
    uniqueIndex("workouts_id").on(t.id),
    index("workouts_feed_sport").on(t.userId, t.sport, t.startTime, t.id),
    // Search by name reads this narrow index in feed order and opens only the rows that match,
    // instead of every whole row (with its sources JSON) of the person's history.
    index("workouts_feed_name").on(t.userId, t.startTime, t.id, t.name),
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
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

/**
 * A person's last word on whether two records are one workout ("same") or not ("different"). Keyed
 * by each record's provider and provider id — not by row id — so a verdict survives re-syncs,
 * disconnecting and reconnecting. `recordA` sorts before `recordB`.
 */
export const matchVerdicts = sqliteTable(
  "match_verdicts",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** `provider:providerActivityId` of each record. */
    recordA: text("record_a").notNull(),
    recordB: text("record_b").notNull(),
    verdict: text("verdict", { enum: ["same", "different"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "match_verdicts_pair", columns: [t.userId, t.recordA, t.recordB] })],
);

/** Per-person settings; a missing row or column means the deployment's default. */
export const userPreferences = sqliteTable("user_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** JSON array of provider ids: whose version of a merged workout is shown first. */
  sourcePriority: text("source_priority"),
  /** "metric" or "imperial". */
  units: text("units", { enum: ["metric", "imperial"] }),
  /** First day of the week for totals and charts: 0 Sunday … 6 Saturday. */
  weekStart: integer("week_start"),
  /** An IANA zone to show every time in; null shows each workout in its own local time. */
  timeZone: text("time_zone"),
  updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
});

export const streamStatuses = ["ok", "none"] as const;

/**
 * Time series and route of one provider record, fetched from the provider the first time its
 * workout page is opened. Kept per record (not per workout) so regrouping never invalidates it,
 * and deleted with the record. `data` is the normalized, downsampled form (lib/streams), never the
 * provider's payload; "none" remembers that the provider has nothing for this record.
 */
export const activityStreams = sqliteTable(
  "activity_streams",
  {
    activityId: text("activity_id")
      .primaryKey()
      .references(() => activities.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: streamStatuses }).notNull(),
    data: text("data"),
    points: integer("points").notNull().default(0),
    bytes: integer("bytes").notNull().default(0),
    fetchedAt: instant("fetched_at").notNull(),
  },
  (t) => [index("activity_streams_user").on(t.userId, t.fetchedAt)],
);

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * The durable job queue (lib/jobs): backfills, scheduled syncs, webhook fetches. A worker claims a
 * job by taking its lease; a worker that dies stops renewing it, and the job is claimed again when
 * the lease runs out. `key` names the work ("sync:<connection>"), so the same work is queued once.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    key: text("key"),
    /** JSON. */
    payload: text("payload").notNull(),
    status: text("status", { enum: jobStatuses }).notNull().default("queued"),
    runAt: instant("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: instant("lease_until"),
    /** JSON the job reports as it goes ({ done, total, unit }). */
    progress: text("progress"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    // One queued job per key; one more may be queued while one runs (work asked for meanwhile).
    uniqueIndex("jobs_queued_key").on(t.key).where(sql`status = 'queued'`),
    index("jobs_due").on(t.status, t.runAt),
    index("jobs_key").on(t.key, t.createdAt),
  ],
);

/**
 * Named leases that every process on the database respects: one sync per connection at a time,
 * one token refresh per connection. A lease expires on its own, so a dead holder blocks no one for long.
 */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  owner: text("owner").notNull(),
  expiresAt: instant("expires_at").notNull(),
});

/** Webhook deliveries already accepted, by the provider's own id for each (a replay is acknowledged and ignored). */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    provider: text("provider").notNull(),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: instant("received_at").notNull(),
  },
  (t) => [primaryKey({ name: "webhook_deliveries_pk", columns: [t.provider, t.deliveryId] }), index("webhook_deliveries_received").on(t.receivedAt)],
);

/** The app's subscription at providers whose webhooks are created through their API (Strava's push subscription). */
export const webhookSubscriptions = sqliteTable("webhook_subscriptions", {
  provider: text("provider").primaryKey(),
  externalId: text("external_id"),
  callbackUrl: text("callback_url").notNull(),
  status: text("status", { enum: ["active", "failed"] }).notNull(),
  lastError: text("last_error"),
  updatedAt: instant("updated_at").notNull().$defaultFn(() => new Date()),
});

/**
 * What happened for a person (sync progress, new activities, errors), for their open dashboards:
 * every process writes here and every live stream reads from here, so any process can serve them.
 * Kept for a short while only.
 */
export const userEvents = sqliteTable(
  "user_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** JSON. */
    data: text("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("user_events_user").on(t.userId, t.seq), index("user_events_created").on(t.createdAt)],
);

/**
 * Applications (MCP clients) registered through Dynamic Client Registration. A public client
 * (a native or desktop app) has no secret; a confidential one has only the secret's hash here.
 */
export const oauthClients = sqliteTable("oauth_clients", {
  id: text("id").primaryKey(),
  secretHash: text("secret_hash"),
  name: text("name").notNull(),
  /** JSON array of the exact redirect URIs registered. */
  redirectUris: text("redirect_uris").notNull(),
  tokenEndpointAuthMethod: text("token_endpoint_auth_method", { enum: ["none", "client_secret_post", "client_secret_basic"] }).notNull(),
  /** Space-separated scopes the client registered for; null means any we offer. */
  scope: text("scope"),
  /** JSON of the metadata as registered (RFC 7591), echoed back to the client. */
  metadata: text("metadata").notNull(),
  createdAt: createdAt(),
});

/**
 * One person's consent to one client: the family of every access and refresh token issued from
 * that consent. Revoking it (from Settings, by reuse of a rotated refresh token, or by revoking
 * the refresh token) ends every token of the family.
 */
export const oauthGrants = sqliteTable(
  "oauth_grants",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    clientId: text("client_id").notNull().references(() => oauthClients.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    /** The resource (RFC 8707) the tokens are for: our MCP endpoint's URL when they were issued. */
    resource: text("resource").notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("oauth_grants_user").on(t.userId, t.clientId), index("oauth_grants_client").on(t.clientId)],
);

/** Authorization codes, single use and short-lived; only their hash is stored. */
export const oauthCodes = sqliteTable(
  "oauth_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    clientId: text("client_id").notNull().references(() => oauthClients.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    redirectUri: text("redirect_uri").notNull(),
    scope: text("scope").notNull(),
    resource: text("resource").notNull(),
    codeChallenge: text("code_challenge").notNull(),
    codeChallengeMethod: text("code_challenge_method", { enum: ["S256"] }).notNull(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    /** The grant its exchange created: a second use of the code revokes it. */
    grantId: text("grant_id").references(() => oauthGrants.id, { onDelete: "set null" }),
  },
  (t) => [index("oauth_codes_expires").on(t.expiresAt)],
);

/** Access and refresh tokens of MCP clients; only their hash is stored. */
export const oauthTokens = sqliteTable(
  "oauth_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    grantId: text("grant_id").notNull().references(() => oauthGrants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["access", "refresh"] }).notNull(),
    /** Space-separated; at most the grant's scopes (a refresh may ask for fewer). */
    scope: text("scope").notNull(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    /** Revoked, or for a refresh token: exchanged for a new one (a later use is a reuse). */
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("oauth_tokens_grant").on(t.grantId), index("oauth_tokens_expires").on(t.expiresAt)],
);
