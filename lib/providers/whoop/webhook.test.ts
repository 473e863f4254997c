/**
 * WHOOP's webhooks from the documented example (fixtures/whoop-webhook-event.json, WHOOP's webhook
 * docs; it still shows a v1 integer id where v2 sends a UUID), signed the documented way:
 * base64(HMAC-SHA256(client secret, X-WHOOP-Signature-Timestamp + raw body)).
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { whoopWebhook } from "./webhook";

const config = webhookConfig("whoop", { clientId: "whoop-client", clientSecret: "whoop-secret" });
const context = { subscriptionId: null, now: new Date() };
const documented = fixtureText("whoop", "whoop-webhook-event.json");
const sign = (body: string, timestamp = "1748241241000", secret = "whoop-secret") => ({
  "x-whoop-signature-timestamp": timestamp,
  "x-whoop-signature": createHmac("sha256", secret).update(timestamp + body).digest("base64"),
});

describe("WHOOP's webhook", () => {
  it("verifies the base64 HMAC over the timestamp header and the body with the client secret", () => {
    expect(whoopWebhook.verify(webhookRequest(documented, sign(documented)), config, context)).toBe(true);
    expect(whoopWebhook.verify(webhookRequest(documented, sign(documented, "1748241241000", "other")), config, context)).toBe(false);
    // The timestamp is part of what is signed.
    const headers = { ...sign(documented), "x-whoop-signature-timestamp": "1748241242000" };
    expect(whoopWebhook.verify(webhookRequest(documented, headers), config, context)).toBe(false);
    expect(whoopWebhook.verify(webhookRequest(`${documented} `, sign(documented)), config, context)).toBe(false);
    expect(whoopWebhook.verify(webhookRequest(documented), config, context)).toBe(false);
    expect(whoopWebhook.verify(webhookRequest(documented, sign(documented)), { ...config, clientSecret: undefined }, context)).toBe(false);
  });

  it("reads workout.updated as a workout to fetch and workout.deleted as a deletion; sleep and recovery say nothing", () => {
    expect(whoopWebhook.parse(webhookRequest(documented))).toEqual({
      deliveryId: "d3709ee7-104e-4f70-a928-2932964b017b:workout.updated:10235",
      events: [{ kind: "activity", providerUserId: "10129", activityId: "10235" }],
    });
    const v2 = (type: string) => whoopWebhook.parse(webhookRequest(JSON.stringify({ user_id: 10129, id: "ecfc6a15-4661-442f-a9a4-f160dd7afae8", type, trace_id: "t" }))).events;
    expect(v2("workout.deleted")).toEqual([{ kind: "activity_deleted", providerUserId: "10129", activityId: "ecfc6a15-4661-442f-a9a4-f160dd7afae8" }]);
    expect(v2("sleep.updated")).toEqual([]);
    expect(v2("recovery.deleted")).toEqual([]);
    expect(() => whoopWebhook.parse(webhookRequest('{"type":"workout.updated"}'))).toThrow();
  });
});
