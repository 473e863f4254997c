import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, fakeFetch, jsonResponse, testConfig, testHttp } from "@/test/fake-fetch";
import { OuraClient } from "./client";
import { ouraDefinition } from "./definition";

const config = testConfig(ouraDefinition, { apiBaseUrl: "https://oura.test", revokeUrl: "https://oura.test/oauth/revoke" });
const WORKOUTS = "https://oura.test/v2/usercollection/workout";

/** A workout at `start` (UTC) written the way Oura writes it, in local time with a +02:00 offset. */
function workout(id: string, start: string, minutes = 40) {
  const local = (instant: number) => `${new Date(instant + 2 * 3600_000).toISOString().slice(0, 19)}+02:00`;
  const at = Date.parse(start);
  return { id, activity: "cycling", calories: 300.5, distance: 12000, start_datetime: local(at), end_datetime: local(at + minutes * 60_000), source: "confirmed" };
}

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(OuraClient, ouraDefinition, config, handler, { accessToken: "oura-at" });

const week = { after: new Date("2024-05-01T00:00:00Z"), before: new Date("2024-05-08T00:00:00Z") };

describe("OuraClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));
  afterEach(() => vi.useRealTimers());

  it("asks by day with a margin and sends next_token back until it is null", async () => {
    const { client, calls } = await clientWith((request) => {
      const token = new URL(request.url).searchParams.get("next_token");
      if (token === "t2") return jsonResponse({ data: [workout("b", "2024-05-03T06:00:00Z")], next_token: "t3" });
      if (token === "t3") return jsonResponse({ data: [workout("c", "2024-05-05T06:00:00Z")], next_token: null });
      return jsonResponse({ data: [workout("a", "2024-05-02T06:00:00Z")], next_token: "t2" });
    });
    const batch = await client.fetchActivities(week);
    const first = `${WORKOUTS}?start_date=2024-04-30&end_date=2024-05-10`;
    expect(calls.map((c) => c.url)).toEqual([first, `${first}&next_token=t2`, `${first}&next_token=t3`]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer oura-at");
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "b", "c"]);
    expect(batch.activities[0]).toMatchObject({ sport: "ride", utcOffsetMinutes: 120, elapsedSeconds: 2400, calories: 300.5, distanceMeters: 12000 });
  });

  it("keeps only workouts that started inside the window (the day margin brings in neighbours)", async () => {
    const { client } = await clientWith(() =>
      jsonResponse({
        data: [
          workout("before", "2024-04-30T23:59:00Z"),
          workout("first", "2024-05-01T00:00:00Z"),
          workout("last", "2024-05-07T23:59:59Z"),
          workout("after", "2024-05-08T00:00:00Z"),
        ],
        next_token: null,
      }),
    );
    expect((await client.fetchActivities(week)).activities.map((a) => a.providerActivityId)).toEqual(["first", "last"]);
  });

  it("treats a missing or empty next_token as the last page", async () => {
    for (const end of [{}, { next_token: "" }]) {
      const { client, calls } = await clientWith(() => jsonResponse({ data: [], ...end }));
      await expect(client.fetchActivities(week)).resolves.toEqual({ activities: [], skipped: 0, problems: [] });
      expect(calls).toHaveLength(1);
    }
  });

  it("stops with an error when the same next_token comes back twice", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ data: [], next_token: "same" }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
    expect(calls).toHaveLength(2);
  });

  it("counts malformed workouts and keeps the good ones", async () => {
    const { client } = await clientWith(() =>
      jsonResponse({ data: [workout("a", "2024-05-02T06:00:00Z"), { id: "b", activity: "running" }, workout("c", "2024-05-03T06:00:00Z")], next_token: null }),
    );
    const batch = await client.fetchActivities(week);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "c"]);
    expect(batch.skipped).toBe(1);
    expect(batch.problems[0]).toContain("start_datetime");
  });

  it("refuses an answer without data", async () => {
    const { client } = await clientWith(() => jsonResponse({ detail: "?" }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("an invalid token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ detail: "Unauthorized" }, { status: 401 }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("a 429 past the short-wait limit stops the sync until Retry-After", async () => {
    vi.useFakeTimers({ now: new Date("2024-05-08T12:00:00Z"), toFake: ["Date"] });
    const { client, calls } = await clientWith(() =>
      jsonResponse(
        { detail: "Too many requests" },
        { status: 429, headers: { "Retry-After": "120", "X-RateLimit-Limit": "5000", "X-RateLimit-Window": "300", "X-RateLimit-Tier": "token" } },
      ),
    );
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "rate_limited", retryAt: new Date("2024-05-08T12:02:00Z") });
    expect(calls).toHaveLength(1);
  });

  it("identifies the athlete from personal_info", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ id: "8f9a5221-639e-4a85-81cb-4065ef23f979", age: 31 }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "8f9a5221-639e-4a85-81cb-4065ef23f979", name: null });
    expect(calls[0]!.url).toBe("https://oura.test/v2/usercollection/personal_info");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer oura-at");
  });

  it("revokes with the access token in the query string", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 200 }));
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("GET");
    expect(calls[0]!.url).toBe("https://oura.test/oauth/revoke?access_token=oura-at");
  });

  it("can revoke with POST instead (the method is unconfirmed)", async () => {
    const fake = fakeFetch(() => new Response(null, { status: 200 }));
    const client = new OuraClient(ouraDefinition, config, { http: testHttp(ouraDefinition, fake.fetch) }, { revokeMethod: "POST" });
    await client.setCredentials({ accessToken: "oura-at" });
    await client.revoke();
    expect(fake.calls[0]!.method).toBe("POST");
    expect(fake.calls[0]!.url).toBe("https://oura.test/oauth/revoke?access_token=oura-at");
  });

  describe("fetchStreams: heart rate over the workout", () => {
    const HEART_RATE = "https://oura.test/v2/usercollection/heartrate";
    const request = { providerActivityId: "w1", startTime: new Date("2024-05-02T06:00:00Z"), elapsedSeconds: 600, raw: null };
    const reading = (bpm: number, at: string) => ({ bpm, source: "workout", timestamp: at });

    it("asks for the workout's window a minute wider, follows next_token and keeps the readings inside the workout", async () => {
      const { client, calls } = await clientWith((r) => {
        const token = new URL(r.url).searchParams.get("next_token");
        if (token === "p2") return jsonResponse({ data: [reading(140, "2024-05-02T06:10:00+00:00"), reading(95, "2024-05-02T06:10:30+00:00")], next_token: null });
        return jsonResponse({ data: [reading(90, "2024-05-02T05:59:30+00:00"), reading(120, "2024-05-02T08:00:05+02:00")], next_token: "p2" });
      });
      const streams = await client.fetchStreams(request);
      const first = `${HEART_RATE}?start_datetime=2024-05-02T05%3A59%3A00Z&end_datetime=2024-05-02T06%3A11%3A00Z`;
      expect(calls.map((c) => c.url)).toEqual([first, `${first}&next_token=p2`]);
      for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer oura-at");
      expect(streams).toEqual({ time: [5, 600], heartRate: [120, 140] });
    });

    it("has no streams when the ring recorded nothing then", async () => {
      const { client } = await clientWith(() => jsonResponse({ data: [], next_token: null }));
      await expect(client.fetchStreams(request)).resolves.toBeNull();
    });

    it("stops with an error on the same next_token twice or a page without data", async () => {
      const repeated = await clientWith(() => jsonResponse({ data: [], next_token: "same" }));
      await expect(repeated.client.fetchStreams(request)).rejects.toMatchObject({ code: "provider_bad_response" });
      expect(repeated.calls).toHaveLength(2);
      const odd = await clientWith(() => jsonResponse({ detail: "?" }));
      await expect(odd.client.fetchStreams(request)).rejects.toMatchObject({ code: "provider_bad_response" });
    });

    it("says a 403 is heart rate not shared (the scope unticked), not a broken connection", async () => {
      const { client } = await clientWith(() => jsonResponse({ detail: "Forbidden" }, { status: 403 }));
      const error = await client.fetchStreams(request).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "needs_reconnect" });
      expect((error as Error).message).toContain("heart rate");
    });
  });
});
