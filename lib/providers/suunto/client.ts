import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete, NormalizedActivity, ProviderConfig, ProviderDefinition, ProviderDependencies } from "../types";
import { normalizeSuuntoWorkout } from "./normalize";

const PAGE_SIZE = 100; // the v3 list's maximum `limit`
/** A loop guard only: a page shorter than `limit` ends the list. */
const MAX_PAGES = 20_000;

/** Every answer is wrapped: `error` is null on success, `payload` holds the workouts. */
const listEnvelope = z.object({
  error: z.unknown().nullish(),
  payload: z.array(z.unknown()).nullish(),
});

/** One workout in the same envelope, `payload` the workout itself. */
const detailEnvelope = z.object({ error: z.unknown().nullish(), payload: z.unknown() });

/** The claims Suunto's access token (a JWT) carries about its user. */
const tokenClaims = z.object({ user: z.string().min(1) });

export interface SuuntoOptions {
  /** The API Zone subscription key, sent as Ocp-Apim-Subscription-Key with every API call. */
  subscriptionKey?: string;
}

function workoutKeyOf(item: unknown): unknown {
  return item && typeof item === "object" ? (item as { workoutKey?: unknown }).workoutKey : undefined;
}

export class SuuntoClient extends BaseFitnessProvider {
  private readonly subscriptionKey?: string;

  constructor(definition: ProviderDefinition, config: ProviderConfig, dependencies?: Partial<ProviderDependencies>, options: SuuntoOptions = {}) {
    super(definition, config, dependencies);
    this.subscriptionKey = options.subscriptionKey;
  }

  /** Suunto's API sits behind Azure API Management: the user's token alone is refused. */
  private apiHeaders(): Record<string, string> {
    if (!this.subscriptionKey) throw new AppError("provider_not_configured", "Suunto has no API subscription key configured on this server.");
    return { ...this.bearer(), "ocp-apim-subscription-key": this.subscriptionKey };
  }

  /**
   * Suunto has no profile endpoint: the username comes from the token response (kept as the
   * connection's account id) or, failing that, from the access token's own claims. The token is
   * only read, not verified: it came straight from Suunto's token endpoint.
   */
  async getAthlete(): Promise<Athlete> {
    const tokens = this.requireTokens();
    const username = tokens.providerUserId ?? this.usernameFromAccessToken(tokens.accessToken);
    if (!username) throw new AppError("provider_bad_response", "Suunto did not say which account this connection belongs to.");
    return { id: username, name: username };
  }

  private usernameFromAccessToken(accessToken: string): string | undefined {
    const payload = accessToken.split(".")[1];
    if (!payload) return undefined;
    try {
      const claims = tokenClaims.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
      return claims.success ? claims.data.user : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * `/v3/workouts/` pages by offset, at most 100 a page, from `since` (epoch ms, by start time when
   * `filter-by-modification-time` is false); a short page is the last. It takes no upper bound, and
   * its order is not documented, so each workout is kept by its start time.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const seen = new Set<string>();
    let previousFirstKey: unknown;
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("v3/workouts/"), {
        headers: this.apiHeaders(),
        query: { since: window.after.getTime(), limit: PAGE_SIZE, offset, "filter-by-modification-time": false },
      });
      const parsed = listEnvelope.safeParse(data);
      if (!parsed.success || parsed.data.error != null || !parsed.data.payload) {
        throw new AppError("provider_bad_response", "Suunto answered the workout list with an error or without workouts.");
      }
      const items = parsed.data.payload;
      const firstKey = workoutKeyOf(items[0]);
      if (page > 0 && firstKey !== undefined && firstKey === previousFirstKey) {
        throw new AppError("provider_bad_response", "Suunto sent the same page of workouts twice.");
      }
      previousFirstKey = firstKey;
      const batch = normalizeBatch(items, normalizeSuuntoWorkout);
      batch.activities = batch.activities.filter(
        (a) => a.startTime >= window.after && a.startTime < window.before && !seen.has(a.providerActivityId) && seen.add(a.providerActivityId),
      );
      yield batch;
      if (items.length < PAGE_SIZE) break;
      offset += items.length;
    }
  }

  /** `/v3/workouts/{workoutKey}`, for a notification that names it; 404 when it is gone. */
  async fetchActivity(providerActivityId: string): Promise<NormalizedActivity | null> {
    const { status, data } = await this.http.request(this.apiUrl(`v3/workouts/${encodeURIComponent(providerActivityId)}`), {
      headers: this.apiHeaders(),
      acceptStatuses: [404],
    });
    if (status === 404) return null;
    const parsed = detailEnvelope.safeParse(data);
    if (!parsed.success || parsed.data.error != null || !parsed.data.payload) {
      throw new AppError("provider_bad_response", "Suunto answered a workout request with an error or without the workout.");
    }
    return normalizeSuuntoWorkout(parsed.data.payload);
  }

  /** Not RFC 7009: a GET naming our client_id, authorized by the user's token, ends the grant. */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    if (!this.config.clientId) throw new AppError("provider_not_configured", "Suunto has no client id to deauthorize with.");
    await this.http.request(url, { headers: this.bearer(), query: { client_id: this.config.clientId } });
  }
}
