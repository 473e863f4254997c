/**
 * Terra's webhook events: an activity event (fixtures/terra-activity-webhook.constructed.json, built
 * from Terra's JSON-Schemas, see samples/SOURCES.md) and a deauth event constructed from Terra's
 * "Event Types" and "Handling authentication events" pages (fixtures/terra-webhook-deauth.constructed.json).
 * Signed as docs.tryterra.co "Verifying signatures" describes: `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { terraWebhook } from "./webhook";

const config = webhookConfig("terra", { clientId: "dev", clientSecret: "key", settings: { webhookSecret: "terra-signing" } });
const context = { subscriptionId: null, now: new Date() };
const activity = fixtureText("terra", "terra-activity-webhook.constructed.json");
const signature = (body: string, t = "1723808700", secret = "terra-signing") => `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;

describe("Terra's webhook", () => {
  it("verifies v1, the HMAC of the timestamp, a dot and the body, with the signing secret", () => {
    const ok = (header: string, body = activity) => terraWebhook.verify(webhookRequest(body, { "terra-signature": header }), config, context);
    expect(ok(signature(activity))).toBe(true);
    // One of several v1 values is enough (a secret being rolled).
    expect(ok(`t=1723808700,v1=${"0".repeat(64)},${signature(activity).split(",")[1]}`)).toBe(true);
    expect(ok(signature(activity, "1723808700", "old"))).toBe(false);
    expect(ok(signature(activity).replace("t=1723808700", "t=1723808701"))).toBe(false);
    expect(ok(signature(activity), activity.replace("Morning Run", "Evening Run"))).toBe(false);
    expect(ok("v1=abc")).toBe(false);
    expect(terraWebhook.verify(webhookRequest(activity), config, context)).toBe(false);
  });

  it("carries the signed records themselves, and reads deletions and deauthorizations", () => {
    const [event] = terraWebhook.parse(webhookRequest(activity)).events;
    expect(event).toMatchObject({
      kind: "activity",
      providerUserId: "123e4567-e89b-12d3-a456-426614174000",
      activityId: "123e4567-e89b-12d3-a456-426614174000",
      activity: { provider: "terra", name: "Morning Run", sport: "run", startTime: new Date("2022-10-28T08:00:00Z"), distanceMeters: 10000 },
    });
    const deleted = JSON.parse(activity);
    deleted.data[0].metadata.upload_type = 4;
    expect(terraWebhook.parse(webhookRequest(JSON.stringify(deleted))).events).toEqual([
      { kind: "activity_deleted", providerUserId: "123e4567-e89b-12d3-a456-426614174000", activityId: "123e4567-e89b-12d3-a456-426614174000" },
    ]);
    expect(terraWebhook.parse(webhookRequest(fixtureText("terra", "terra-webhook-deauth.constructed.json"))).events).toEqual([
      { kind: "deauthorized", providerUserId: "4735eac4-31a2-47ef-8b11-51e98d84c680" },
    ]);
    const revoked = { ...JSON.parse(fixtureText("terra", "terra-webhook-deauth.constructed.json")), type: "access_revoked" };
    expect(terraWebhook.parse(webhookRequest(JSON.stringify(revoked))).events).toMatchObject([{ kind: "deauthorized" }]);
  });

  it("says nothing for the events that carry no workout, and skips a record without an id", () => {
    expect(terraWebhook.parse(webhookRequest(JSON.stringify({ type: "healthcheck", status: "success" }))).events).toEqual([]);
    expect(terraWebhook.parse(webhookRequest(fixtureText("terra", "terra-data-sent-to-webhook.json"))).events).toEqual([]);
    const partial = JSON.parse(activity);
    partial.data.push({ metadata: {} });
    expect(terraWebhook.parse(webhookRequest(JSON.stringify(partial))).events).toHaveLength(1);
    expect(() => terraWebhook.parse(webhookRequest('{"no":"type"}'))).toThrow();
  });
});
