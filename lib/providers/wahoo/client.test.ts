import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, fakeFetch, jsonResponse, testConfig, testHttp } from "@/test/fake-fetch";
import { WahooClient } from "./client";
import { wahooDefinition } from "./definition";

const config = testConfig(wahooDefinition, { apiBaseUrl: "https://wahoo.test", revokeUrl: "https://wahoo.test/v1/permissions" });
const WORKOUTS = "https://wahoo.test/v1/workouts";
const DAY = 86_400_000;

const workout = (id: number, starts: number) => ({
  id,
  starts: new Date(starts).toISOString(),
  name: `Ride ${id}`,
  plan_id: null,
  workout_token: `ELEMNT AE48:${id}`,
  workout_type_id: 0,
  workout_summary: { duration_total_accum: "3600.0", duration_active_accum: "3500.0", distance_accum: "30000.0", calories_accum: "800.0", heart_rate_avg: "140.0" },
});

/** `count` workouts a day apart, newest first, the newest at `newest`. */
const descending = (firstId: number, count: number, newest: number) => Array.from({ length: count }, (_, i) => workout(firstId + i, newest - i * DAY));

const listPage = (workouts: unknown[], page: number, total: number, per_page = 30) => ({ workouts, total, page, per_page, order: "descending", sort: "starts" });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(WahooClient, wahooDefinition, config, handler, { accessToken: "wahoo-at" });

const window = { after: new Date("2024-01-01T00:00:00Z"), before: new Date("2024-06-01T00:00:00Z") };
const may = Date.parse("2024-05-20T08:00:00Z");

describe("WahooClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pages with page/per_page=30 until page × per_page reaches total", async () => {
    const { client, calls } = await clientWith((request) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      return jsonResponse(listPage(descending(page * 100, 30, may - (page - 1) * 30 * DAY), page, 60));
    });
    const batch = await client.fetchActivities(window);
    expect(calls.map((c) => c.url)).toEqual([`${WORKOUTS}?page=1&per_page=30`, `${WORKOUTS}?page=2&per_page=30`]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer wahoo-at");
    expect(batch.activities).toHaveLength(60);
    expect(batch.activities[0]).toMatchObject({ providerActivityId: "100", sport: "ride", elapsedSeconds: 3600, movingSeconds: 3500, averageHeartRate: 140, device: "ELEMNT AE48" });
  });

  it("stops on a short page", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(listPage(descending(1, 5, may), 1, 500)));
    expect((await client.fetchActivities(window)).activities).toHaveLength(5);
    expect(calls).toHaveLength(1);
  });

  it("takes a full page by the server's per_page when it caps the size asked for", async () => {
    const { client, calls } = await clientWith((request) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      return jsonResponse(listPage(page === 1 ? descending(1, 20, may) : descending(100, 3, may - 30 * DAY), page, 23, 20));
    });
    expect((await client.fetchActivities(window)).activities).toHaveLength(23);
    expect(calls).toHaveLength(2);
  });

  it("stops walking back once a page reaches before the window, keeping only workouts inside it", async () => {
    const { client, calls } = await clientWith((request) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      // 30 a day apart from 2024-01-20 reach back to 2023-12-22.
      return jsonResponse(listPage(descending(page * 100, 30, Date.parse("2024-01-20T08:00:00Z") + (page === 1 ? 0 : -30 * DAY)), page, 1000));
    });
    const batch = await client.fetchActivities(window);
    expect(calls).toHaveLength(1);
    expect(batch.activities).toHaveLength(20); // 2024-01-20 … 2024-01-01
    expect(batch.activities.at(-1)!.startTime).toEqual(new Date("2024-01-01T08:00:00Z"));
  });

  it("leaves out workouts that start after the window", async () => {
    const { client } = await clientWith(() => jsonResponse(listPage([workout(1, Date.parse("2024-06-01T00:00:00Z")), workout(2, may)], 1, 2)));
    expect((await client.fetchActivities(window)).activities.map((a) => a.providerActivityId)).toEqual(["2"]);
  });

  it("stops with an error when the next page repeats the previous one", async () => {
    const { client, calls } = await clientWith((request) => jsonResponse(listPage(descending(1, 30, may), Number(new URL(request.url).searchParams.get("page")), 90)));
    await expect(client.fetchActivities(window)).rejects.toMatchObject({ code: "provider_bad_response" });
    expect(calls).toHaveLength(2);
  });

  it("an empty list ends at once", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(listPage([], 1, 0)));
    await expect(client.fetchActivities(window)).resolves.toEqual({ activities: [], skipped: 0, problems: [] });
    expect(calls).toHaveLength(1);
  });

  it("counts malformed workouts, keeps the good ones and silently leaves out planned entries", async () => {
    const planned = { ...workout(3, may), plan_id: 9, workout_summary: null };
    const { client } = await clientWith(() => jsonResponse(listPage([workout(1, may), { id: 2, name: "no start" }, planned, workout(4, may - DAY)], 1, 4)));
    const batch = await client.fetchActivities(window);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1", "4"]);
    expect(batch.skipped).toBe(1);
    expect(batch.problems[0]).toContain("starts");
  });

  it("refuses an answer without workouts", async () => {
    const { client } = await clientWith(() => jsonResponse({ error: "?" }));
    await expect(client.fetchActivities(window)).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("can ask for larger pages once a maximum is confirmed", async () => {
    const fake = fakeFetch(() => jsonResponse(listPage([], 1, 0, 100)));
    const client = new WahooClient(wahooDefinition, config, { http: testHttp(wahooDefinition, fake.fetch) }, { pageSize: 100 });
    await client.setCredentials({ accessToken: "wahoo-at" });
    await client.fetchActivities(window);
    expect(fake.calls[0]!.url).toBe(`${WORKOUTS}?page=1&per_page=100`);
  });

  it("an invalid token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ error: "invalid_token" }, { status: 401 }));
    await expect(client.fetchActivities(window)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("identifies the athlete by the user id", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ id: 4112422 }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "4112422", name: null });
    expect(calls[0]!.url).toBe("https://wahoo.test/v1/user");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer wahoo-at");
  });

  it("revokes with DELETE /v1/permissions and the bearer token (200 with a message, or 204)", async () => {
    for (const answer of [jsonResponse({ success: "Application has been revoked" }), new Response(null, { status: 204 })]) {
      const { client, calls } = await clientWith(() => answer);
      await client.revoke();
      expect(calls).toHaveLength(1);
      expect(calls[0]!.method).toBe("DELETE");
      expect(calls[0]!.url).toBe("https://wahoo.test/v1/permissions");
      expect(calls[0]!.headers.get("authorization")).toBe("Bearer wahoo-at");
    }
  });
});
