import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import { GarminClient } from "./client";
import { garminDefinition } from "./definition";

const config = testConfig(garminDefinition, { apiBaseUrl: "https://garmin.test", revokeUrl: "https://garmin.test/wellness-api/rest/user/registration" });

const summary = (activityId: number, start: number) => ({
  activityId,
  summaryId: String(activityId),
  activityType: "RUNNING",
  startTimeInSeconds: start,
  durationInSeconds: 1800,
});

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(GarminClient, garminDefinition, config, handler, { accessToken: "garmin-at" });

describe("GarminClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));
  afterEach(() => vi.useRealTimers());

  it("pulls consecutive upload-time windows of at most 86400 s covering [after, before)", async () => {
    const after = new Date("2025-01-01T00:00:00Z"); // 1735689600
    const before = new Date("2025-01-03T12:00:00Z"); // 1735905600 = after + 2.5 days
    const { client, calls } = await clientWith((request) => {
      const start = Number(new URL(request.url).searchParams.get("uploadStartTimeInSeconds"));
      return jsonResponse(start === 1735776000 ? [] : [summary(start, start + 60)]);
    });
    const batch = await client.fetchActivities({ after, before });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET https://garmin.test/wellness-api/rest/activities?uploadStartTimeInSeconds=1735689600&uploadEndTimeInSeconds=1735776000",
      "GET https://garmin.test/wellness-api/rest/activities?uploadStartTimeInSeconds=1735776000&uploadEndTimeInSeconds=1735862400",
      "GET https://garmin.test/wellness-api/rest/activities?uploadStartTimeInSeconds=1735862400&uploadEndTimeInSeconds=1735905600",
    ]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer garmin-at");
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1735689600", "1735862400"]);
  });

  it("makes no request for an empty window", async () => {
    const { client, calls } = await clientWith(() => jsonResponse([]));
    const at = new Date("2025-01-01T00:00:00Z");
    await expect(client.fetchActivities({ after: at, before: at })).resolves.toEqual({ activities: [], skipped: 0, problems: [] });
    expect(calls).toHaveLength(0);
  });

  it("counts malformed entries, keeps the good ones, and keeps one copy of an upload seen in two windows", async () => {
    const { client } = await clientWith((request) => {
      const start = Number(new URL(request.url).searchParams.get("uploadStartTimeInSeconds"));
      return jsonResponse(start === 1735689600 ? [summary(7, 1735690000), { summaryId: "no-start" }, "junk"] : [summary(7, 1735690000), summary(8, 1735780000)]);
    });
    const batch = await client.fetchActivities({ after: new Date("2025-01-01T00:00:00Z"), before: new Date("2025-01-03T00:00:00Z") });
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["7", "8"]);
    expect(batch.skipped).toBe(2);
    expect(batch.problems).toHaveLength(2);
  });

  it("refuses an answer that is not a list", async () => {
    const { client } = await clientWith(() => jsonResponse({ errorMessage: "nope" }));
    await expect(client.fetchActivities({ after: new Date(0), before: new Date(60_000) })).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("gets the user id from /user/id (Garmin has no name)", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ userId: "4aacafe82427c251df9c9592d0c06768" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "4aacafe82427c251df9c9592d0c06768", name: null });
    expect(calls[0]!.url).toBe("https://garmin.test/wellness-api/rest/user/id");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer garmin-at");
  });

  it("an unknown or revoked token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ errorMessage: "Unknown UAT" }, { status: 401 }));
    await expect(client.fetchActivities({ after: new Date(0), before: new Date(60_000) })).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("honours a long Retry-After: stops with the retry time instead of pulling the next windows", async () => {
    vi.useFakeTimers({ now: new Date("2025-01-05T00:00:00Z"), toFake: ["Date"] });
    const { client, calls } = await clientWith(() => new Response("", { status: 429, headers: { "Retry-After": "3600" } }));
    const error = await client.fetchActivities({ after: new Date("2025-01-01T00:00:00Z"), before: new Date("2025-01-03T00:00:00Z") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", retryAt: new Date("2025-01-05T01:00:00Z") });
    expect(calls).toHaveLength(1);
  });

  it("revokes by deleting the user registration with the bearer token", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 204 }));
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("DELETE");
    expect(calls[0]!.url).toBe("https://garmin.test/wellness-api/rest/user/registration");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer garmin-at");
    expect(await calls[0]!.text()).toBe("");
  });
});
