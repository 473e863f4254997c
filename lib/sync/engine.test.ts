import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addActivities, failNext, malformNext, requests, reset, setLatency } from "@/sandbox/control-client";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { findConnection } from "@/lib/db/queries";
import { configureHttpDefaults, httpDefaults } from "@/lib/providers/http";
import { resetProviderHealth } from "@/test/test-app";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { syncUser, syncWindow } from "./engine";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
const original = { ...httpDefaults };

beforeAll(async () => {
  // A short backfill keeps each provider to one request, so timings measure concurrency only.
  env = await createSandboxedApp({ PIERRE_SYNC_BACKFILL_DAYS: "10" });
});
afterAll(async () => {
  configureHttpDefaults(original);
  await env.close();
});
beforeEach(async () => {
  await reset(env.sandbox.url);
  configureHttpDefaults({ ...original, initialBackoffMs: 5, maxBackoffMs: 20 });
  await resetProviderHealth();
});

async function connectedUser(...providers: string[]): Promise<string> {
  const userId = await env.app.createUser();
  for (const provider of providers) {
    const start = await startConnect(env.app.catalog.registry, userId, provider);
    if (start.kind !== "redirect") continue;
    const callback = await decideConsent(start.url, "authorize", { athlete: userId });
    await completeConnect(env.app.catalog.registry, userId, provider, callback.searchParams);
  }
  return userId;
}

const sync = (userId: string, provider?: string) => syncUser(env.app.catalog.registry, userId, env.app.syncSettings, { provider });

describe("sync engine", () => {
  it("syncs providers concurrently: two providers each delayed 1 s finish in about 1 s, not 2 s", async () => {
    const userId = await connectedUser("strava", "whoop");
    await setLatency(env.sandbox.url, "strava", 1000);
    await setLatency(env.sandbox.url, "whoop", 1000);
    const started = performance.now();
    const run = await sync(userId);
    const elapsed = performance.now() - started;
    expect(run.results.strava?.error).toBeNull();
    expect(run.results.whoop?.error).toBeNull();
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1900);
  });

  it("isolates a failing provider: its error is reported, the others still sync", async () => {
    const userId = await connectedUser("strava", "whoop", "fitbit");
    // Three failures: the first try and both retries of this sync.
    await failNext(env.sandbox.url, { provider: "strava", count: 3, status: 500 });
    await failNext(env.sandbox.url, { provider: "fitbit", count: 1, status: 429, retryAfterSeconds: 3600 });
    const run = await sync(userId);
    expect(run.results.whoop).toMatchObject({ error: null });
    expect(run.results.whoop!.inserted).toBeGreaterThan(0);
    expect(run.results.strava?.error).toContain("Strava had a server error (HTTP 500)");
    expect(run.results.fitbit?.error).toContain("Fitbit is rate limiting requests");
    expect(Date.parse(run.results.fitbit!.retryAt!)).toBeGreaterThan(Date.now() + 3500_000);
    expect(await findConnection(userId, "strava")).toMatchObject({ status: "error", lastSyncError: run.results.strava!.error });
    expect(await (await findConnection(userId, "fitbit"))?.nextSyncAfter?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    // The failure is not a reason to reconnect, and the next sync succeeds.
    const again = await sync(userId, "strava");
    expect(again.results.strava).toMatchObject({ error: null });
    expect(await (await findConnection(userId, "strava"))?.status).toBe("connected");
  });

  it("retries a 5xx and a short Retry-After transparently", async () => {
    const userId = await connectedUser("whoop");
    await failNext(env.sandbox.url, { provider: "whoop", count: 1, status: 503 });
    expect((await sync(userId)).results.whoop?.error).toBeNull();
    await failNext(env.sandbox.url, { provider: "whoop", count: 1, status: 429, retryAfterSeconds: 0 });
    expect((await sync(userId)).results.whoop?.error).toBeNull();
  });

  it("times out a provider that does not answer, without holding up the others", async () => {
    configureHttpDefaults({ timeoutMs: 300, maxAttempts: 1 });
    const userId = await connectedUser("strava", "whoop");
    await setLatency(env.sandbox.url, "strava", 2000);
    const started = performance.now();
    const run = await sync(userId);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(run.results.strava?.error).toContain("did not answer");
    expect(run.results.whoop?.error).toBeNull();
  });

  it("opens the circuit after repeated failures and stops calling the provider", async () => {
    configureHttpDefaults({ breakerThreshold: 2, maxAttempts: 1 });
    const userId = await connectedUser("whoop");
    await failNext(env.sandbox.url, { provider: "whoop", count: 50, status: 502 });
    await sync(userId);
    await sync(userId);
    const before = (await requests(env.sandbox.url, { provider: "whoop", pathIncludes: "workout" })).length;
    const run = await sync(userId);
    expect(run.results.whoop?.error).toContain("paused for");
    expect((await requests(env.sandbox.url, { provider: "whoop", pathIncludes: "workout" })).length).toBe(before);
  });

  it("coalesces overlapping syncs of one user and is idempotent", async () => {
    const userId = await connectedUser("whoop");
    const [a, b] = await Promise.all([sync(userId), sync(userId, "whoop")]);
    expect(a.results.whoop).toEqual(b.results.whoop);
    expect((await requests(env.sandbox.url, { provider: "whoop", pathIncludes: "workout" })).length).toBe(1);
    const again = await sync(userId);
    expect(again.results.whoop).toMatchObject({ inserted: 0, updated: 0, error: null });
    const [count] = await env.app.sql<{ n: number }>("select count(*) as n from activities where user_id = ?", [userId]);
    expect(count!.n).toBe(a.results.whoop!.inserted);
  });

  it("blames a payload of the wrong shape on the provider, not on us, and logs only a short summary", async () => {
    const userId = await connectedUser("terra");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await malformNext(env.sandbox.url, "terra", 5);
    const run = await sync(userId);
    expect(run.results.terra?.error).toBe("Terra sent data we could not read; we will try again.");
    expect((await findConnection(userId, "terra"))?.status).toBe("error");
    const logged = warn.mock.calls.map((call) => call.join(" ")).join("\n");
    expect(logged).toContain("Terra sent data of an unexpected shape");
    expect(logged.length).toBeLessThan(500);
    expect(logged).not.toContain("not a list");
    warn.mockRestore();
    await reset(env.sandbox.url);
    expect((await sync(userId)).results.terra?.error).toBeNull();
  });

  it("skips and counts malformed entries, keeping the good ones beside them", async () => {
    const userId = await connectedUser("strava");
    await addActivities(env.sandbox.url, "strava", [{ id: 1, name: "no start date" }, "not even an object"]);
    const run = await sync(userId);
    expect(run.results.strava).toMatchObject({ skipped: 2, error: null });
    expect(run.results.strava!.inserted).toBeGreaterThan(0);
    expect(run.results.strava!.fetched).toBe(run.results.strava!.inserted + 2);
  });

  it("answers a sync of a provider that is not connected, or not registered, clearly", async () => {
    const userId = await connectedUser();
    await expect(sync(userId, "strava")).rejects.toThrow("Strava is not connected. Connect it first.");
    await expect(sync(userId, "nope")).rejects.toThrow("Provider 'nope' is not supported.");
  });
});

describe("syncWindow", () => {
  const settings = { backfillDays: 90, lookbackHours: 72, requestTimeoutMs: 15_000, intervalMinutes: 15, runWorker: false };
  const now = Date.parse("2026-11-25T12:00:00Z");

  it("backfills on the first sync and re-reads a lookback window later", () => {
    expect(syncWindow(undefined, settings, now).after.toISOString()).toBe("2026-08-27T12:00:00.000Z");
    expect(syncWindow(new Date("2026-11-20T08:00:00Z"), settings, now).after.toISOString()).toBe("2026-11-17T08:00:00.000Z");
    expect(syncWindow(new Date("2026-11-20T08:00:00Z"), settings, now).before.getTime()).toBeGreaterThan(now);
  });
});
