/**
 * The one HTTP client between the app and every provider API. Each request has its own timeout;
 * 5xx, network errors and timeouts are retried with backoff; 429 honours Retry-After (and the
 * provider's own rate-limit headers); a circuit breaker per provider stops hammering a provider
 * that keeps failing. Failures come out as AppErrors whose messages name the provider and never
 * carry tokens, URLs with tokens, or response bodies.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { AppError } from "@/lib/errors";
import { parseProviderJson } from "./json";
import type { RateLimitState } from "./types";

export interface ProviderRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  headers?: Readonly<Record<string, string>>;
  /** A form body (URLSearchParams) or a JSON body (plain object). */
  body?: URLSearchParams | Record<string, unknown>;
  /** Statuses outside 2xx that are answers, not failures (e.g. Polar's 409 "already registered"). */
  acceptStatuses?: readonly number[];
}

export interface ProviderResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON (big ids kept exact), or null for an empty body. */
  data: T;
}

export interface ProviderHttp {
  request<T = unknown>(url: string | URL, request?: ProviderRequest): Promise<ProviderResponse<T>>;
}

export interface ProviderHttpOptions {
  providerId: string;
  displayName: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts in all (first try included) for transient failures. */
  maxAttempts?: number;
  /** A Retry-After longer than this is not waited for: the sync stops and says when to come back. */
  maxRetryAfterMs?: number;
  rateLimitFromHeaders?: (headers: Headers) => RateLimitState | undefined;
  fetch?: typeof fetch;
}

export const httpDefaults = {
  timeoutMs: 15_000,
  maxAttempts: 3,
  maxRetryAfterMs: 10_000,
  initialBackoffMs: 250,
  maxBackoffMs: 4_000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/** Tests and operators tune these through env (see lib/sync/settings.ts). */
export function configureHttpDefaults(overrides: Partial<typeof httpDefaults>): void {
  Object.assign(httpDefaults, overrides);
  breakers.clear();
}

/** A failure worth retrying: the provider or the network, not our request. */
class TransientFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TransientFailure";
  }
}

/** One breaker per provider for the whole process: an outage is the provider's, not one user's. */
const breakers = new Map<string, { policy: CircuitBreakerPolicy; openedAt?: number }>();

function breakerFor(providerId: string) {
  let entry = breakers.get(providerId);
  if (!entry) {
    const policy = circuitBreaker(
      // A 429 is the provider pacing us, not failing: it does not count towards opening the circuit.
      handleWhen((error) => error instanceof TransientFailure && error.retryAfterMs === undefined),
      { halfOpenAfter: httpDefaults.breakerCooldownMs, breaker: new ConsecutiveBreaker(httpDefaults.breakerThreshold) },
    );
    const created: { policy: CircuitBreakerPolicy; openedAt?: number } = { policy };
    policy.onBreak(() => {
      created.openedAt = Date.now();
    });
    policy.onReset(() => {
      created.openedAt = undefined;
    });
    breakers.set(providerId, created);
    entry = created;
  }
  return entry;
}

export function resetCircuitBreakers(): void {
  breakers.clear();
}

export function circuitState(providerId: string): "closed" | "open" | "half-open" {
  const state = breakers.get(providerId)?.policy.state;
  return state === CircuitState.Open || state === CircuitState.Isolated ? "open" : state === CircuitState.HalfOpen ? "half-open" : "closed";
}

/** A wait as people say it: "40 seconds", "12 minutes", "3 hours". */
export function inWords(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 90_000) return `${Math.max(1, Math.ceil(ms / 1000))} seconds`;
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** Retry-After as seconds or an HTTP date → milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function buildUrl(url: string | URL, query: ProviderRequest["query"]): URL {
  const result = new URL(url);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) result.searchParams.set(key, String(value));
  }
  return result;
}

export function createProviderHttp(options: ProviderHttpOptions): ProviderHttp {
  const fetchImpl = options.fetch ?? fetch;
  const name = options.displayName;
  let rateLimit: RateLimitState | undefined;

  const backoff = new DelegateBackoff<{ attempt: number; result: { error: Error } | { value: unknown } }>((context) => {
    const error = "error" in context.result ? context.result.error : undefined;
    if (error instanceof TransientFailure && error.retryAfterMs !== undefined) return error.retryAfterMs;
    const exponential = Math.min(httpDefaults.maxBackoffMs, httpDefaults.initialBackoffMs * 2 ** (context.attempt - 1));
    return Math.round(exponential * (0.5 + Math.random() / 2));
  });

  async function attempt<T>(url: URL, request: ProviderRequest, signal: AbortSignal): Promise<ProviderResponse<T>> {
    if (rateLimit && rateLimit.remaining <= 0 && rateLimit.resetAt && rateLimit.resetAt.getTime() > Date.now()) {
      throw new AppError("rate_limited", `${name}'s rate limit is used up; syncing resumes in ${inWords(rateLimit.resetAt.getTime() - Date.now())}.`, {
        retryAt: rateLimit.resetAt,
      });
    }
    const headers = new Headers(request.headers);
    headers.set("accept", "application/json");
    let body: string | undefined;
    if (request.body instanceof URLSearchParams) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = request.body.toString();
    } else if (request.body) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(request.body);
    }

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: request.method ?? "GET",
        headers,
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(httpDefaults.timeoutMs)]),
        redirect: "manual",
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new TransientFailure(timedOut ? `${name} did not answer within ${Math.round(httpDefaults.timeoutMs / 1000)} s` : `${name} could not be reached`);
    }

    rateLimit = options.rateLimitFromHeaders?.(response.headers) ?? rateLimit;
    const accepted = (response.status >= 200 && response.status < 300) || request.acceptStatuses?.includes(response.status);

    if (!accepted) {
      // Drain the body so the connection can be reused; its content is not echoed anywhere.
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status === 401 || status === 403) {
        throw new AppError("needs_reconnect", `${name} no longer accepts this connection (HTTP ${status}). Reconnect ${name} to continue.`);
      }
      if (status === 429) {
        const retryAfterMs =
          parseRetryAfter(response.headers.get("retry-after")) ??
          (rateLimit?.resetAt ? Math.max(0, rateLimit.resetAt.getTime() - Date.now()) : undefined) ??
          60_000;
        if (retryAfterMs <= httpDefaults.maxRetryAfterMs) throw new TransientFailure(`${name} is rate limiting requests`, retryAfterMs);
        const retryAt = new Date(Date.now() + retryAfterMs);
        throw new AppError("rate_limited", `${name} is rate limiting requests; syncing resumes in ${inWords(retryAfterMs)}.`, { retryAt });
      }
      if (status >= 500) throw new TransientFailure(`${name} had a server error (HTTP ${status})`);
      throw new AppError("provider_bad_response", `${name} refused the request (HTTP ${status}).`);
    }

    const text = await response.text();
    let data: unknown = null;
    if (text.trim()) {
      try {
        data = parseProviderJson(text);
      } catch {
        throw new AppError("provider_bad_response", `${name} sent a response that is not JSON (HTTP ${response.status}).`);
      }
    }
    return { status: response.status, headers: response.headers, data: data as T };
  }

  return {
    async request<T>(url: string | URL, request: ProviderRequest = {}): Promise<ProviderResponse<T>> {
      const target = buildUrl(url, request.query);
      const breaker = breakerFor(options.providerId);
      const policy = wrap(
        retry(handleWhen((error) => error instanceof TransientFailure), { maxAttempts: httpDefaults.maxAttempts - 1, backoff }),
        breaker.policy,
        timeout(httpDefaults.timeoutMs + 1_000, TimeoutStrategy.Aggressive),
      );
      try {
        return await policy.execute(({ signal }) => attempt<T>(target, request, signal));
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof BrokenCircuitError) {
          const retryAt = new Date((breaker.openedAt ?? Date.now()) + httpDefaults.breakerCooldownMs);
          throw new AppError("provider_unavailable", `${name} has been failing; requests are paused for ${inWords(retryAt.getTime() - Date.now())}.`, { retryAt });
        }
        if (error instanceof TransientFailure) {
          const retryAt = error.retryAfterMs !== undefined ? new Date(Date.now() + error.retryAfterMs) : undefined;
          throw new AppError(error.retryAfterMs !== undefined ? "rate_limited" : "provider_unavailable", `${error.message}; it will be tried again on the next sync.`, {
            retryAt,
          });
        }
        if (error instanceof TaskCancelledError) {
          throw new AppError("provider_unavailable", `${name} did not answer in time; it will be tried again on the next sync.`);
        }
        throw error;
      }
    },
  };
}
