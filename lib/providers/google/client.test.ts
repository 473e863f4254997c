import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import type { TokenSet } from "@/lib/providers/types";
import { fakeClient, fakeFetch, jsonResponse, testConfig, testHttp } from "@/test/fake-fetch";
import { GoogleHealthClient, googleExerciseFilter } from "./client";
import { googleDefinition } from "./definition";

const config = testConfig(googleDefinition, { apiBaseUrl: "https://google.test/v4", revokeUrl: "https://oauth.google.test/revoke" });
const LIST = "https://google.test/v4/users/me/dataTypes/exercise/dataPoints";

const session = (id: string, start: string, minutes = 30) => ({
  name: `users/h-1/dataTypes/exercise/dataPoints/${id}`,
  exercise: {
    displayName: `Run ${id}`,
    exerciseType: "RUNNING",
    interval: { startTime: start, endTime: new Date(Date.parse(start) + minutes * 60_000).toISOString(), startUtcOffset: "3600s" },
    activeDuration: `${minutes * 60}s`,
    metricsSummary: { distanceMillimeters: 5_000_000, averageHeartRateBeatsPerMinute: "150", caloriesKcal: 300 },
  },
});

const tokens: TokenSet = { accessToken: "ya29.at", refreshToken: "1//rt" };
const clientWith = (handler: (request: Request) => Response | Promise<Response>, held: TokenSet = tokens) =>
  fakeClient(GoogleHealthClient, googleDefinition, config, handler, held);

const week = { after: new Date("2026-03-01T00:00:00Z"), before: new Date("2026-03-08T00:00:00Z") };

describe("GoogleHealthClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pages with filter and pageSize=25, sending nextPageToken back as pageToken until there is none", async () => {
    const { client, calls } = await clientWith((request) => {
      const token = new URL(request.url).searchParams.get("pageToken");
      if (token === "p2") return jsonResponse({ dataPoints: [session("2", "2026-03-05T07:00:00Z")], nextPageToken: "p3" });
      if (token === "p3") return jsonResponse({ dataPoints: [session("3", "2026-03-03T07:00:00Z")] });
      return jsonResponse({ dataPoints: [session("1", "2026-03-07T07:00:00Z")], nextPageToken: "p2" });
    });
    const batch = await client.fetchActivities(week);
    expect(calls).toHaveLength(3);
    const queries = calls.map((c) => Object.fromEntries(new URL(c.url).searchParams));
    const filter = 'exercise.interval.civil_start_time >= "2026-02-28T00:00:00" AND exercise.interval.civil_start_time < "2026-03-09T00:00:00"';
    expect(queries).toEqual([
      { filter, pageSize: "25" },
      { filter, pageSize: "25", pageToken: "p2" },
      { filter, pageSize: "25", pageToken: "p3" },
    ]);
    for (const call of calls) {
      expect(call.url.startsWith(`${LIST}?`)).toBe(true);
      expect(call.method).toBe("GET");
      expect(call.headers.get("authorization")).toBe("Bearer ya29.at");
    }
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1", "2", "3"]);
    expect(batch.activities[0]).toMatchObject({ distanceMeters: 5000, averageHeartRate: 150, utcOffsetMinutes: 60, elapsedSeconds: 1800 });
  });

  it("widens a civil filter by a day each side and keeps only sessions that started inside the window", async () => {
    const { client } = await clientWith(() =>
      jsonResponse({
        dataPoints: [
          session("late", "2026-03-08T00:00:00Z"), // == before: outside
          session("in", "2026-03-07T23:59:00Z"),
          session("edge", "2026-03-01T00:00:00Z"), // == after: inside
          session("early", "2026-02-28T23:30:00Z"),
        ],
      }),
    );
    const batch = await client.fetchActivities(week);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["in", "edge"]);
    expect(batch.skipped).toBe(0);
  });

  it("can filter on the physical start time instead (unconfirmed for exercise, so an option)", async () => {
    expect(googleExerciseFilter(week, "physical")).toBe(
      'exercise.interval.start_time >= "2026-03-01T00:00:00.000Z" AND exercise.interval.start_time < "2026-03-08T00:00:00.000Z"',
    );
    const fake = fakeFetch(() => jsonResponse({}));
    const client = new GoogleHealthClient(googleDefinition, config, { http: testHttp(googleDefinition, fake.fetch) }, { exerciseFilter: "physical" });
    await client.setCredentials(tokens);
    await client.fetchActivities(week);
    expect(new URL(fake.calls[0]!.url).searchParams.get("filter")).toBe(googleExerciseFilter(week, "physical"));
  });

  it("reads an empty page written as {} (proto3 leaves out empty lists) as the end", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({}));
    await expect(client.fetchActivities(week)).resolves.toEqual({ activities: [], skipped: 0, problems: [] });
    expect(calls).toHaveLength(1);
  });

  it("treats an empty nextPageToken as the last page", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ dataPoints: [session("1", "2026-03-02T07:00:00Z")], nextPageToken: "" }));
    expect((await client.fetchActivities(week)).activities).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it("stops with an error when the same page token comes back twice", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ dataPoints: [], nextPageToken: "again" }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
    expect(calls).toHaveLength(2);
  });

  it("does not return a session twice when it shows up on two pages", async () => {
    const { client } = await clientWith((request) =>
      new URL(request.url).searchParams.get("pageToken")
        ? jsonResponse({ dataPoints: [session("1", "2026-03-04T07:00:00Z"), session("2", "2026-03-03T07:00:00Z")] })
        : jsonResponse({ dataPoints: [session("1", "2026-03-04T07:00:00Z")], nextPageToken: "p2" }),
    );
    expect((await client.fetchActivities(week)).activities.map((a) => a.providerActivityId)).toEqual(["1", "2"]);
  });

  it("counts malformed data points and keeps the good ones", async () => {
    const { client } = await clientWith(() =>
      jsonResponse({ dataPoints: [session("a", "2026-03-02T07:00:00Z"), { name: "users/h-1/dataTypes/exercise/dataPoints/b" }, session("c", "2026-03-03T07:00:00Z")] }),
    );
    const batch = await client.fetchActivities(week);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "c"]);
    expect(batch.skipped).toBe(1);
    expect(batch.problems[0]).toContain("exercise");
  });

  it("refuses an answer that is not a list page", async () => {
    const { client } = await clientWith(() => jsonResponse({ dataPoints: "none" }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("an invalid token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ error: { code: 401, status: "UNAUTHENTICATED" } }, { status: 401 }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("a scope the person did not grant (403) asks for a reconnect", async () => {
    const { client } = await clientWith(() => jsonResponse({ error: { code: 403, status: "PERMISSION_DENIED" } }, { status: 403 }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("identifies the athlete by healthUserId and keeps the legacy Fitbit user id for migration", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ name: "users/me/identity", healthUserId: "Q7mZx-81kLp2", legacyUserId: "GGNJL9" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "Q7mZx-81kLp2", name: null, legacyUserId: "GGNJL9" });
    expect(calls[0]!.url).toBe("https://google.test/v4/users/me/identity");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer ya29.at");
  });

  it("an account that never used Fitbit has no legacy id", async () => {
    const { client } = await clientWith(() => jsonResponse({ name: "users/me/identity", healthUserId: "new-user" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "new-user", name: null });
  });

  it("revokes the refresh token with a form POST and no client authentication", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 200 }));
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.url).toBe("https://oauth.google.test/revoke");
    expect(calls[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(calls[0]!.headers.get("authorization")).toBeNull();
    expect(await calls[0]!.text()).toBe("token=1%2F%2Frt");
  });

  it("revokes the access token when there is no refresh token", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 200 }), { accessToken: "ya29.only" });
    await client.revoke();
    expect(await calls[0]!.text()).toBe("token=ya29.only");
  });
});
