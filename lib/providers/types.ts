/**
 * The provider architecture's contracts (see ../shared/design.md "The registry").
 * A provider is data (`ProviderDefinition`) plus a client (`FitnessProvider`) built by a
 * `ProviderFactory` from an effective `ProviderConfig`. Shared code only ever reads these fields;
 * it never asks which provider it is talking to.
 */
import type { ActivityValues } from "@/lib/activity/fields";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ProviderHttp } from "./http";

export { sports, type Sport } from "@/lib/activity/sports";

/** How a person connects the provider. */
export type ConnectionKind =
  /** OAuth 2.0 authorization-code redirect through the shared OAuth client. */
  | "oauth2"
  /** The provider's own hosted flow (Terra's widget session); the provider implements `beginConnect`/`completeConnect`. */
  | "hosted"
  /** Nothing to authorize (synthetic): connecting is immediate. */
  | "none";

export const sourceKinds = ["device", "wearable", "aggregator", "platform", "demo"] as const;
export type SourceKind = (typeof sourceKinds)[number];

export type ClientAuthMethod = "client_secret_basic" | "client_secret_post";

export type DataType = "activities" | "sleep" | "recovery" | "heart_rate" | "body" | "daily";

/** Token endpoint facts, the way Auth.js declares them: quirks are fields, not code paths. */
export interface OAuthQuirks {
  /** How scopes are joined in the authorize URL: Strava wants commas, most want spaces. */
  scopeSeparator: " " | ",";
  /** Send an S256 code_challenge and verifier. */
  pkce: boolean;
  /** How the client authenticates at the token endpoint. */
  clientAuth: ClientAuthMethod;
  /** Omit `scope` from the authorize URL entirely (COROS has no scope vocabulary). */
  omitScope?: boolean;
  /** Extra authorize parameters, e.g. Strava's `approval_prompt`. */
  authorizeParams?: Readonly<Record<string, string>>;
  /** Refresh grants go to another URL than the code exchange (COROS), resolved against the token URL. */
  refreshPath?: string;
  /** Extra form parameters on a refresh grant, e.g. WHOOP's `scope=offline`. */
  refreshParams?: Readonly<Record<string, string>>;
  /**
   * Turns a token endpoint body that is not RFC 6749 into one that is (camelCase fields,
   * HTTP 200 with an error code, a refresh that only extends the current token).
   * Returning `{ error }` makes it an OAuth error.
   */
  adaptTokenResponse?: (body: Record<string, unknown>, context: TokenResponseContext) => Record<string, unknown>;
  /** Where the provider's account id sits in the token response, if it sends one. */
  accountIdFromTokenResponse?: (body: Record<string, unknown>) => string | undefined;
}

export interface TokenResponseContext {
  grant: "authorization_code" | "refresh_token";
  /** The tokens being refreshed (refresh grant only). */
  current?: TokenSet;
}

export interface ProviderEndpoints {
  authUrl?: string;
  tokenUrl?: string;
  apiBaseUrl?: string;
  revokeUrl?: string;
}

/**
 * A setting a provider needs beyond its OAuth client, read from `PIERRE_<ID>_<envSuffix>` (Suunto's
 * API gateway wants a subscription key on every call).
 */
export interface ProviderSetting {
  /** Key in `ProviderConfig.settings`. */
  key: string;
  /** The variable is `PIERRE_<ID>_<envSuffix>`. */
  envSuffix: string;
  /** What an admin reads next to the variable. */
  label: string;
  /** Shown only as set/missing, like a client secret. */
  secret: boolean;
  /** Without it the provider counts as not configured. */
  required: boolean;
}

/**
 * A provider whose API was switched off. It stays registered (its stored workouts stay readable and
 * old deployments keep their data), and its card points people to the successor.
 */
export interface ProviderRetirement {
  /** The day the API stopped answering (ISO date). */
  since: string;
  /** Why, in a sentence for the person whose card it is. */
  reason: string;
  /** The registered provider that now serves the same data; connecting it retires this connection. */
  successor?: string;
}

export interface ProviderLogo {
  /** SVG path data on a 0 0 24 24 view box. */
  svgPath: string;
  /** Where the mark comes from (its licence travels with it). */
  source: "simple-icons";
}

export interface ProviderDefinition {
  /** Lower-case id used in URLs, env names (upper-cased) and the database. */
  id: string;
  displayName: string;
  /** A short description for the dashboard card. */
  description: string;
  /** Card accent colour (hex). */
  brandColor: string;
  /**
   * The brand's mark where a free icon set has it (an SVG path on a 24×24 box, e.g. from
   * simple-icons); without it the card shows a monogram in the brand colour.
   */
  logo?: ProviderLogo;
  connection: ConnectionKind;
  /** The provider's real endpoints; env variables override each one. */
  endpoints: ProviderEndpoints;
  defaultScopes: readonly string[];
  /** Present for `oauth2` providers. */
  oauth?: OAuthQuirks;
  dataTypes: readonly DataType[];
  /** Where an admin registers an app and gets credentials. */
  developerPortalUrl?: string;
  /**
   * What kind of source it is. The default source priority (which record of a merged workout is
   * shown) follows this order: sport watches and head units, then all-day wearables, aggregators,
   * training platforms, and the demo last. `PIERRE_SOURCE_PRIORITY` overrides it.
   */
  sourceKind: SourceKind;
  /** Needs no client id/secret (synthetic): always available. */
  requiresCredentials: boolean;
  /** The provider's own page for one activity, for "also on" links. */
  activityUrl?: (providerActivityId: string) => string | undefined;
  /** Reads the provider's rate-limit headers so a sync stops before it is cut off. */
  rateLimitFromHeaders?: (headers: Headers) => RateLimitState | undefined;
  /**
   * The provider's published request limits. `app` limits count every person together (the app
   * keeps each person to a fair share of them); `user` limits count one person.
   */
  requestLimits?: readonly RequestLimit[];
  /**
   * For sources that detect workouts on their own (from heart rate or steps): how far a detected
   * record's start may trail the real start, and how far its end may sit from the real end, in
   * seconds. De-duplication widens its time tolerance by these bounds for this source's records and
   * lets several of them (a workout split at a break) stand for one longer recording.
   */
  detection?: { readonly startLagSeconds: number; readonly endLagSeconds: number };
  /**
   * How many days back the provider serves a new connection's history, where its docs set a limit:
   * the backfill after connecting reaches no further (PIERRE_SYNC_BACKFILL_DAYS bounds the rest).
   */
  historyDays?: number;
  /** Settings beyond the OAuth client credentials. */
  settings?: readonly ProviderSetting[];
  /** Set once the provider's API is gone. */
  retirement?: ProviderRetirement;
}

export interface RequestLimit {
  scope: "app" | "user";
  requests: number;
  perSeconds: number;
  /**
   * How the provider counts: in windows on the clock (Strava's quarter hours and UTC days), in
   * windows opened by the first request after the last one ended (Polar), or over any stretch of
   * `perSeconds` ("rolling", also what an undocumented limit is taken to mean).
   */
  window?: "clock" | "first-request" | "rolling";
}

export interface RateLimitState {
  /** Requests left in the tightest window. */
  remaining: number;
  /** When that window resets. */
  resetAt?: Date;
}

/** The effective configuration: definition defaults overridden by PIERRE_<ID>_* variables. */
export interface ProviderConfig {
  name: string;
  authUrl?: string;
  tokenUrl?: string;
  apiBaseUrl?: string;
  revokeUrl?: string;
  defaultScopes: string[];
  redirectUri: string;
  /** From env; never sent to the browser, a log or an error message. */
  clientId?: string;
  clientSecret?: string;
  /** The definition's `settings`, by key, where set; never sent to the browser either. */
  settings?: Readonly<Record<string, string>>;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  /** Granted scopes, as the provider reported them. */
  scopes?: string[];
  /** The provider's id for this account when the token response or connect flow names it. */
  providerUserId?: string;
}

export interface Athlete {
  id: string;
  /** A name the person recognises; null when the provider has no profile endpoint. */
  name: string | null;
}

/**
 * One workout in the shared shape (the values are declared once in lib/activity/fields.ts). Units:
 * seconds, metres, bpm, kcal; instants in UTC.
 */
export type NormalizedActivity = ActivityValues & {
  provider: string;
  providerActivityId: string;
  /** The provider's item as received, for debugging and later re-normalization. */
  raw: unknown;
};

export interface ActivityBatch {
  activities: NormalizedActivity[];
  /** Entries that could not be normalized; they are skipped, never fatal. */
  skipped: number;
  /** Why they were skipped (first few), for logs and the sync report. */
  problems: string[];
}

export interface ActivityQuery {
  limit?: number;
  offset?: number;
  after?: Date;
  before?: Date;
}

export interface ConnectContext {
  /** Our user's id (e.g. Polar's member-id, Terra's reference_id). */
  userId: string;
  state: string;
  redirectUri: string;
}

/**
 * What a connected client needs besides its tokens, supplied by the connection service: how to get
 * fresh tokens when the provider rejects the current ones, and how to stay within the provider's
 * request budget shared by every person and process.
 */
export interface ProviderSession {
  /** A refresh now, whatever the clock says, because `rejected` was refused; one request however many callers ask at once. */
  refresh?: (rejected: string) => Promise<TokenSet>;
  /** Before every request: refuses (rate_limited, with the time to retry) when the budget is spent. */
  beforeRequest?: () => Promise<void>;
  /** The provider said to wait until then: nobody asks it before. */
  onRetryAfter?: (retryAt: Date) => Promise<void>;
  /** The provider kept failing and this process stopped asking until then: no other process asks either. */
  onOutage?: (until: Date) => Promise<void>;
}

/** A webhook delivery as received: the raw body is kept, because signatures cover its exact bytes. */
export interface WebhookRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * What a provider's push notification says happened, once verified. The app acts on each kind the
 * same way for every provider (shared code never branches on a provider id).
 */
export type WebhookEvent =
  /**
   * A workout was created or changed. `activity` is the workout itself when the delivery carries it
   * and is signed; otherwise the app fetches it (`fetchActivity`) or syncs around `at`.
   */
  | { kind: "activity"; providerUserId: string; activityId: string; activity?: NormalizedActivity; at?: Date }
  | { kind: "activity_deleted"; providerUserId: string; activityId: string }
  /** The person withdrew the app's access at the provider. */
  | { kind: "deauthorized"; providerUserId: string }
  /** Something changed without naming a workout (a ping): the app syncs the window, or its usual window. */
  | { kind: "changed"; providerUserId: string; window?: { after: Date; before: Date } };

export interface WebhookParse {
  /** The provider's own id for the delivery (a hash of the body where it has none): a replay is acknowledged and ignored. */
  deliveryId: string;
  /** Empty for deliveries that carry no news (Polar's PING, Terra's healthcheck). */
  events: WebhookEvent[];
}

/** A provider's push notifications, declared in its own folder beside its client. */
export interface ProviderWebhook {
  /**
   * How deliveries prove where they come from, for the admin page: `signature` (an HMAC the provider
   * computes with a secret), `shared-secret` (a token or credentials sent as they are), or `none`
   * (nothing to check: events are hints, and the app confirms each with the provider's API).
   */
  authenticity: "signature" | "shared-secret" | "none";
  /** Settings (keys of the definition's `settings`) the webhook needs; without them deliveries are refused. */
  requiredSettings?: readonly string[];
  /**
   * A request the provider sends to confirm the URL rather than to report a change (Strava's and
   * Oura's GET challenges, Polar's POSTed PING, sent before the signing key exists): the answer,
   * or null when this request is not one. Nothing is recorded for it.
   */
  handshake?(request: WebhookRequest, config: ProviderConfig): Response | null;
  /**
   * Whether the delivery comes from the provider. False answers 401 and nothing is stored. For
   * `authenticity: "none"` it checks what can be checked (the subscription id Strava echoes).
   */
  verify(request: WebhookRequest, config: ProviderConfig, context: { subscriptionId: string | null; now: Date }): boolean;
  /** The delivery's events; throws on a body that is not the documented shape (400). */
  parse(request: WebhookRequest): WebhookParse;
  /** Providers whose subscription is made through their API rather than a portal (Strava's push subscription). */
  subscribe?(config: ProviderConfig, callbackUrl: string, http: ProviderHttp): Promise<{ id: string }>;
  /**
   * The answer to an accepted delivery, for providers that read the body (COROS wants its result
   * code); without it the receiver answers `{ success, received, duplicate }`.
   */
  acknowledge?(outcome: { received: number; duplicate: boolean }): Response;
}

export interface FitnessProvider {
  readonly name: string;
  readonly definition: ProviderDefinition;
  readonly config: ProviderConfig;
  setCredentials(tokens: TokenSet, session?: ProviderSession): Promise<void>;
  getAthlete(): Promise<Athlete>;
  /** Newest first, like the seed: a convenience over `fetchActivities`. */
  getActivities(options?: ActivityQuery): Promise<NormalizedActivity[]>;
  /**
   * Every activity that started in [after, before), one batch per page as the provider's API pages
   * (a sync writes each page before asking for the next).
   */
  streamActivities(window: { after: Date; before: Date }): AsyncIterable<ActivityBatch>;
  /** All pages of `streamActivities` at once. */
  fetchActivities(window: { after: Date; before: Date }): Promise<ActivityBatch>;
  /**
   * One workout by the provider's id, for a webhook that names it; null when the provider no
   * longer has it (or it is not a workout). Providers without a single-workout endpoint omit it.
   */
  fetchActivity?(providerActivityId: string): Promise<NormalizedActivity | null>;
  /**
   * Whether the person still lets the app read their workouts, asked of the provider, where a
   * working token is not proof of it (Garmin's data permissions outlive a withdrawn permission).
   * Without it, reading the profile stands for it.
   */
  checkAccess?(): Promise<boolean>;
  /** Provider-side set-up right after the token exchange (Polar's user registration). */
  onConnected?(context: { userId: string }): Promise<void>;
  /** Revoke access or delete the registration at the provider. */
  revoke?(): Promise<void>;
  /** `hosted` providers: where to send the person to connect. */
  beginConnect?(context: ConnectContext): Promise<URL>;
  /** `hosted` providers: turn the return redirect's parameters into credentials. */
  completeConnect?(params: URLSearchParams, context: { userId: string }): Promise<TokenSet>;
  /**
   * Providers that publish per-activity samples: the record's time series and route in the shared
   * shape (lib/streams), or null when the provider has none for it. Absent where the provider's API
   * documents no samples.
   */
  fetchStreams?(activity: StreamRequest): Promise<ActivityStreams | null>;
}

/** The record whose time series are asked for: its id at the provider and what the feed stored of it. */
export interface StreamRequest {
  providerActivityId: string;
  startTime: Date;
  elapsedSeconds: number | null;
  /** The provider's item as received at sync time (a summary polyline may be in it). */
  raw: unknown;
}

export interface ProviderDependencies {
  http: ProviderHttp;
}

export interface ProviderFactory {
  create(config: ProviderConfig, dependencies?: Partial<ProviderDependencies>): FitnessProvider;
  supportedProviders(): readonly string[];
}

/** What a provider folder exports: its definition and the factory that builds its client. */
export interface ProviderModule {
  definition: ProviderDefinition;
  factory: ProviderFactory;
  /**
   * One item of the provider's activity list (or a webhook's) → the shared shape; null for an entry
   * that is not a workout. Providers with a wire format export it (the contract test runs it on the
   * room's fixtures).
   */
  normalize?: (item: unknown) => NormalizedActivity | null;
  /** Push notifications, for providers that send them. */
  webhook?: ProviderWebhook;
}
