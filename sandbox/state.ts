import { randomBytes, randomUUID } from "node:crypto";
import { datasetFor, recordingsFor, type Dataset, type Recording, type RecordingProfile } from "./dataset";
import type { ProviderPush, SentPush } from "./push";
import { Timeline, type ItemReader } from "./timeline";

/** Everything the sandbox remembers, reset by the control API. */
export interface AccessToken {
  provider: string;
  athleteKey: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  /** Issued by a refresh: the token it replaces, revoked once this one is first used (Wahoo). */
  replaces?: string;
}

export interface RefreshToken {
  provider: string;
  athleteKey: string;
  scopes: string[];
  used: boolean;
  /** For providers whose refresh extends the current access token (COROS). */
  accessToken: string;
  /** The authorize request's parameters, for what a refresh grant yields. */
  authorizeParams: Record<string, string>;
}

export interface AuthorizationCode {
  provider: string;
  clientId: string;
  athleteKey: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  /** Every parameter of the authorize request (e.g. Google's access_type). */
  authorizeParams: Record<string, string>;
  expiresAt: number;
  used: boolean;
  /** Tokens issued from it: Polar revokes them all when a code is reused. */
  issued: string[];
}

export interface Athlete {
  key: string;
  provider: string;
  id: string;
  name: string;
}

export interface Failure {
  count: number;
  status: number;
  retryAfterSeconds?: number;
  target: "api" | "token" | "all";
}

export interface RecordedRequest {
  provider: string;
  method: string;
  path: string;
  /** The query string as sent ("?after=…"), empty when none. */
  query: string;
  status: number;
  at: string;
}

export class SandboxState {
  readonly startedAt = Math.floor(Date.now() / 60_000) * 60_000;
  codes = new Map<string, AuthorizationCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  athletes = new Map<string, Athlete>();
  failures = new Map<string, Failure>();
  latency = new Map<string, number>();
  malformed = new Map<string, number>();
  lifetimes = new Map<string, number>();
  /** Items added through the control API, per provider, in that provider's wire format. */
  readonly timelines = new Map<string, Timeline>();
  registeredPolarUsers = new Set<string>();
  widgetSessions = new Map<string, { referenceId: string; success: string; failure: string; expiresAt: number }>();
  /** The most recent requests (paths only), newest last. */
  requests: RecordedRequest[] = [];
  /** Each provider module's webhooks, when its provider sends them. */
  readonly pushes = new Map<string, ProviderPush>();
  /** Webhooks sent to the app, newest last (with their bodies, so a test can replay one). */
  pushLog: SentPush[] = [];
  /** The app's base URL; webhooks go to <target>/api/webhooks/<provider> unless a subscription says otherwise. */
  webhookTarget: string | undefined;
  /** Providers without OAuth tokens (Terra) say here what "revoke everything" means for them. */
  onRevokeAll = new Map<string, () => void>();
  /** Strava's 15-minute and daily request counts. */
  stravaUsage = { windowStart: 0, short: 0, daily: 0 };
  readonly dataset: Dataset;
  /** Providers mounted on this sandbox (the control API accepts only these). */
  readonly providers = new Set<string>();
  /** How providers without hand-written recordings record the athlete (declared by their modules). */
  readonly recordingProfiles = new Map<string, RecordingProfile>();
  private readonly derived = new Map<string, Recording[]>();
  private readonly withDataset: boolean;

  /** Benchmarks measure the app, not the providers' published quotas: no rate-limit headers are sent. */
  readonly unlimitedRates: boolean;

  /** `withDataset: false` starts with no workouts at all (benchmarks add exactly what they measure). */
  constructor(options: { withDataset?: boolean; unlimitedRates?: boolean; webhookTarget?: string } = {}) {
    this.unlimitedRates = options.unlimitedRates ?? false;
    this.webhookTarget = options.webhookTarget;
    this.withDataset = options.withDataset !== false;
    this.dataset =
      options.withDataset === false ? { strava: [], garmin: [], fitbit: [], whoop: [], coros: [], polar: [], terra: [] } : datasetFor(this.startedAt);
  }

  reset(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.athletes.clear();
    this.failures.clear();
    this.latency.clear();
    this.malformed.clear();
    this.lifetimes.clear();
    for (const timeline of this.timelines.values()) timeline.clear();
    this.registeredPolarUsers.clear();
    this.widgetSessions.clear();
    this.requests = [];
    this.pushLog = [];
    this.stravaUsage = { windowStart: 0, short: 0, daily: 0 };
  }

  /** The provider-side account for a name typed on the consent page; the same name, the same account. */
  athlete(provider: string, name: string, makeId: () => string): Athlete {
    const key = `${provider}:${name.trim().toLowerCase() || "athlete"}`;
    let athlete = this.athletes.get(key);
    if (!athlete) {
      athlete = { key, provider, id: makeId(), name: name.trim() || "athlete" };
      this.athletes.set(key, athlete);
    }
    return athlete;
  }

  issueAccessToken(provider: string, athleteKey: string, scopes: string[], lifetimeSeconds: number, shape?: (opaque: string) => string): string {
    const opaque = `${provider}-at-${randomBytes(12).toString("hex")}`;
    const token = shape ? shape(opaque) : opaque;
    this.accessTokens.set(token, { provider, athleteKey, scopes, expiresAt: Date.now() + lifetimeSeconds * 1000, revoked: false });
    return token;
  }

  issueRefreshToken(provider: string, athleteKey: string, scopes: string[], accessToken: string, authorizeParams: Record<string, string> = {}): string {
    const token = `${provider}-rt-${randomBytes(12).toString("hex")}`;
    this.refreshTokens.set(token, { provider, athleteKey, scopes, used: false, accessToken, authorizeParams });
    return token;
  }

  /** A live access token of this provider, or undefined. */
  validAccessToken(provider: string, token: string | undefined): AccessToken | undefined {
    const record = token ? this.accessTokens.get(token) : undefined;
    if (!record || record.provider !== provider || record.revoked || record.expiresAt <= Date.now()) return undefined;
    if (record.replaces) {
      const replaced = this.accessTokens.get(record.replaces);
      if (replaced) replaced.revoked = true;
      record.replaces = undefined;
    }
    return record;
  }

  expireAll(provider: string): void {
    for (const record of this.accessTokens.values()) if (record.provider === provider) record.expiresAt = Date.now() - 1000;
  }

  revokeAll(provider: string): void {
    for (const record of this.accessTokens.values()) if (record.provider === provider) record.revoked = true;
    for (const record of this.refreshTokens.values()) if (record.provider === provider) record.used = true;
    this.onRevokeAll.get(provider)?.();
  }

  revokeAthlete(provider: string, athleteKey: string): void {
    for (const record of this.accessTokens.values()) if (record.provider === provider && record.athleteKey === athleteKey) record.revoked = true;
    for (const record of this.refreshTokens.values()) if (record.provider === provider && record.athleteKey === athleteKey) record.used = true;
  }

  /** A provider's recordings of the athlete's workouts, oldest first. */
  activitiesOf(provider: string): Recording[] {
    const written = (this.dataset as Partial<Record<string, Recording[]>>)[provider];
    if (written) return written;
    let list = this.derived.get(provider);
    if (!list) {
      const profile = this.recordingProfiles.get(provider);
      list = !this.withDataset || !profile
        ? []
        : "mirrorOf" in profile
          ? this.activitiesOf(profile.mirrorOf).map((r) => ({ ...r, provider }))
          : recordingsFor(provider, profile, this.startedAt);
      this.derived.set(provider, list);
    }
    return list;
  }

  /** A provider module declares how its items are read; the control API then adds to its timeline. */
  defineTimeline(provider: string, reader: ItemReader): Timeline {
    const timeline = new Timeline(reader);
    this.timelines.set(provider, timeline);
    return timeline;
  }

  timeline(provider: string): Timeline | undefined {
    return this.timelines.get(provider);
  }

  newId(): string {
    return randomUUID();
  }
}
