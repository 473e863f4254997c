import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { encryptTokens } from "@/lib/connections/tokens";
import { upsertConnection } from "@/lib/db/queries";
import { BaseFitnessProvider, singleProviderFactory } from "@/lib/providers/base";
import { synthetic } from "@/lib/providers/synthetic";
import type { ActivityBatch, Athlete, NormalizedActivity, ProviderDefinition, ProviderModule, ProviderWebhook, WebhookEvent } from "@/lib/providers/types";
import { ingestPage } from "@/lib/sync/engine";
import { createTestApp, type TestApp } from "@/test/test-app";
import { processWebhook } from "./process";
import { receiveWebhook, type WebhookJob } from "./receive";

/**
 * The receiver and the event handling against a provider declared here, whose webhook signs with an
 * HMAC like the real ones (each real provider's scheme is tested in its own room).
 */
const definition = {
  id: "hookco",
  displayName: "HookCo",
  description: "A provider with webhooks, declared by a test.",
  brandColor: "#0f766e",
  connection: "oauth2",
  endpoints: { authUrl: "https://hookco.example/authorize", tokenUrl: "https://hookco.example/token", apiBaseUrl: "https://api.hookco.example" },
  defaultScopes: ["read"],
  oauth: { scopeSeparator: " ", pkce: true, clientAuth: "client_secret_post" },
  dataTypes: ["activities"],
  sourceKind: "device",
  requiresCredentials: true,
  settings: [{ key: "webhookSecret", envSuffix: "WEBHOOK_SECRET", label: "Webhook signing secret", secret: true, required: false }],
} satisfies ProviderDefinition;

const T = Date.parse("2026-11-20T07:00:00Z");
const run = (id: string, values: Partial<NormalizedActivity> = {}): NormalizedActivity => ({
  provider: "hookco",
  providerActivityId: id,
  name: `Run ${id}`,
  sport: "run",
  sportType: "Run",
  startTime: new Date(T),
  utcOffsetMinutes: 60,
  elapsedSeconds: 3000,
  movingSeconds: 2900,
  distanceMeters: 10_000,
  elevationGainMeters: 40,
  averageHeartRate: 150,
  maxHeartRate: 175,
  calories: 600,
  device: null,
  raw: { id },
  ...values,
});

/** What HookCo's API holds: `fetchActivity` reads it. */
const remote = new Map<string, NormalizedActivity>();
const fetched = vi.fn();

class HookCoClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    return { id: "u1", name: "Hook" };
  }
  async *streamActivities(): AsyncGenerator<ActivityBatch> {
    yield { activities: [], skipped: 0, problems: [] };
  }
  async fetchActivity(id: string) {
    fetched(id);
    return remote.get(id) ?? null;
  }
}

const hmac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");
const webhook: ProviderWebhook = {
  authenticity: "signature",
  requiredSettings: ["webhookSecret"],
  handshake(request) {
    const challenge = request.url.searchParams.get("challenge");
    return challenge ? Response.json({ challenge }) : null;
  },
  verify(request, config) {
    return request.headers.get("x-hook-signature") === hmac(config.settings!.webhookSecret!, request.body);
  },
  parse(request) {
    const body = JSON.parse(request.body) as { id: string; events: WebhookEvent[] };
    if (typeof body.id !== "string" || !Array.isArray(body.events)) throw new Error("not a HookCo delivery");
    return { deliveryId: body.id, events: body.events };
  },
};
const hookco: ProviderModule = {
  definition,
  factory: singleProviderFactory(definition, (config, deps) => new HookCoClient(definition, config, deps)),
  webhook,
};

const SECRET = "hook-secret";
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    modules: [synthetic, hookco],
    env: { PIERRE_HOOKCO_CLIENT_ID: "id", PIERRE_HOOKCO_CLIENT_SECRET: "secret", PIERRE_HOOKCO_WEBHOOK_SECRET: SECRET },
  });
});
afterAll(async () => app.close());
beforeEach(() => {
  remote.clear();
  fetched.mockClear();
});

let deliveries = 0;
function delivery(events: WebhookEvent[], options: { signature?: string | null; id?: string; body?: string } = {}): Request {
  const body = options.body ?? JSON.stringify({ id: options.id ?? `d${++deliveries}`, events });
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = options.signature === undefined ? hmac(SECRET, body) : options.signature;
  if (signature !== null) headers["x-hook-signature"] = signature;
  return new Request("http://localhost:3000/api/webhooks/hookco", { method: "POST", body, headers });
}
const receive = (request: Request, provider = "hookco") => receiveWebhook(app.catalog.registry, provider, request);
const jobsOf = () => app.jobs("webhook");

async function connectedUser(providerUserId: string): Promise<string> {
  const userId = await app.createUser();
  await upsertConnection(userId, "hookco", {
    ...encryptTokens({ userId, provider: "hookco" }, { accessToken: `token-${providerUserId}`, refreshToken: "r", expiresAt: new Date(Date.now() + 3_600_000) }),
    status: "connected",
    providerUserId,
  });
  return userId;
}

describe("the webhook receiver", () => {
  it("answers the provider's GET handshake, and nothing else on GET", async () => {
    const answer = await receive(new Request("http://localhost:3000/api/webhooks/hookco?challenge=abc"));
    expect(await answer.json()).toEqual({ challenge: "abc" });
    expect((await receive(new Request("http://localhost:3000/api/webhooks/hookco"))).status).toBe(405);
  });

  it("refuses a forged or unsigned delivery with 401 and stores nothing", async () => {
    const before = (await jobsOf()).length;
    const forged = await receive(delivery([{ kind: "deauthorized", providerUserId: "u1" }], { signature: "00".repeat(32) }));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ success: false, error: "The HookCo webhook signature did not verify." });
    expect((await receive(delivery([], { signature: null }))).status).toBe(401);
    expect((await jobsOf()).length).toBe(before);
    expect(await app.sql("select * from webhook_deliveries where provider = 'hookco' and delivery_id like 'forged%'")).toEqual([]);
  });

  it("queues a valid delivery once: a replay is acknowledged and ignored", async () => {
    const events: WebhookEvent[] = [{ kind: "activity", providerUserId: "u1", activityId: "a1" }];
    const before = (await jobsOf()).length;
    const first = await receive(delivery(events, { id: "replayed" }));
    expect(await first.json()).toEqual({ success: true, received: 1, duplicate: false });
    const again = await receive(delivery(events, { id: "replayed" }));
    expect(await again.json()).toEqual({ success: true, received: 1, duplicate: true });
    const jobs = await jobsOf();
    expect(jobs.length).toBe(before + 1);
    expect(JSON.parse(jobs.at(-1)!.payload)).toEqual({ provider: "hookco", deliveryId: "replayed", events });
  });

  it("says 400 to a signed body that is not the provider's format, 404 to unknown providers and to providers without webhooks", async () => {
    expect((await receive(delivery([], { body: '{"hello":1}' }))).status).toBe(400);
    const unknown = await receive(delivery([]), "nope").catch((error: Error) => error);
    expect(unknown).toMatchObject({ code: "provider_not_supported" });
    const none = await receive(delivery([]), "synthetic").catch((error: Error) => error);
    expect(none).toMatchObject({ code: "not_found", message: "Synthetic does not send webhooks to this app." });
  });
});

describe("acting on webhook events", () => {
  const process = (events: WebhookEvent[]) => processWebhook(app.catalog.registry, JSON.parse(JSON.stringify({ provider: "hookco", deliveryId: "x", events })) as WebhookJob);
  const stored = (userId: string) => app.sql<{ provider_activity_id: string; name: string }>("select provider_activity_id, name from activities where user_id = ? order by provider_activity_id", [userId]);

  it("fetches a workout a delivery only names, stores it once, and removes one the provider deleted", async () => {
    const userId = await connectedUser("u-fetch");
    remote.set("a1", run("a1"));
    await process([{ kind: "activity", providerUserId: "u-fetch", activityId: "a1" }]);
    await process([{ kind: "activity", providerUserId: "u-fetch", activityId: "a1" }]);
    expect(fetched).toHaveBeenCalledTimes(2);
    expect(await stored(userId)).toEqual([{ provider_activity_id: "a1", name: "Run a1" }]);
    expect(await app.sql("select count(*) as n from workouts where user_id = ?", [userId])).toEqual([{ n: 1 }]);

    await process([{ kind: "activity_deleted", providerUserId: "u-fetch", activityId: "a1" }]);
    expect(await stored(userId)).toEqual([]);
    expect(await app.sql("select count(*) as n from workouts where user_id = ?", [userId])).toEqual([{ n: 0 }]);
  });

  it("stores a workout a signed delivery carries as it is, instants and all", async () => {
    const userId = await connectedUser("u-carry");
    await process([{ kind: "activity", providerUserId: "u-carry", activityId: "c1", activity: run("c1", { name: "Carried" }) }]);
    expect(fetched).not.toHaveBeenCalled();
    const [row] = await app.sql<{ name: string; start_time: number }>("select name, start_time from activities where user_id = ?", [userId]);
    expect(row).toEqual({ name: "Carried", start_time: T });
  });

  it("treats a named workout the provider no longer has as deleted", async () => {
    const userId = await connectedUser("u-gone");
    await ingestPage(userId, "hookco", [run("g1")]);
    await process([{ kind: "activity", providerUserId: "u-gone", activityId: "g1" }]);
    expect(await stored(userId)).toEqual([]);
  });

  it("marks a deauthorized connection revoked at the provider, keeps its workouts and forgets its tokens", async () => {
    const userId = await connectedUser("u-deauth");
    await ingestPage(userId, "hookco", [run("k1")]);
    await process([{ kind: "deauthorized", providerUserId: "u-deauth" }]);
    const [connection] = await app.sql<{ status: string; status_reason: string; access_token_enc: string | null }>(
      "select status, status_reason, access_token_enc from provider_connections where user_id = ?",
      [userId],
    );
    expect(connection).toEqual({ status: "revoked", status_reason: expect.stringContaining("You withdrew Pierre Connect's access in HookCo"), access_token_enc: null });
    expect(await stored(userId)).toHaveLength(1);
    const [event] = await app.sql<{ kind: string; data: string }>("select kind, data from user_events where user_id = ? and kind = 'connection'", [userId]);
    expect(JSON.parse(event!.data)).toEqual({ provider: "hookco", status: "revoked" });
  });

  it("queues a sync of the announced window for a change it does not name, and ignores accounts no one connected (saying so once)", async () => {
    const userId = await connectedUser("u-ping");
    const window = { after: new Date(T - 3_600_000), before: new Date(T + 3_600_000) };
    await process([{ kind: "changed", providerUserId: "u-ping", window }]);
    const connectionId = (await app.sql<{ id: string }>("select id from provider_connections where user_id = ?", [userId]))[0]!.id;
    const job = (await app.jobs("sync")).find((candidate) => candidate.payload.includes(connectionId));
    expect(JSON.parse(job!.payload)).toMatchObject({ reason: "webhook", window: { after: window.after.toISOString(), before: window.before.toISOString() } });

    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await process([{ kind: "activity", providerUserId: "nobody", activityId: "z" }]);
    await process([{ kind: "activity_deleted", providerUserId: "nobody", activityId: "z" }]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("HookCo webhook for an account no one here has connected");
    warn.mockRestore();
    expect(fetched).not.toHaveBeenCalled();
  });
});
