/**
 * Suunto's WORKOUT_CREATED notification, constructed (fixtures/suunto-webhook-workout-created.constructed.json)
 * from the fields open-wearables' Suunto handler reads — `type`, `username`, `workout.workoutKey` —
 * around the live workout of fixtures/suunto-workout-detail-v3.json without its stop time, as fresh
 * notifications come. X-HMAC-SHA256-Signature is the hex HMAC-SHA256 of the raw body with the notification secret.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { suuntoWebhook } from "./webhook";

const config = webhookConfig("suunto", { clientId: "c", clientSecret: "s", settings: { subscriptionKey: "k", webhookSecret: "suunto-notify" } });
const context = { subscriptionId: null, now: new Date() };
const created = fixtureText("suunto", "suunto-webhook-workout-created.constructed.json");
const sign = (body: string, secret = "suunto-notify") => ({ "x-hmac-sha256-signature": createHmac("sha256", secret).update(body).digest("hex") });

describe("Suunto's webhook", () => {
  it("verifies the hex HMAC of the body with the notification secret", () => {
    expect(suuntoWebhook.verify(webhookRequest(created, sign(created)), config, context)).toBe(true);
    expect(suuntoWebhook.verify(webhookRequest(created, sign(created, "guess")), config, context)).toBe(false);
    expect(suuntoWebhook.verify(webhookRequest(created), config, context)).toBe(false);
    expect(suuntoWebhook.verify(webhookRequest(created, sign(created)), { ...config, settings: { subscriptionKey: "k" } }, context)).toBe(false);
  });

  it("reads WORKOUT_CREATED as the workout to fetch by its key, for the username; other events say nothing", () => {
    expect(suuntoWebhook.parse(webhookRequest(created)).events).toEqual([
      { kind: "activity", providerUserId: "sandboxuser-example", activityId: "test-workout-key-0001", at: new Date(1779025042670) },
    ]);
    const route = JSON.stringify({ type: "ROUTE_CREATED", username: "sandboxuser-example", route: {} });
    expect(suuntoWebhook.parse(webhookRequest(route)).events).toEqual([]);
    expect(() => suuntoWebhook.parse(webhookRequest('{"type":"WORKOUT_CREATED"}'))).toThrow();
  });
});
