import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scheduleDueSyncs, nextScheduledSync } from "@/lib/background/scheduler";
import { getJobQueue } from "@/lib/background/queue";
import { backfillProgress } from "@/lib/connections/history";
import { completeConnect, listProviderStatuses, startConnect } from "@/lib/connections/service";
import { findConnection, updateConnection } from "@/lib/db/queries";
import { failNext, requests, reset } from "@/sandbox/control-client";
import { resetProviderHealth } from "@/test/test-app";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { syncConnection } from "./engine";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
beforeAll(async () => {
  env = await createSandboxedApp({ PIERRE_SYNC_BACKFILL_DAYS: "365", PIERRE_SYNC_INTERVAL_MINUTES: "15" });
});
afterAll(async () => env.close());
beforeEach(async () => {
  await reset(env.sandbox.url);
  await resetProviderHealth();
});

async function connect(provider: string) {
  const userId = await env.app.createUser();
  const start = await startConnect(env.app.catalog.registry, userId, provider);
  if (start.kind === "redirect") await completeConnect(env.app.catalog.registry, userId, provider, (await decideConsent(start.url, "authorize", { athlete: userId })).searchParams);
  return { userId, connection: (await findConnection(userId, provider))! };
}

describe("the history import after connecting", () => {
  it("goes back month by month, newest first, reporting progress, as far as the provider allows", async () => {
    const { userId, connection } = await connect("strava");
    expect(backfillProgress(connection)).toEqual({ done: 0, total: 13, unit: "months" });
    const seen: number[] = [];
    const result = await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings, { onProgress: async (p) => void seen.push(p.done) });
    expect(result!.error).toBeNull();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const done = (await findConnection(userId, "strava"))!;
    expect(done.backfillDoneAt).not.toBeNull();
    expect(backfillProgress(done)).toBeNull();
    const windows = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "/athlete/activities" })).map((r) => Number(new URLSearchParams(r.query).get("before")));
    expect(windows).toEqual([...windows].sort((a, b) => b - a));
    const events = await env.app.sql<{ kind: string; data: string }>("select kind, data from user_events where user_id = ? and kind = 'sync'", [userId]);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ state: "done", error: null });
    expect(events.some((e) => JSON.parse(e.data).progress?.done === 6)).toBe(true);

    // Polar serves 30 days: its import is one month, whatever PIERRE_SYNC_BACKFILL_DAYS says.
    const polar = await connect("polar");
    expect(backfillProgress(polar.connection)).toEqual({ done: 0, total: 1, unit: "months" });
  });

  it("resumes from the last month it finished after a failure, and says so on the card meanwhile", async () => {
    const { userId, connection } = await connect("strava");
    const reached = connection.connectedAt.getTime() - 90 * 86_400_000;
    await updateConnection(connection.id, { backfillReached: new Date(reached) });
    await failNext(env.sandbox.url, { provider: "strava", count: 3, status: 500 });
    const failed = await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings);
    expect(failed!.error).toContain("Strava had a server error");
    const [status] = (await listProviderStatuses(env.app.catalog.registry, userId)).filter((s) => s.id === "strava");
    expect(status).toMatchObject({ status: "error", history: { done: 3, total: 13, unit: "months" }, syncing: false });

    await resetProviderHealth();
    const lists = { provider: "strava", pathIncludes: "/athlete/activities" };
    const before = (await requests(env.sandbox.url, lists)).length;
    expect((await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings))!.error).toBeNull();
    const asked = (await requests(env.sandbox.url, lists)).slice(before);
    expect(asked.length).toBeGreaterThan(0);
    const newest = Math.max(...asked.map((r) => Number(new URLSearchParams(r.query).get("before")) * 1000));
    expect(newest).toBeLessThanOrEqual(reached + 1000);
  });

  it("asks only for what is new once the import is done, even when it stored nothing", async () => {
    const { userId, connection } = await connect("strava");
    expect((await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings))!.error).toBeNull();
    // As if the provider had had nothing to import.
    await updateConnection(connection.id, { newestActivityAt: null });
    const imported = (await findConnection(userId, "strava"))!;
    const lists = { provider: "strava", pathIncludes: "/athlete/activities" };
    const before = (await requests(env.sandbox.url, lists)).length;
    expect((await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings))!.error).toBeNull();
    const asked = (await requests(env.sandbox.url, lists)).slice(before);
    expect(asked.length).toBeGreaterThan(0);
    const oldest = Math.min(...asked.map((r) => Number(new URLSearchParams(r.query).get("after")) * 1000));
    expect(oldest).toBeGreaterThanOrEqual(imported.backfillDoneAt!.getTime() - env.app.syncSettings.lookbackHours * 3_600_000 - 1000);
  });

  it("runs one sync per connection at a time: a second caller that will not wait is told no", async () => {
    const { connection } = await connect("strava");
    const first = syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await syncConnection(env.app.catalog.registry, connection.id, env.app.syncSettings, { waitMs: 0 });
    expect(second).toBeNull();
    expect((await first)!.error).toBeNull();
  });
});

describe("the schedule", () => {
  it("queues each due connection once, whoever runs the schedule, and moves it a jittered interval on", async () => {
    const { connection } = await connect("strava");
    await updateConnection(connection.id, { nextSyncAt: new Date(Date.now() - 1000) });
    const [a, b] = await Promise.all([scheduleDueSyncs(), scheduleDueSyncs()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const job = await getJobQueue().latest(`sync:${connection.id}`);
    expect(job).toMatchObject({ kind: "sync", payload: { connectionId: connection.id, reason: "schedule" } });
    const next = (await findConnection(connection.userId, "strava"))!.nextSyncAt!.getTime();
    expect(next - Date.now()).toBeGreaterThan(13 * 60_000);
    expect(next - Date.now()).toBeLessThan(17 * 60_000);
    expect(await scheduleDueSyncs()).toBe(0);
    expect(nextScheduledSync(0, 15, () => 0).getTime()).toBe(13.5 * 60_000);
    expect(nextScheduledSync(0, 15, () => 1).getTime()).toBe(16.5 * 60_000);
  });

  it("leaves connections that need the person alone", async () => {
    const { connection } = await connect("strava");
    await updateConnection(connection.id, { nextSyncAt: new Date(Date.now() - 1000), status: "revoked" });
    await scheduleDueSyncs();
    expect(await getJobQueue().pending([`sync:${connection.id}`])).toEqual([]);
  });
});
