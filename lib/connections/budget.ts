import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { getStore } from "@/lib/db";
import { DatabaseRateLimiter } from "@/lib/db/rate-limiter";
import { AppError } from "@/lib/errors";
import { inWords } from "@/lib/providers/http";
import type { ProviderDefinition, RequestLimit } from "@/lib/providers/types";

/**
 * Each provider's published request limits, kept for the whole app in the database, so every
 * person and process draws on one budget. Of an app-wide limit one person may use a fair share,
 * so someone syncing in a loop cannot leave the others with nothing. A provider that said "wait"
 * (429 with Retry-After) is not asked again, by anyone, before that time.
 */
export const FAIR_SHARE = 0.25;

/** Off only for benchmarks against the sandbox, which measure the app rather than the quotas. */
const enforced = () => process.env.PIERRE_REQUEST_BUDGETS?.trim().toLowerCase() !== "off";

const limiters = new Map<string, DatabaseRateLimiter>();
function limiter(key: string, points: number, seconds: number): DatabaseRateLimiter {
  const id = `${key}:${points}/${seconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new DatabaseRateLimiter({ keyPrefix: `budget:${id}`, points, duration: seconds });
    limiters.set(id, found);
  }
  return found;
}

const pauses = new DatabaseRateLimiter({ keyPrefix: "provider-pause", points: 1, duration: 1 });
/** An open circuit breaker, seen by every process: a provider's outage is everyone's. */
const outages = new DatabaseRateLimiter({ keyPrefix: "provider-outage", points: 1, duration: 1 });

function spent(definition: ProviderDefinition, msBeforeNext: number, whose: "app" | "yours"): AppError {
  const retryAt = new Date(Date.now() + Math.max(1000, msBeforeNext));
  const text =
    whose === "app"
      ? `${definition.displayName}'s request limit for this app is used up; syncing resumes in ${inWords(retryAt.getTime() - Date.now())}.`
      : `You have used your share of ${definition.displayName}'s request limit; syncing resumes in ${inWords(retryAt.getTime() - Date.now())}.`;
  return new AppError("rate_limited", text, { retryAt });
}

function pauseKey(definition: ProviderDefinition, userId: string): string {
  // A provider whose limits are per person pauses only that person.
  const perUser = (definition.requestLimits ?? []).length > 0 && definition.requestLimits!.every((limit) => limit.scope === "user");
  return perUser ? `${definition.id}|${userId}` : definition.id;
}

/**
 * The counters count in windows that open at the first request and run for their duration, which
 * is how Polar counts. A limit on the clock (Strava's quarter hours) is counted in a counter per
 * clock window. A rolling limit (over any stretch of its length, or undocumented) cannot be kept
 * by such windows as they are: two full ones back to back would put twice the limit inside one
 * stretch. So a rolling limit of L per W is kept as L/(k+1) per W/k: any stretch of length W meets
 * at most k+1 of those windows, however they fall, so at most L requests reach the provider in it
 * (k = 4: four fifths of the limit are usable).
 */
export const SUB_WINDOWS = 4;

export interface BudgetCounter {
  points: number;
  seconds: number;
  /** For a clock window: the window's own key suffix and when it ends. */
  clockWindow?: { index: number; endsAt: number };
}

export function budgetCounter(limit: Pick<RequestLimit, "requests" | "perSeconds" | "window">, now = Date.now()): BudgetCounter {
  if (limit.window === "clock") {
    const index = Math.floor(now / (limit.perSeconds * 1000));
    return { points: limit.requests, seconds: limit.perSeconds, clockWindow: { index, endsAt: (index + 1) * limit.perSeconds * 1000 } };
  }
  if (limit.window === "first-request") return { points: limit.requests, seconds: limit.perSeconds };
  return { points: Math.max(1, Math.floor(limit.requests / (SUB_WINDOWS + 1))), seconds: Math.max(1, Math.ceil(limit.perSeconds / SUB_WINDOWS)) };
}

/** Takes one request from every budget of this provider, or refuses with when to come back. */
export async function takeRequest(definition: ProviderDefinition, userId: string): Promise<void> {
  if (!enforced()) return;
  const outage = await outages.get(definition.id);
  if (outage && outage.msBeforeNext > 0 && outage.consumedPoints > 0) {
    throw new AppError("provider_unavailable", `${definition.displayName} has been failing; requests are paused for ${inWords(outage.msBeforeNext)}.`, {
      retryAt: new Date(Date.now() + outage.msBeforeNext),
    });
  }
  const paused = await pauses.get(pauseKey(definition, userId));
  if (paused && paused.msBeforeNext > 0 && paused.consumedPoints > 0) throw spent(definition, paused.msBeforeNext, "app");
  const now = Date.now();
  for (const limit of definition.requestLimits ?? []) {
    const counter = budgetCounter(limit, now);
    const inWindow = (key: string) => (counter.clockWindow ? `${key}@${counter.clockWindow.index}` : key);
    // [counter, key, whose budget, whether it is the provider's clock window]
    const checks: [DatabaseRateLimiter, string, "app" | "yours", boolean][] =
      limit.scope === "app"
        ? [
            // Fairness is ours to define: a person's share is counted over the published window.
            [limiter(`${definition.id}:person`, Math.max(1, Math.floor(limit.requests * FAIR_SHARE)), limit.perSeconds), userId, "yours", false],
            [limiter(`${definition.id}:app`, counter.points, counter.seconds), inWindow("all"), "app", true],
          ]
        : [[limiter(`${definition.id}:user`, counter.points, counter.seconds), inWindow(userId), "yours", true]];
    for (const [budget, key, whose, providers] of checks) {
      try {
        await budget.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // A clock window's count starts again when the window ends, whenever its counter opened.
        const untilWindowEnds = providers && counter.clockWindow ? counter.clockWindow.endsAt - now : Infinity;
        throw spent(definition, Math.min(error.msBeforeNext, untilWindowEnds), whose);
      }
    }
  }
}

/** The provider asked to wait until `retryAt`. */
export async function pauseProvider(definition: ProviderDefinition, userId: string, retryAt: Date): Promise<void> {
  const ms = retryAt.getTime() - Date.now();
  if (ms > 0) await pauses.set(pauseKey(definition, userId), 1, Math.ceil(ms / 1000));
}

/** This process's circuit breaker opened for `definition` until `until`. */
export async function markOutage(definition: ProviderDefinition, until: Date): Promise<void> {
  const ms = until.getTime() - Date.now();
  if (ms > 0) await outages.set(definition.id, 1, Math.ceil(ms / 1000));
}

/** Forgets every provider's outage, as after a provider is known to be back (tests, operators). */
export async function forgetOutages(): Promise<void> {
  await getStore().transaction((tx) => tx.query("DELETE FROM rate_limits WHERE key LIKE 'provider-outage:%'"));
}

/** The limits as the admin page and tests read them. */
export function describeLimits(limits: readonly RequestLimit[] | undefined): string {
  if (!limits?.length) return "none published";
  const window = (seconds: number) => (seconds % 86_400 === 0 ? `${seconds / 86_400} d` : seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds / 60} min`);
  return limits.map((limit) => `${limit.requests} per ${window(limit.perSeconds)}${limit.scope === "user" ? " per person" : ""}`).join(", ");
}

const manualSyncs = new DatabaseRateLimiter({ keyPrefix: "manual-sync", points: 1, duration: 60 });

/**
 * "Sync now" may bring new data once a minute per connection (the schedule and webhooks do the
 * rest). A sync that failed does not start the wait: trying again is what a person does, and the
 * provider's own pauses and the budget above still hold.
 */
export async function allowManualSync(connectionId: string, definition: ProviderDefinition): Promise<void> {
  const last = await manualSyncs.get(connectionId);
  if (last && last.consumedPoints > 0 && last.msBeforeNext > 0) {
    const retryAt = new Date(Date.now() + last.msBeforeNext);
    throw new AppError("rate_limited", `${definition.displayName} was synced less than a minute ago; try again in ${inWords(last.msBeforeNext)}.`, { retryAt });
  }
}

export async function noteManualSync(connectionId: string): Promise<void> {
  await manualSyncs.consume(connectionId).catch(() => undefined);
}
