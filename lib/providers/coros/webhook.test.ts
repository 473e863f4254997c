/**
 * COROS's data push from the integrators' fixture (fixtures/coros-webhook-push.json, modelled on the
 * COROS push format; see samples/SOURCES.md): the app's client id and secret come back in plain
 * `client` and `secret` headers, and COROS wants `{"result":"0000","message":"OK"}` as the answer.
 */
import { describe, expect, it } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { corosWebhook } from "./webhook";

const config = webhookConfig("coros", { clientId: "coros-client", clientSecret: "coros-secret" });
const context = { subscriptionId: null, now: new Date() };
const push = fixtureText("coros", "coros-webhook-push.json");

describe("COROS's webhook", () => {
  it("takes deliveries carrying the app's own client id and secret", () => {
    const verify = (headers: Record<string, string>) => corosWebhook.verify(webhookRequest(push, headers), config, context);
    expect(verify({ client: "coros-client", secret: "coros-secret" })).toBe(true);
    expect(verify({ client: "coros-client", secret: "guess" })).toBe(false);
    expect(verify({ client: "other", secret: "coros-secret" })).toBe(false);
    expect(verify({})).toBe(false);
  });

  it("carries each pushed record as the workout itself, for the openId it names", () => {
    const { events } = corosWebhook.parse(webhookRequest(push));
    expect(events).toEqual([
      {
        kind: "activity",
        providerUserId: "123",
        activityId: "1234",
        at: new Date(1516096869_000),
        activity: expect.objectContaining({ provider: "coros", providerActivityId: "1234", sport: "run", startTime: new Date(1516096869_000), elapsedSeconds: 493, utcOffsetMinutes: 480 }),
      },
    ]);
    expect(() => corosWebhook.parse(webhookRequest('{"sportDataList":[{"labelId":"1"}]}'))).toThrow();
  });

  it("answers with COROS's own success code", async () => {
    expect(await corosWebhook.acknowledge!({ received: 1, duplicate: false }).json()).toEqual({ result: "0000", message: "OK" });
  });
});
