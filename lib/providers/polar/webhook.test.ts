/**
 * Polar AccessLink webhooks from the documented examples (fixtures/polar-webhook-exercise.json and
 * fixtures/polar-webhook-ping.json, AccessLink docs "Accesslink webhooks"): Polar-Webhook-Signature
 * is the hex HMAC-SHA256 of the raw body with the webhook's signature secret key.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInProviders } from "@/lib/providers/builtin";
import { sandboxCredentials, sandboxPath, sandboxProviderEnv } from "@/sandbox/env";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { createTestApp, type TestApp } from "@/test/test-app";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { serveWebhookRoute } from "@/test/webhook-server";
import { polarWebhook } from "./webhook";

const config = webhookConfig("polar", { clientId: "c", clientSecret: "s", settings: { webhookSecret: "polar-key" } });
const context = { subscriptionId: null, now: new Date() };
const exercise = fixtureText("polar", "polar-webhook-exercise.json");
const sign = (body: string, key = "polar-key") => ({ "polar-webhook-event": "EXERCISE", "polar-webhook-signature": createHmac("sha256", key).update(body).digest("hex") });

describe("Polar's webhook", () => {
  it("answers the PING sent while the webhook is created, whatever it is signed with", async () => {
    const ping = fixtureText("polar", "polar-webhook-ping.json");
    const answer = polarWebhook.handshake!(webhookRequest(ping, { "polar-webhook-event": "PING", "polar-webhook-signature": "f7bc83f4" }), config);
    expect(answer?.status).toBe(200);
    expect(polarWebhook.handshake!(webhookRequest(exercise, sign(exercise)), config)).toBeNull();
  });

  it("verifies the hex HMAC of the body with the signature secret key", () => {
    expect(polarWebhook.verify(webhookRequest(exercise, sign(exercise)), config, context)).toBe(true);
    const upper = { ...sign(exercise), "polar-webhook-signature": sign(exercise)["polar-webhook-signature"].toUpperCase() };
    expect(polarWebhook.verify(webhookRequest(exercise, upper), config, context)).toBe(true);
    expect(polarWebhook.verify(webhookRequest(exercise, sign(exercise, "guess")), config, context)).toBe(false);
    expect(polarWebhook.verify(webhookRequest(exercise.replace("aQlC83", "aQlC84"), sign(exercise)), config, context)).toBe(false);
    expect(polarWebhook.verify(webhookRequest(exercise), config, context)).toBe(false);
    expect(polarWebhook.verify(webhookRequest(exercise, sign(exercise)), { ...config, settings: {} }, context)).toBe(false);
  });

  it("reads EXERCISE as the exercise to fetch for that Polar user; other events say nothing", () => {
    const parsed = polarWebhook.parse(webhookRequest(exercise));
    expect(parsed.events).toEqual([{ kind: "activity", providerUserId: "475", activityId: "aQlC83" }]);
    expect(parsed.deliveryId).toMatch(/^[0-9a-f]{64}$/);
    const sleep = JSON.stringify({ event: "SLEEP", user_id: 475, date: "2022-01-01", timestamp: "2022-01-01T08:00:00Z", url: "https://example" });
    expect(polarWebhook.parse(webhookRequest(sleep)).events).toEqual([]);
    expect(() => polarWebhook.parse(webhookRequest("[]"))).toThrow();
  });
});

describe("creating Polar's webhook, against the sandbox", () => {
  let sandbox: Sandbox;
  let server: Awaited<ReturnType<typeof serveWebhookRoute>>;
  let app: TestApp;
  beforeAll(async () => {
    server = await serveWebhookRoute();
    sandbox = await startSandbox({ port: 0, withDataset: false, appUrl: server.url });
    app = await createTestApp({ modules: builtInProviders, env: { ...sandboxProviderEnv(sandbox.url), PIERRE_DEFAULT_PROVIDER: "synthetic", PIERRE_BASE_URL: server.url } });
  });
  afterAll(async () => {
    await app.close();
    await sandbox.close();
    await server.close();
  });

  it("answers the PING Polar sends while POST /v3/webhooks runs, records nothing, and the key Polar returns is the one configured", async () => {
    const { clientId, clientSecret, settings } = sandboxCredentials("polar");
    const created = await fetch(`${sandbox.url}${sandboxPath("polar", "apiBaseUrl")}/webhooks`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ events: ["EXERCISE"], url: `${server.url}/api/webhooks/polar` }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ data: { events: ["EXERCISE"], url: `${server.url}/api/webhooks/polar`, signature_secret_key: settings.webhookSecret } });
    expect(await app.sql("select * from webhook_deliveries where provider = 'polar'")).toEqual([]);
  });
});
