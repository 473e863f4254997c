/**
 * Garmin's notifications from the Health API spec's examples: the activity push and ping
 * (fixtures/garmin-push-activities.json, fixtures/garmin-ping-activities.json), a deregistration and
 * a user permission change (fixtures/garmin-deregistration.json, fixtures/garmin-user-permissions-change.json,
 * the spec's "Deregistration" and "User Permission" examples as quoted in public copies of it).
 * Deliveries carry the app's client id in the `garmin-client-id` header and no signature.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtureText, webhookConfig, webhookRequest } from "@/test/webhook-request";
import { garminWebhook } from "./webhook";

const config = webhookConfig("garmin", { clientId: "garmin-consumer", clientSecret: "s" });
const context = { subscriptionId: null, now: new Date() };
const parse = (name: string) => garminWebhook.parse(webhookRequest(fixtureText("garmin", name))).events;

afterEach(() => vi.useRealTimers());

describe("Garmin's webhook", () => {
  it("takes deliveries that name this app in garmin-client-id, and only those", () => {
    const body = fixtureText("garmin", "garmin-ping-activities.json");
    expect(garminWebhook.verify(webhookRequest(body, { "garmin-client-id": "garmin-consumer" }), config, context)).toBe(true);
    expect(garminWebhook.verify(webhookRequest(body, { "garmin-client-id": "someone-else" }), config, context)).toBe(false);
    expect(garminWebhook.verify(webhookRequest(body), config, context)).toBe(false);
    expect(garminWebhook.authenticity).toBe("none");
  });

  it("reads a ping's callback URL as the upload window to pull, without keeping the URL", () => {
    expect(parse("garmin-ping-activities.json")).toEqual([
      { kind: "changed", providerUserId: "4aacafe82427c251df9c9592d0c06768", window: { after: new Date(1444937651_000), before: new Date(1444937903_000) } },
    ]);
  });

  it("reads pushed summaries as a pull of one window per person, from the earliest start to the receipt", () => {
    vi.useFakeTimers({ now: new Date(1452506094_000 + 3 * 3600_000), toFake: ["Date"] });
    expect(parse("garmin-push-activities.json")).toEqual([
      { kind: "changed", providerUserId: "4aacafe82427c251df9c9592d0c06768", window: { after: new Date(1452470400_000), before: new Date(1452506094_000 + 3 * 3600_000 + 60_000) } },
    ]);
    // A summary pushed long after it started (a retried notice) is looked for in the last eight days of uploads.
    vi.setSystemTime(new Date(1452470400_000 + 40 * 86_400_000));
    const [late] = parse("garmin-push-activities.json");
    expect(late).toMatchObject({ window: { after: new Date(1452470400_000 + 32 * 86_400_000) } });
  });

  it("reads deregistrations and a withdrawn activity permission as deauthorizations", () => {
    expect(parse("garmin-deregistration.json")).toEqual([{ kind: "deauthorized", providerUserId: "4aacafe82427c251df9c9592d0c06768" }]);
    // The documented example still grants ACTIVITY_EXPORT: nothing is withdrawn, the person's window is read again.
    expect(parse("garmin-user-permissions-change.json")).toEqual([{ kind: "changed", providerUserId: "31be9cac-5bf9-406b-9fa8-89879bcaceac" }]);
    const withdrawn = JSON.parse(fixtureText("garmin", "garmin-user-permissions-change.json"));
    withdrawn.userPermissionsChange[0].permissions = ["HEALTH_EXPORT"];
    expect(garminWebhook.parse(webhookRequest(JSON.stringify(withdrawn))).events).toEqual([{ kind: "deauthorized", providerUserId: "31be9cac-5bf9-406b-9fa8-89879bcaceac" }]);
  });

  it("says nothing about summary types that are not workouts", () => {
    expect(garminWebhook.parse(webhookRequest(JSON.stringify({ dailies: [{ userId: "u", callbackURL: "https://apis.garmin.com/x" }] }))).events).toEqual([]);
    expect(() => garminWebhook.parse(webhookRequest('{"activities":[{"callbackURL":"x"}]}'))).toThrow();
  });
});
