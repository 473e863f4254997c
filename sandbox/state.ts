import { randomBytes, randomUUID } from "node:crypto";
import { datasetFor, type Dataset, type ProviderId } from "./dataset";
import { Timeline, type ItemReader } from "./timeline";

/** Everything the sandbox remembers, reset by the control API. */
export interface AccessToken {
  provider: string;
  athleteKey: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  provider: string;
  athleteKey: string;
  scopes: string[];
  used: boolean;
  /** For providers whose refresh extends the current access token (COROS). */
  accessToken: string;
}

export interface AuthorizationCode {
  provider: string;
  clientId: string;
  athleteKey: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
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
  /** Providers without OAuth tokens (Terra) say here what "revoke everything" means for them. */
  onRevokeAll = new Map<string, () => void>();
  /** Strava's 15-minute and daily request counts. */
  stravaUsage = { windowStart: 0, short: 0, daily: 0 };
  readonly dataset: Dataset;

  /** Benchmarks measure the app, not the providers' published quotas: no rate-limit headers are sent. */
  readonly unlimitedRates: boolean;

  /** `withDataset: false` starts with no workouts at all (benchmarks add exactly what they measure). */
  constructor(options: { withDataset?: boolean; unlimitedRates?: boolean } = {}) {
    this.unlimitedRates = options.unlimitedRates ?? false;
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

  issueAccessToken(provider: string, athleteKey: string, scopes: string[], lifetimeSeconds: number): string {
    const token = `${provider}-at-${randomBytes(12).toString("hex")}`;
    this.accessTokens.set(token, { provider, athleteKey, scopes, expiresAt: Date.now() + lifetimeSeconds * 1000, revoked: false });
    return token;
  }

  issueRefreshToken(provider: string, athleteKey: string, scopes: string[], accessToken: string): string {
    const token = `${provider}-rt-${randomBytes(12).toString("hex")}`;
    this.refreshTokens.set(token, { provider, athleteKey, scopes, used: false, accessToken });
    return token;
  }

  /** A live access token of this provider, or undefined. */
  validAccessToken(provider: string, token: string | undefined): AccessToken | undefined {
    const record = token ? this.accessTokens.get(token) : undefined;
    if (!record || record.provider !== provider || record.revoked || record.expiresAt <= Date.now()) return undefined;
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

  activitiesOf(provider: ProviderId) {
    return this.dataset[provider];
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
