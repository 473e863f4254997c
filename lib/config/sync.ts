import { ConfigError, type ConfigProblems, type Env } from "./core";

/** Sync behaviour from the environment; validated at start-up like every other variable. */
export interface SyncEnv {
  /** How far back the first sync of a connection reaches. */
  backfillDays: number;
  /** Later syncs re-read this far behind the newest stored activity, to pick up late edits. */
  lookbackHours: number;
  /** Per request to a provider. */
  requestTimeoutMs: number;
  /** How often each connection is synced on schedule (jittered). */
  intervalMinutes: number;
  /** Whether this process runs background jobs (off when a separate `npm run worker` does). */
  runWorker: boolean;
}

export type SyncSettings = SyncEnv;

/** Ranks of source kinds, most trusted first (see ProviderDefinition.sourceKind). */
const kindOrder = ["device", "wearable", "aggregator", "platform", "demo"];

/** The default priority: by source kind, then registration order. */
export function defaultSourcePriority(definitions: readonly { id: string; sourceKind: string }[]): string[] {
  const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  return definitions
    .map((definition, index) => ({ id: definition.id, rank: rank(definition.sourceKind), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.id);
}

function flag(env: Env, name: string, fallback: boolean, problems: ConfigProblems): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  if (["0", "false", "off", "no"].includes(raw)) return false;
  problems.push({ variable: name, problem: "must be 1 or 0 (true or false)" });
  return fallback;
}

function positiveInt(env: Env, name: string, fallback: number, max: number, problems: ConfigProblems): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < 1 || value > max) {
    problems.push({ variable: name, problem: `must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return value;
}

export function parseSyncEnv(env: Env): SyncEnv {
  const problems: ConfigProblems = [];
  const backfillDays = positiveInt(env, "PIERRE_SYNC_BACKFILL_DAYS", 90, 3650, problems);
  const lookbackHours = positiveInt(env, "PIERRE_SYNC_LOOKBACK_HOURS", 72, 24 * 90, problems);
  const requestTimeoutMs = positiveInt(env, "PIERRE_SYNC_REQUEST_TIMEOUT_MS", 15_000, 120_000, problems);
  const intervalMinutes = positiveInt(env, "PIERRE_SYNC_INTERVAL_MINUTES", 15, 7 * 24 * 60, problems);
  const runWorker = flag(env, "PIERRE_RUN_WORKER", true, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { backfillDays, lookbackHours, requestTimeoutMs, intervalMinutes, runWorker };
}

/**
 * `PIERRE_SOURCE_PRIORITY` puts the providers it lists first; the others follow in the default
 * order. Problems are returned, not thrown, so they are reported with the providers' own.
 */
export function parseSourcePriority(env: Env, definitions: readonly { id: string; sourceKind: string }[], problems: ConfigProblems): string[] {
  const defaults = defaultSourcePriority(definitions);
  const raw = env.PIERRE_SOURCE_PRIORITY?.trim();
  if (!raw) return defaults;
  const listed = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
  const registered = definitions.map((definition) => definition.id);
  const unknown = listed.filter((id) => !registered.includes(id));
  if (unknown.length > 0) {
    problems.push({
      variable: "PIERRE_SOURCE_PRIORITY",
      problem: `names providers that are not registered (${unknown.join(", ")}). Registered providers: ${registered.join(", ")}`,
    });
    return defaults;
  }
  return [...listed, ...defaults.filter((id) => !listed.includes(id))];
}
