import { ConfigError, type ConfigProblems, type Env } from "./core";

/** Sync behaviour from the environment; validated at start-up like every other variable. */
export interface SyncSettings {
  /** How far back the first sync of a connection reaches. */
  backfillDays: number;
  /** Later syncs re-read this far behind the newest stored activity, to pick up late edits. */
  lookbackHours: number;
  /** Per request to a provider. */
  requestTimeoutMs: number;
  /** Which source's record a merged workout shows; first wins. */
  sourcePriority: string[];
}

export const defaultSourcePriority = ["garmin", "coros", "polar", "whoop", "fitbit", "terra", "strava", "synthetic"];

function positiveInt(env: Env, name: string, fallback: number, max: number, problems: ConfigProblems): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    problems.push({ variable: name, problem: `must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return value;
}

export function parseSyncEnv(env: Env, registeredProviders: readonly string[]): SyncSettings {
  const problems: ConfigProblems = [];
  const backfillDays = positiveInt(env, "PIERRE_SYNC_BACKFILL_DAYS", 90, 3650, problems);
  const lookbackHours = positiveInt(env, "PIERRE_SYNC_LOOKBACK_HOURS", 72, 24 * 90, problems);
  const requestTimeoutMs = positiveInt(env, "PIERRE_SYNC_REQUEST_TIMEOUT_MS", 15_000, 120_000, problems);

  let sourcePriority = defaultSourcePriority;
  const rawPriority = env.PIERRE_SOURCE_PRIORITY?.trim();
  if (rawPriority) {
    sourcePriority = rawPriority.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = sourcePriority.filter((p) => !registeredProviders.includes(p));
    if (unknown.length > 0) {
      problems.push({
        variable: "PIERRE_SOURCE_PRIORITY",
        problem: `names providers that are not registered (${unknown.join(", ")}). Registered providers: ${registeredProviders.join(", ")}`,
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // Providers missing from the list rank after it, in registration order.
  const complete = [...sourcePriority, ...registeredProviders.filter((p) => !sourcePriority.includes(p))];
  return { backfillDays, lookbackHours, requestTimeoutMs, sourcePriority: complete };
}
