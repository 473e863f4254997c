/**
 * Every provider that declares a webhook, end to end over HTTP: the sandbox sends that provider's
 * real deliveries (its body, headers and signature) to the app's webhook route, and the jobs they
 * queue are run as the worker would. The roster comes from the registry and what each sandbox
 * module says its provider announces, so a new provider is covered by its folder.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeWebhooks, subscribeWebhook } from "@/lib/admin/webhooks";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { findConnection } from "@/lib/db/queries";
import { builtInProviders } from "@/lib/providers/builtin";
import type { NormalizedActivity } from "@/lib/providers/types";
import { ingestPage } from "@/lib/sync/engine";
import { changeActivity, deauthorize, deleteActivities, recordActivity, sentWebhooks, type Notified } from "@/sandbox/control-client";
import { sandboxProviderEnv } from "@/sandbox/env";
import type { PushKind } from "@/sandbox/push";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { decideConsent } from "@/test/sandbox";
import { createTestApp, type TestApp } from "@/test/test-app";
import { runDueJobs, serveWebhookRoute } from "@/test/webhook-server";

const pushing = builtInProviders.filter((module) => module.webhook).map((module) => module.definition.id);

let sandbox: Sandbox;
let server: Awaited<ReturnType<typeof serveWebhookRoute>>;
let app: TestApp;

beforeAll(async () => {
  server = await serveWebhookRoute();
  sandbox = await startSandbox({ port: 0, withDataset: false, appUrl: server.url });
  app = await createTestApp({
    modules: builtInProviders,
    env: { ...sandboxProviderEnv(sandbox.url), PIERRE_DEFAULT_PROVIDER: "synthetic", PIERRE_BASE_URL: server.url, PIERRE_SYNC_INTERVAL_MINUTES: "1440" },
  });
});
afterAll(async () => {
  await app.close();
  await sandbox.close();
  await server.close();
});

const announces = (provider: string, kind: PushKind) => sandbox.state.pushes.get(provider)!.announces.includes(kind);
const count = async (sql: string, params: unknown[] = []) => Number((await app.sql<{ n: number }>(sql, params))[0]!.n);
const storedRecord = (userId: string, provider: string, id: string) =>
  app.sql<{ id: string; name: string; raw: string; group_id: string }>("select id, name, raw, group_id from activities where user_id = ? and provider = ? and provider_activity_id = ?", [userId, provider, id]);
const statuses = (answer: Notified) => answer.webhooks.map((webhook) => webhook.status);

/** Someone connects the provider through its (sandbox) consent page; the history import runs. */
async function connectPerson(provider: string, options: { complete: boolean } = { complete: true }): Promise<string> {
  const userId = await app.createUser();
  const start = await startConnect(app.catalog.registry, userId, provider);
  if (start.kind !== "redirect") throw new Error(`${provider} did not send the person to a consent page`);
  const back = await decideConsent(start.url, "authorize", { athlete: userId });
  if (options.complete) await completeConnect(app.catalog.registry, userId, provider, back.searchParams);
  expect(await runDueJobs()).toEqual([]);
  return userId;
}

it("covers every registered provider that declares a webhook, each with a sandbox that sends it", () => {
  const registry = app.catalog.registry;
  expect(registry.supportedProviders().filter((id) => registry.getWebhook(id))).toEqual(pushing);
  expect(pushing.length).toBeGreaterThanOrEqual(6);
  for (const id of pushing) expect(sandbox.state.pushes.has(id), `sandbox/providers/${id}.ts declares its webhooks`).toBe(true);
});

describe.each(pushing)("%s webhooks", (provider) => {
  let userId: string;
  let recorded: { id: string; item: unknown };

  it("are set up: through the provider's API where it takes subscriptions, with the URL the admin page shows", async () => {
    const webhook = app.catalog.registry.getWebhook(provider)!;
    if (webhook.subscribe) {
      const view = await subscribeWebhook(app.catalog, provider);
      expect(view.subscription).toMatchObject({ canSubscribe: true, status: "active", error: null });
      expect(view.url).toBe(`${server.url}/api/webhooks/${provider}`);
    } else {
      const [view] = (await describeWebhooks(app.catalog)).filter((v) => v.provider === provider);
      expect(view!.subscription.canSubscribe).toBe(false);
      expect(view!.settings.every((setting) => setting.set)).toBe(true);
    }
    // The provider's confirmation requests were answered; none is recorded as a delivery.
    expect(await count("select count(*) as n from webhook_deliveries where provider = ?", [provider])).toBe(0);
  });

  it("bring a workout recorded at the provider into the feed, with no sync asked for", async () => {
    userId = await connectPerson(provider);
    const answer = await recordActivity(sandbox.url, provider, userId);
    expect(statuses(answer)).toEqual(answer.webhooks.map(() => 200));
    expect(answer.webhooks.length).toBeGreaterThan(0);
    recorded = { id: answer.id!, item: answer.item };
    expect(await storedRecord(userId, provider, recorded.id)).toEqual([]);
    expect(await runDueJobs()).toEqual([]);
    expect(await storedRecord(userId, provider, recorded.id)).toHaveLength(1);
  });

  it("acknowledge a replayed delivery and store nothing more", async () => {
    const [last] = (await sentWebhooks(sandbox.url, provider)).slice(-1);
    const deliveries = await count("select count(*) as n from webhook_deliveries where provider = ?", [provider]);
    const jobs = (await app.jobs("webhook")).length;
    const replay = await fetch(last!.url!, { method: "POST", headers: last!.headers, body: last!.body });
    expect(replay.status).toBe(200);
    expect(await count("select count(*) as n from webhook_deliveries where provider = ?", [provider])).toBe(deliveries);
    expect((await app.jobs("webhook")).length).toBe(jobs);
  });

  it("refuse a forged delivery with 401 and store nothing", async () => {
    const deliveries = await count("select count(*) as n from webhook_deliveries where provider = ?", [provider]);
    const jobs = (await app.jobs("webhook")).length + (await app.jobs("sync")).length;
    const forged = await recordActivity(sandbox.url, provider, userId, { forgeWebhook: true });
    expect(forged.webhooks.length).toBeGreaterThan(0);
    expect(statuses(forged)).toEqual(forged.webhooks.map(() => 401));
    expect(await count("select count(*) as n from webhook_deliveries where provider = ?", [provider])).toBe(deliveries);
    expect((await app.jobs("webhook")).length + (await app.jobs("sync")).length).toBe(jobs);
    expect(await runDueJobs()).toEqual([]);
    expect(await storedRecord(userId, provider, forged.id!)).toEqual([]);
  });

  it("carry a change made at the provider into the stored workout, where the provider announces changes", async () => {
    const before = await storedRecord(userId, provider, recorded.id);
    const changed = await changeActivity(sandbox.url, provider, recorded.id).catch(() => undefined);
    if (!announces(provider, "updated")) {
      expect(changed?.webhooks ?? []).toEqual([]);
      return;
    }
    expect(statuses(changed!)).toEqual(changed!.webhooks.map(() => 200));
    expect(await runDueJobs()).toEqual([]);
    const after = await storedRecord(userId, provider, recorded.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.raw).not.toBe(before[0]!.raw);
  });

  it("remove a workout deleted at the provider from the feed and re-form its group, where the provider announces deletions", async () => {
    // The same session from another source, grouped with it.
    const [row] = await app.sql<Record<string, number | string | null>>("select * from activities where user_id = ? and provider = ? and provider_activity_id = ?", [userId, provider, recorded.id]);
    const copy: NormalizedActivity = {
      provider: "synthetic",
      providerActivityId: `copy-of-${recorded.id}`,
      name: String(row!.name),
      sport: row!.sport as NormalizedActivity["sport"],
      sportType: null,
      startTime: new Date(Number(row!.start_time) + 5_000),
      utcOffsetMinutes: row!.utc_offset_minutes === null ? null : Number(row!.utc_offset_minutes),
      elapsedSeconds: row!.elapsed_seconds === null ? null : Number(row!.elapsed_seconds),
      movingSeconds: row!.moving_seconds === null ? null : Number(row!.moving_seconds),
      distanceMeters: row!.distance_meters === null ? null : Number(row!.distance_meters),
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: null,
      device: null,
      raw: {},
    };
    await ingestPage(userId, "synthetic", [copy]);
    const groups = () => app.sql<{ group_id: string; provider: string }>("select group_id, provider from activities where user_id = ? and provider_activity_id in (?, ?)", [userId, recorded.id, copy.providerActivityId]);
    const grouped = await groups();
    expect(new Set(grouped.map((r) => r.group_id)).size).toBe(1);
    const workouts = await count("select count(*) as n from workouts where user_id = ?", [userId]);

    const deleted = await deleteActivities(sandbox.url, provider, [recorded.id]);
    expect(await runDueJobs()).toEqual([]);
    if (!announces(provider, "deleted")) {
      expect(deleted.webhooks).toEqual([]);
      expect(await storedRecord(userId, provider, recorded.id)).toHaveLength(1);
      return;
    }
    expect(statuses(deleted)).toEqual(deleted.webhooks.map(() => 200));
    expect(await storedRecord(userId, provider, recorded.id)).toEqual([]);
    const [alone] = await groups();
    expect(alone).toMatchObject({ provider: "synthetic" });
    const [workout] = await app.sql<{ primary_provider: string; sources: string }>("select primary_provider, sources from workouts where id = ?", [alone!.group_id]);
    expect(workout!.primary_provider).toBe("synthetic");
    expect(JSON.parse(workout!.sources)).toHaveLength(1);
    expect(await count("select count(*) as n from workouts where user_id = ?", [userId])).toBe(workouts);
  });

  it("acknowledge a delivery about an account nobody here connected, store nothing, and say so once", async () => {
    const stranger = await connectPerson(provider, { complete: false });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const first = await recordActivity(sandbox.url, provider, stranger);
      const second = await recordActivity(sandbox.url, provider, stranger);
      expect([...statuses(first), ...statuses(second)].every((status) => status === 200)).toBe(true);
      expect(await runDueJobs()).toEqual([]);
      expect(await count("select count(*) as n from activities where provider_activity_id in (?, ?)", [first.id, second.id])).toBe(0);
      expect(warn.mock.calls.filter(([line]) => String(line).includes("no one here has connected"))).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("mark the connection revoked at the provider when the person withdraws access there, where the provider announces it", async () => {
    const forged = await deauthorize(sandbox.url, provider, userId, { forgeWebhook: true });
    expect(statuses(forged)).toEqual(forged.webhooks.map(() => 401));
    expect(await runDueJobs()).toEqual([]);
    expect((await findConnection(userId, provider))!.status).toBe("connected");

    const withdrawn = await deauthorize(sandbox.url, provider, userId);
    expect(await runDueJobs()).toEqual([]);
    const connection = (await findConnection(userId, provider))!;
    if (!announces(provider, "deauthorized")) {
      expect(withdrawn.webhooks).toEqual([]);
      expect(connection.status).toBe("connected");
      return;
    }
    expect(statuses(withdrawn)).toEqual(withdrawn.webhooks.map(() => 200));
    expect(connection.status).toBe("revoked");
    expect(connection.statusReason).toContain("You withdrew Pierre Connect's access");
  });
});
