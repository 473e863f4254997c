import { AppError } from "@/lib/errors";
import { createProviderHttp, type ProviderHttp, type ProviderRequest, type ProviderResponse } from "./http";
import { mergeBatches } from "./normalize-kit";
import type {
  ActivityBatch,
  ActivityQuery,
  Athlete,
  FitnessProvider,
  NormalizedActivity,
  ProviderConfig,
  ProviderDefinition,
  ProviderDependencies,
  ProviderFactory,
  ProviderSession,
  TokenSet,
} from "./types";

/**
 * What every provider client shares: credentials, the resilient HTTP client, and `getActivities`
 * over `fetchActivities`. A provider's own client.ts extends this and adds only what its API needs.
 */
export abstract class BaseFitnessProvider implements FitnessProvider {
  readonly name: string;
  /** Every request of the client goes through here: budget first, one refresh-and-retry on a rejected token. */
  protected readonly http: ProviderHttp;
  protected tokens?: TokenSet;
  private session?: ProviderSession;

  constructor(
    readonly definition: ProviderDefinition,
    readonly config: ProviderConfig,
    dependencies?: Partial<ProviderDependencies>,
  ) {
    this.name = definition.id;
    const transport =
      dependencies?.http ??
      createProviderHttp({
        providerId: definition.id,
        displayName: definition.displayName,
        rateLimitFromHeaders: definition.rateLimitFromHeaders,
      });
    this.http = { request: (url, request) => this.send(transport, url, request) };
  }

  async setCredentials(tokens: TokenSet, session?: ProviderSession): Promise<void> {
    this.tokens = tokens;
    this.session = session ?? this.session;
  }

  private async send<T>(transport: ProviderHttp, url: string | URL, request: ProviderRequest = {}): Promise<ProviderResponse<T>> {
    const once = async (attempt: ProviderRequest) => {
      await this.session?.beforeRequest?.();
      try {
        return await transport.request<T>(url, attempt);
      } catch (error) {
        if (error instanceof AppError && error.code === "rate_limited" && error.retryAt) await this.session?.onRetryAfter?.(error.retryAt);
        if (error instanceof AppError && error.code === "provider_unavailable" && error.retryAt) await this.session?.onOutage?.(error.retryAt);
        throw error;
      }
    };
    // Taken before sending: a concurrent request may replace the tokens while this one is out.
    const sent = this.tokens?.accessToken;
    try {
      return await once(request);
    } catch (error) {
      // A token the app still believes in was rejected (revoked early, clock skew at the provider):
      // refresh once, then ask again. Only a refresh that fails means reconnecting.
      const sentToken = sent !== undefined && request.headers?.authorization === `Bearer ${sent}`;
      if (!(error instanceof AppError) || error.code !== "needs_reconnect" || !sentToken || !this.session?.refresh) throw error;
      this.tokens = await this.session.refresh(sent);
      return once({ ...request, headers: { ...request.headers, authorization: `Bearer ${this.tokens.accessToken}` } });
    }
  }

  protected requireTokens(): TokenSet {
    if (!this.tokens) throw new AppError("not_connected", `${this.definition.displayName} is not connected.`);
    return this.tokens;
  }

  protected bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.requireTokens().accessToken}` };
  }

  /** `apiBaseUrl` + path, keeping the base's own path (e.g. `/api/v3`). */
  protected apiUrl(path: string): URL {
    const base = this.config.apiBaseUrl;
    if (!base) throw new AppError("provider_not_configured", `${this.definition.displayName} has no API base URL configured.`);
    return new URL(`${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
  }

  abstract getAthlete(): Promise<Athlete>;
  /** One batch per page, in the order the provider's API pages. */
  abstract streamActivities(window: { after: Date; before: Date }): AsyncIterable<ActivityBatch>;

  async fetchActivities(window: { after: Date; before: Date }): Promise<ActivityBatch> {
    const pages: ActivityBatch[] = [];
    for await (const page of this.streamActivities(window)) pages.push(page);
    return mergeBatches(pages);
  }

  async getActivities(options: ActivityQuery = {}): Promise<NormalizedActivity[]> {
    const before = options.before ?? new Date();
    const after = options.after ?? new Date(before.getTime() - 30 * 86_400_000);
    const { activities } = await this.fetchActivities({ after, before });
    const offset = options.offset ?? 0;
    return activities
      .sort((a, b) => b.startTime.getTime() - a.startTime.getTime())
      .slice(offset, options.limit === undefined ? undefined : offset + options.limit);
  }
}

/** A factory for one provider whose client class takes (definition, config, dependencies). */
export function singleProviderFactory(
  definition: ProviderDefinition,
  create: (config: ProviderConfig, dependencies?: Partial<ProviderDependencies>) => FitnessProvider,
): ProviderFactory {
  return {
    create,
    supportedProviders: () => [definition.id],
  };
}
