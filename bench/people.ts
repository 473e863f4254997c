/**
 * Building benchmark data through the app's own code: people and tokens through the account
 * services, connections through the real OAuth flow against the sandbox, and histories through
 * the providers' normalizers and the sync's own ingest (upsert + incremental grouping).
 */
import { createApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password";
import { resetConfigForTests } from "@/lib/config";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { getStore } from "@/lib/db";
import { insertUser, listConnections } from "@/lib/db/queries";
import { getProviderCatalog, setProviderCatalogForTests } from "@/lib/providers";
import { normalizeBatch } from "@/lib/providers/normalize-kit";
import { normalizeCorosWorkout } from "@/lib/providers/coros/normalize";
import { normalizeFitbitActivity } from "@/lib/providers/fitbit/normalize";
import { normalizeGarminActivity } from "@/lib/providers/garmin/normalize";
import { normalizePolarExercise } from "@/lib/providers/polar/normalize";
import { normalizeStravaActivity } from "@/lib/providers/strava/normalize";
import { normalizeTerraActivity } from "@/lib/providers/terra/normalize";
import { normalizeWhoopWorkout } from "@/lib/providers/whoop/normalize";
import type { NormalizedActivity } from "@/lib/providers/types";
import { ActivityWriter } from "@/lib/sync/engine";
import { setSyncSettingsForTests } from "@/lib/sync/settings";
import type { ProviderId } from "@/sandbox/dataset";
import { sandboxProviderEnv } from "@/sandbox/env";
import { decideConsent } from "@/test/sandbox";

/** The normalizer each provider's sync applies to its list endpoint's items. */
const normalizers: Record<ProviderId, (raw: unknown) => NormalizedActivity | null> = {
  strava: normalizeStravaActivity,
  garmin: normalizeGarminActivity,
  fitbit: normalizeFitbitActivity,
  whoop: normalizeWhoopWorkout,
  coros: normalizeCorosWorkout,
  terra: normalizeTerraActivity,
  polar: normalizePolarExercise,
};

/** The page size of the busiest real list endpoint (Strava's 200). */
export const PAGE = 200;

/** `database` is a DATABASE_URL, or a SQLite file's path. */
export function benchEnv(database: string, sandboxUrl: string): Record<string, string> {
  return {
    ...sandboxProviderEnv(sandboxUrl),
    DATABASE_URL: /^(file|postgres(ql)?):/.test(database) ? database : `file:${database}`,
    PIERRE_BASE_URL: "http://127.0.0.1:3999",
    AUTH_SECRET: "bench-auth-secret-that-is-long-enough-to-pass",
    PIERRE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    PIERRE_DEFAULT_PROVIDER: "synthetic",
    // A decade of history is the point.
    PIERRE_SYNC_BACKFILL_DAYS: "3650",
    // The benchmarks measure the app, not the providers' published quotas (a 100k import takes
    // thousands of requests); the scheduled round turns them back on for its own figure.
    PIERRE_REQUEST_BUDGETS: "off",
    // Each figure is measured alone: a scheduled sync of a benchmark person would otherwise land
    // in the middle of some other figure's measurement.
    PIERRE_RUN_WORKER: "0",
  };
}

/** Points this process's app services at the benchmark's database and sandbox. */
export function applyEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
  resetConfigForTests();
  setProviderCatalogForTests(undefined);
  setSyncSettingsForTests(undefined);
}

export const PASSWORD = "bench-password-123";

export async function createPerson(email: string): Promise<string> {
  return (await insertUser({ email, name: null, passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }) })).id;
}

export async function tokenFor(userId: string): Promise<string> {
  return (await createApiToken(userId, "bench")).token;
}

/**
 * Connects every provider through its real consent flow; `owner` is the name typed on each consent
 * page. Returns the providers connected in the end (connecting a retired provider's successor
 * disconnects it).
 */
export async function connectAll(userId: string, owner: string): Promise<string[]> {
  const { registry } = getProviderCatalog();
  for (const provider of registry.supportedProviders()) {
    const start = await startConnect(registry, userId, provider);
    if (start.kind !== "redirect") continue;
    const callback = await decideConsent(start.url, "authorize", { athlete: owner, provider: "GARMIN" });
    await completeConnect(registry, userId, provider, callback.searchParams);
  }
  return (await listConnections(userId)).map((connection) => connection.provider);
}

/**
 * Ingests wire-format items as a sync does: each page normalized, then written in the sync's
 * batches (upsert and incremental regrouping, one transaction each).
 */
export async function ingestInProcess(userId: string, items: Record<ProviderId, unknown[]>): Promise<number> {
  let count = 0;
  for (const [provider, list] of Object.entries(items) as [ProviderId, unknown[]][]) {
    const writer = new ActivityWriter(userId, provider);
    for (let start = 0; start < list.length; start += PAGE) {
      const page = normalizeBatch(list.slice(start, start + PAGE), normalizers[provider]);
      await writer.add(page.activities);
      count += page.activities.length;
    }
    await writer.flush();
  }
  return count;
}

export async function countActivities(userId: string): Promise<number> {
  const [row] = await getStore().query<{ n: number }>("SELECT COUNT(*) AS n FROM activities WHERE user_id = ?", [userId]);
  return Number(row?.n ?? 0);
}
