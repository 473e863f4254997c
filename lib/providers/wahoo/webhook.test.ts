/**
 * Wahoo's `workout_summary` webhook as captured from production (fixtures/wahoo-webhook-workout-summary.json,
 * see samples/SOURCES.md): no signature, only the portal's webhook token echoed in the body.
 */
import { describe, expect, it } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { wahooWebhook } from "./webhook";

const captured = fixtureText("wahoo", "wahoo-webhook-workout-summary.json");
const config = webhookConfig("wahoo", { clientId: "c", clientSecret: "s", settings: { webhookToken: "97661c16-6359-4854-9498-a49c07b6ec11" } });
const context = { subscriptionId: null, now: new Date() };

describe("Wahoo's webhook", () => {
  it("takes deliveries that echo the portal's webhook token", () => {
    expect(wahooWebhook.verify(webhookRequest(captured), config, context)).toBe(true);
    expect(wahooWebhook.verify(webhookRequest(captured), { ...config, settings: { webhookToken: "another" } }, context)).toBe(false);
    expect(wahooWebhook.verify(webhookRequest(captured.replace(/"webhook_token": "[^"]+"/, '"webhook_token": null')), config, context)).toBe(false);
    expect(wahooWebhook.verify(webhookRequest("{"), config, context)).toBe(false);
  });

  it("carries the summary's workout as the workout itself, for the user it names", () => {
    const { events } = wahooWebhook.parse(webhookRequest(captured));
    expect(events).toEqual([
      {
        kind: "activity",
        providerUserId: "wahoo_test_user",
        activityId: "147564736",
        activity: expect.objectContaining({ provider: "wahoo", providerActivityId: "147564736", sport: "ride", startTime: new Date("2022-06-13T16:38:51.000Z"), elapsedSeconds: 9 }),
      },
    ]);
    const other = JSON.stringify({ event_type: "something_else", webhook_token: "x", user: { id: 1 } });
    expect(wahooWebhook.parse(webhookRequest(other)).events).toEqual([]);
  });
});
