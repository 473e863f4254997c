import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/http/provider-http";
import { fakeClient, jsonResponse, testConfig } from "@/lib/testing/fake-fetch";
import { GarminClient } from "./client";
import { garminDefinition } from "./definition";

const config = testConfig(garminDefinition, { apiBaseUrl: "https://garmin.test", revokeUrl: "https://garmin.test/wellness-api/rest/user/registration" });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(GarminClient, garminDefinition, config, handler, { accessToken: "garmin-at" });

const summary = (activityId: number, start: number) => ({ activityId, summaryId: `${activityId}`, activityType: "RUNNING", startTimeInSeconds: start, durationInSeconds: 1800 });

describe("GarminClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pulls in upload-time windows of at most 24 hours and drops repeats", async () => {
    const after = new Date("2025-01-01T00:00:00Z");
    const before = new Date("2025-01-03T12:00:00Z");
    const { client, calls } = await clientWith(() => jsonResponse([summary(1, 1735700000), summary(2, 1735800000)]));
    const batch = await client.fetchActivities({ after, before });
    expect(calls).toHaveLength(3);
    const windows = calls.map((c) => Object.fromEntries(new URL(c.url).searchParams));
    expect(windows[0]).toEqual({ uploadStartTimeInSeconds: "1735689600", uploadEndTimeInSeconds: "1735776000" });
    expect(windows[2]).toEqual({ uploadStartTimeInSeconds: "1735862400", uploadEndTimeInSeconds: "1735905600" });
    for (const w of windows) expect(Number(w.uploadEndTimeInSeconds) - Number(w.uploadStartTimeInSeconds)).toBeLessThanOrEqual(86_400);
    expect(new URL(calls[0]!.url).pathname).toBe("/wellness-api/rest/activities");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer garmin-at");
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1", "2"]);
  });

  it("gets the user id, deregisters on revoke, and treats 401 as needs-reconnect", async () => {
    const { client, calls } = await clientWith((request) =>
      request.method === "DELETE" ? new Response(null, { status: 204 }) : jsonResponse({ userId: "4aacafe8" }),
    );
    await expect(client.getAthlete()).resolves.toEqual({ id: "4aacafe8", name: null });
    await client.revoke();
    expect(calls[1]!.method).toBe("DELETE");
    expect(new URL(calls[1]!.url).pathname).toBe("/wellness-api/rest/user/registration");

    const denied = await clientWith(() => jsonResponse({ errorMessage: "Unknown UAT" }, { status: 401 }));
    await expect(denied.client.getAthlete()).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("retries a 500 and then succeeds", async () => {
    let attempts = 0;
    const { client } = await clientWith(() => (++attempts === 1 ? new Response("oops", { status: 500 }) : jsonResponse({ userId: "u" })));
    await expect(client.getAthlete()).resolves.toEqual({ id: "u", name: null });
    expect(attempts).toBe(2);
  });
});
