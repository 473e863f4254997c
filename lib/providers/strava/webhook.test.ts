/**
 * Strava's push events, from the documented event (fixtures/strava-webhook-event.json, Strava's
 * webhook docs) and a deauthorization constructed from the same docs' description of it: an
 * `athlete` update whose `updates` say `"authorized": "false"`
 * (fixtures/strava-webhook-deauthorization.constructed.json).
 */
import { describe, expect, it } from "vitest";
import type { ProviderHttp } from "@/lib/providers/http";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { stravaWebhook } from "./webhook";

const config = webhookConfig("strava", { clientId: "5", clientSecret: "s3cret", settings: { webhookVerifyToken: "verify-me" } });
const context = (subscriptionId: string | null) => ({ subscriptionId, now: new Date() });
const documented = fixtureText("strava", "strava-webhook-event.json");

describe("Strava's webhook", () => {
  it("echoes hub.challenge when the verify token matches, refuses it otherwise, and ignores other GETs", async () => {
    const get = (query: Record<string, string>) => stravaWebhook.handshake!(webhookRequest("", {}, { method: "GET", query }), config);
    const ok = get({ "hub.mode": "subscribe", "hub.challenge": "15f7d1a91c1f40", "hub.verify_token": "verify-me" })!;
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ "hub.challenge": "15f7d1a91c1f40" });
    expect(get({ "hub.mode": "subscribe", "hub.challenge": "x", "hub.verify_token": "guess" })!.status).toBe(403);
    expect(get({})).toBeNull();
  });

  it("takes the subscription id it echoes as the check: the recorded one, or any before one is recorded", () => {
    expect(stravaWebhook.verify(webhookRequest(documented), config, context("120475"))).toBe(true);
    expect(stravaWebhook.verify(webhookRequest(documented), config, context("999"))).toBe(false);
    expect(stravaWebhook.verify(webhookRequest(documented), config, context(null))).toBe(true);
    expect(stravaWebhook.verify(webhookRequest('{"object_type":"activity"}'), config, context(null))).toBe(false);
    expect(stravaWebhook.verify(webhookRequest("not json"), config, context(null))).toBe(false);
  });

  it("reads the documented update as an activity to fetch, named by its owner", () => {
    const parsed = stravaWebhook.parse(webhookRequest(documented));
    expect(parsed.events).toEqual([{ kind: "activity", providerUserId: "134815", activityId: "1360128428", at: new Date(1516126040_000) }]);
    expect(parsed.deliveryId).toMatch(/^[0-9a-f]{64}$/);
    // The same bytes are the same delivery.
    expect(stravaWebhook.parse(webhookRequest(documented)).deliveryId).toBe(parsed.deliveryId);
  });

  it("reads creates, deletes and a deauthorization, and nothing from other athlete updates", () => {
    const event = (values: Record<string, unknown>) => stravaWebhook.parse(webhookRequest(JSON.stringify({ ...JSON.parse(documented), ...values }))).events;
    expect(event({ aspect_type: "create", updates: {} })).toMatchObject([{ kind: "activity", activityId: "1360128428" }]);
    expect(event({ aspect_type: "delete", updates: {} })).toEqual([{ kind: "activity_deleted", providerUserId: "134815", activityId: "1360128428" }]);
    expect(stravaWebhook.parse(webhookRequest(fixtureText("strava", "strava-webhook-deauthorization.constructed.json"))).events).toEqual([
      { kind: "deauthorized", providerUserId: "134815" },
    ]);
    expect(event({ object_type: "athlete", aspect_type: "update", updates: { authorized: "true" } })).toEqual([]);
    expect(() => stravaWebhook.parse(webhookRequest('{"hello":1}'))).toThrow();
  });

  it("creates the push subscription with the app's credentials, and finds its own when one exists", async () => {
    const calls: { url: string; method?: string; body?: string; query?: unknown }[] = [];
    const http = (answers: { status: number; data: unknown }[]): ProviderHttp => ({
      async request<T>(url: string | URL, request: { method?: string; body?: unknown; query?: unknown } = {}) {
        calls.push({ url: String(url), method: request.method, body: request.body?.toString(), query: request.query });
        const answer = answers.shift()!;
        return { status: answer.status, headers: new Headers(), data: answer.data as T };
      },
    });
    const callback = "https://pierre.example.com/api/webhooks/strava";
    const withBase = { ...config, apiBaseUrl: "https://www.strava.com/api/v3" };
    expect(await stravaWebhook.subscribe!(withBase, callback, http([{ status: 201, data: { id: 1 } }]))).toEqual({ id: "1" });
    expect(calls[0]).toMatchObject({ url: "https://www.strava.com/api/v3/push_subscriptions", method: "POST" });
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({ client_id: "5", client_secret: "s3cret", callback_url: callback, verify_token: "verify-me" });

    const exists = http([{ status: 400, data: { message: "Bad Request", errors: [{ resource: "PushSubscription", code: "already exists" }] } }, { status: 200, data: [{ id: 7, callback_url: callback }] }]);
    expect(await stravaWebhook.subscribe!(withBase, callback, exists)).toEqual({ id: "7" });
    const elsewhere = http([{ status: 400, data: {} }, { status: 200, data: [{ id: 8, callback_url: "https://old.example.com/hook" }] }]);
    await expect(stravaWebhook.subscribe!(withBase, callback, elsewhere)).rejects.toThrow("another callback URL");
  });
});
