/**
 * Oura's webhooks from the documented event (fixtures/oura-webhook-event.json, Oura's OpenAPI
 * "Webhook Subscription Routes"), signed as that description says: x-oura-signature is the
 * upper-case hex HMAC-SHA256 of x-oura-timestamp followed by the body, keyed with the client secret.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ProviderHttp } from "@/lib/providers/http";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { ouraWebhook } from "./webhook";

const config = webhookConfig("oura", { clientId: "oura-client", clientSecret: "oura-secret", settings: { webhookVerifyToken: "verify-oura" } });
const context = { subscriptionId: null, now: new Date() };
const documented = fixtureText("oura", "oura-webhook-event.json");
const workout = (event_type: string) => JSON.stringify({ ...JSON.parse(documented), data_type: "workout", event_type });
const sign = (body: string, timestamp = "1672560000", secret = "oura-secret") => ({
  "x-oura-timestamp": timestamp,
  "x-oura-signature": createHmac("sha256", secret).update(timestamp + body).digest("hex").toUpperCase(),
});

describe("Oura's webhook", () => {
  it("echoes the challenge when the verification token matches", async () => {
    const get = (query: Record<string, string>) => ouraWebhook.handshake!(webhookRequest("", {}, { method: "GET", query }), config);
    expect(await get({ verification_token: "verify-oura", challenge: "abc" })!.json()).toEqual({ challenge: "abc" });
    expect(get({ verification_token: "nope", challenge: "abc" })!.status).toBe(403);
    expect(get({})).toBeNull();
  });

  it("verifies the HMAC of the timestamp and the body with the client secret", () => {
    const body = workout("create");
    expect(ouraWebhook.verify(webhookRequest(body, sign(body)), config, context)).toBe(true);
    expect(ouraWebhook.verify(webhookRequest(body, { ...sign(body), "x-oura-signature": sign(body)["x-oura-signature"].toLowerCase() }), config, context)).toBe(true);
    expect(ouraWebhook.verify(webhookRequest(body, sign(body, "1672560000", "other")), config, context)).toBe(false);
    expect(ouraWebhook.verify(webhookRequest(body, { ...sign(body), "x-oura-timestamp": "1672560001" }), config, context)).toBe(false);
    expect(ouraWebhook.verify(webhookRequest(body), config, context)).toBe(false);
  });

  it("reads workout creates and updates as a document to fetch and deletes as a deletion; the documented sleep event says nothing", () => {
    expect(ouraWebhook.parse(webhookRequest(documented)).events).toEqual([]);
    expect(ouraWebhook.parse(webhookRequest(workout("create"))).events).toEqual([{ kind: "activity", providerUserId: "user123", activityId: "12345abc" }]);
    expect(ouraWebhook.parse(webhookRequest(workout("update"))).events).toEqual([{ kind: "activity", providerUserId: "user123", activityId: "12345abc" }]);
    expect(ouraWebhook.parse(webhookRequest(workout("delete"))).events).toEqual([{ kind: "activity_deleted", providerUserId: "user123", activityId: "12345abc" }]);
  });

  it("subscribes to workout creates, updates and deletes, keeping the ones already pointed here", async () => {
    const calls: { url: string; method?: string; body?: unknown; headers?: unknown }[] = [];
    const callback = "https://pierre.example.com/api/webhooks/oura";
    let next = 1;
    const http: ProviderHttp = {
      async request<T>(url: string | URL, request: { method?: string; body?: unknown; headers?: unknown } = {}) {
        calls.push({ url: String(url), method: request.method, body: request.body, headers: request.headers });
        const data = request.method ? { id: `s${next++}`, ...(request.body as object) } : [{ id: "kept", callback_url: callback, event_type: "create", data_type: "workout" }, { id: "old", callback_url: "https://old.example/hook", event_type: "delete", data_type: "workout" }];
        return { status: 200, headers: new Headers(), data: data as T };
      },
    };
    expect(await ouraWebhook.subscribe!({ ...config, apiBaseUrl: "https://api.ouraring.com" }, callback, http)).toEqual({ id: "kept,s1,s2" });
    expect(calls.map((c) => [c.method ?? "GET", c.url])).toEqual([
      ["GET", "https://api.ouraring.com/v2/webhook/subscription"],
      ["POST", "https://api.ouraring.com/v2/webhook/subscription"],
      ["PUT", "https://api.ouraring.com/v2/webhook/subscription/old"],
    ]);
    expect(calls[1]).toMatchObject({ headers: { "x-client-id": "oura-client", "x-client-secret": "oura-secret" }, body: { callback_url: callback, verification_token: "verify-oura", event_type: "update", data_type: "workout" } });
  });
});
