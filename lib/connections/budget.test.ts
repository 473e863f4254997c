import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expireTokens, failNext, requests, reset } from "@/sandbox/control-client";
import { findConnection } from "@/lib/db/queries";
import { resetCircuitBreakers } from "@/lib/providers/http";
import { syncUser } from "@/lib/sync/engine";
import { resetProviderHealth } from "@/test/test-app";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { FAIR_SHARE } from "./budget";
import { completeConnect, startConnect } from "./service";
import { authorizedClient, decryptTokens, getUsableTokens } from "./tokens";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
const registry = () => env.app.catalog.registry;

beforeAll(async () => {
  env = await createSandboxedApp({ PIERRE_SYNC_BACKFILL_DAYS: "10" });
});
afterAll(async () => env.close());
beforeEach(async () => {
  await reset(env.sandbox.url);
  await resetProviderHealth();
});

async function connected(provider: string): Promise<string> {
  const userId = await env.app.createUser();
  const start = await startConnect(registry(), userId, provider);
  if (start.kind !== "redirect") throw new Error("expected a redirect");
  await completeConnect(registry(), userId, provider, (await decideConsent(start.url, "authorize", { athlete: `a-${userId}` })).searchParams);
  return userId;
}

describe("a token the provider rejects early", () => {
  it("is refreshed once for 20 concurrent callers, who then all succeed; no reconnect is asked", async () => {
    // Garmin rotates its refresh token: a second refresh would fail, so exactly one must happen.
    const userId = await connected("garmin");
    const connection = (await findConnection(userId, "garmin"))!;
    const clients = await Promise.all(Array.from({ length: 20 }, () => authorizedClient(connection, registry().requireProvider("garmin"))));
    // The sandbox now refuses the access token the app still believes valid until tomorrow.
    await expireTokens(env.sandbox.url, "garmin");
    const before = (await requests(env.sandbox.url, { provider: "garmin", pathIncludes: "token" })).length;
    const athletes = await Promise.all(clients.map((client) => client.getAthlete()));
    expect(new Set(athletes.map((a) => a.id)).size).toBe(1);
    expect((await requests(env.sandbox.url, { provider: "garmin", pathIncludes: "token" })).length - before).toBe(1);
    expect((await findConnection(userId, "garmin"))?.status).toBe("connected");
  });

  it("is refreshed when it is refused while a plain load of the same token is still in flight", async () => {
    const userId = await connected("garmin");
    const connection = (await findConnection(userId, "garmin"))!;
    const stored = decryptTokens(connection).accessToken;
    await expireTokens(env.sandbox.url, "garmin");
    const before = (await requests(env.sandbox.url, { provider: "garmin", pathIncludes: "token" })).length;
    // A request that has just started loads the stored token; another comes back refused with it.
    const loading = getUsableTokens(connection.id, registry().requireProvider("garmin"));
    const renewed = await getUsableTokens(connection.id, registry().requireProvider("garmin"), { rejected: stored });
    expect((await loading).accessToken).toBe(stored);
    expect(renewed.accessToken).not.toBe(stored);
    expect((await requests(env.sandbox.url, { provider: "garmin", pathIncludes: "token" })).length - before).toBe(1);
  });

  it("asks to reconnect only when the refresh itself is refused", async () => {
    const userId = await connected("polar");
    // Polar issues no refresh token: a rejected token cannot be renewed.
    await expireTokens(env.sandbox.url, "polar");
    const run = await syncUser(registry(), userId, env.app.syncSettings, { provider: "polar" });
    expect(run.results.polar?.error).toContain("Reconnect Polar");
    expect((await findConnection(userId, "polar"))?.status).toBe("needs_reconnect");
  });
});

describe("what the provider asked and what the app may spend", () => {
  it("honours Retry-After: nobody calls the provider before the time it gave, and the card says when", async () => {
    const userId = await connected("whoop");
    await failNext(env.sandbox.url, { provider: "whoop", count: 1, status: 429, retryAfterSeconds: 120 });
    const first = await syncUser(registry(), userId, env.app.syncSettings);
    expect(first.results.whoop?.error).toBe("WHOOP is rate limiting requests; syncing resumes in 2 minutes.");
    expect(Date.parse(first.results.whoop!.retryAt!)).toBeGreaterThan(Date.now() + 100_000);
    const calls = (await requests(env.sandbox.url, { provider: "whoop" })).length;
    // Another person, another sync: still nothing goes to WHOOP before the time.
    const other = await connected("whoop");
    const callsAfterConnect = (await requests(env.sandbox.url, { provider: "whoop" })).length;
    const again = await syncUser(registry(), userId, env.app.syncSettings);
    const theirs = await syncUser(registry(), other, env.app.syncSettings);
    expect(again.results.whoop?.error).toMatch(/^WHOOP's request limit for this app is used up; syncing resumes in (2 minutes|1\d\d seconds)\.$/);
    expect(theirs.results.whoop?.error).toContain("syncing resumes in");
    expect((await requests(env.sandbox.url, { provider: "whoop" })).length).toBe(callsAfterConnect);
    expect(callsAfterConnect).toBeGreaterThanOrEqual(calls);
    expect((await findConnection(userId, "whoop"))?.nextSyncAfter?.getTime()).toBeGreaterThan(Date.now() + 100_000);
  });

  it("keeps one person to a fair share of an app-wide limit, so the others can still sync", async () => {
    const greedy = await connected("strava");
    const share = Math.floor(100 * FAIR_SHARE);
    let refused: string | null = null;
    for (let i = 0; i < 60 && !refused; i++) refused = (await syncUser(registry(), greedy, env.app.syncSettings)).results.strava?.error ?? null;
    expect(refused).toMatch(/^You have used your share of Strava's request limit; syncing resumes in \d+ minutes\.$/);
    const spent = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "athlete/activities" })).length;
    expect(spent).toBeLessThanOrEqual(share);
    const polite = await connected("strava");
    expect((await syncUser(registry(), polite, env.app.syncSettings)).results.strava).toMatchObject({ error: null });
  });

  it("shares an open circuit breaker: once the provider kept failing here, no process asks it before the pause ends", async () => {
    const userId = await connected("wahoo");
    await failNext(env.sandbox.url, { provider: "wahoo", count: 20, status: 503 });
    let error: string | null = null;
    for (let i = 0; i < 4 && !error?.includes("paused"); i++) error = (await syncUser(registry(), userId, env.app.syncSettings)).results.wahoo?.error ?? null;
    expect(error).toMatch(/^Wahoo has been failing; requests are paused for \d+ seconds\.$/);
    const calls = (await requests(env.sandbox.url, { provider: "wahoo" })).length;
    // Another process starts with no breaker in memory; the pause is read from the database.
    resetCircuitBreakers();
    const other = await syncUser(registry(), userId, env.app.syncSettings);
    expect(other.results.wahoo?.error).toMatch(/^Wahoo has been failing; requests are paused for \d+ seconds\.$/);
    expect((await requests(env.sandbox.url, { provider: "wahoo" })).length).toBe(calls);
  });

  it("lets a person press Sync now once a minute per connection, and again at once after a failure", async () => {
    const userId = await connected("coros");
    await failNext(env.sandbox.url, { provider: "coros", count: 3, status: 500 });
    expect((await syncUser(registry(), userId, env.app.syncSettings, { manual: true })).results.coros?.error).toContain("server error");
    expect((await syncUser(registry(), userId, env.app.syncSettings, { manual: true })).results.coros).toMatchObject({ error: null });
    const third = await syncUser(registry(), userId, env.app.syncSettings, { manual: true });
    expect(third.results.coros?.error).toMatch(/^COROS was synced less than a minute ago; try again in \d+ seconds\.$/);
  });
});
