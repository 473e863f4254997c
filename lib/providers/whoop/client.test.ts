import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import { WhoopClient } from "./client";
import { whoopDefinition } from "./definition";

const config = testConfig(whoopDefinition, { apiBaseUrl: "https://whoop.test/developer", revokeUrl: "https://whoop.test/developer/v2/user/access" });
const WORKOUTS = "https://whoop.test/developer/v2/activity/workout";

const record = (id: string, start = "2025-03-01T07:00:00.000Z") => ({
  id,
  start,
  end: new Date(Date.parse(start) + 3600_000).toISOString(),
  timezone_offset: "+01:00",
  sport_name: "running",
  score_state: "SCORED",
  score: { average_heart_rate: 140, max_heart_rate: 170, kilojoule: 2092 },
});

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(WhoopClient, whoopDefinition, config, handler, { accessToken: "whoop-at" });

const week = { after: new Date("2025-03-01T00:00:00Z"), before: new Date("2025-03-08T00:00:00Z") };

describe("WhoopClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));
  afterEach(() => vi.useRealTimers());

  it("pages with start/end/limit=25, sending next_token back as nextToken until there is none", async () => {
    const { client, calls } = await clientWith((request) => {
      const token = new URL(request.url).searchParams.get("nextToken");
      if (token === "MTIzOjEyMzEyMw") return jsonResponse({ records: [record("b")], next_token: "page-3" });
      if (token === "page-3") return jsonResponse({ records: [record("c")] });
      return jsonResponse({ records: [record("a")], next_token: "MTIzOjEyMzEyMw" });
    });
    const batch = await client.fetchActivities(week);
    const first = `${WORKOUTS}?start=2025-03-01T00%3A00%3A00.000Z&end=2025-03-08T00%3A00%3A00.000Z&limit=25`;
    expect(calls.map((c) => c.url)).toEqual([first, `${first}&nextToken=MTIzOjEyMzEyMw`, `${first}&nextToken=page-3`]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer whoop-at");
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "b", "c"]);
    expect(batch.activities[0]).toMatchObject({ calories: 500, utcOffsetMinutes: 60, elapsedSeconds: 3600 }); // 2092 kJ / 4.184
  });

  it("treats an empty next_token as the last page", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ records: [], next_token: "" }));
    await expect(client.fetchActivities(week)).resolves.toEqual({ activities: [], skipped: 0, problems: [] });
    expect(calls).toHaveLength(1);
  });

  it("counts malformed records and keeps the good ones", async () => {
    const { client } = await clientWith(() => jsonResponse({ records: [record("a"), { id: 10235, type: "workout.updated" }, record("c")] }));
    const batch = await client.fetchActivities(week);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "c"]);
    expect(batch.skipped).toBe(1);
  });

  it("refuses an answer without records", async () => {
    const { client } = await clientWith(() => jsonResponse({ message: "?" }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("stops before the next page when X-RateLimit-Remaining is 0, resuming X-RateLimit-Reset seconds later", async () => {
    vi.useFakeTimers({ now: new Date("2025-03-08T12:00:00Z"), toFake: ["Date"] });
    const { client, calls } = await clientWith(() =>
      jsonResponse(
        { records: [record("a")], next_token: "more" },
        { headers: { "X-RateLimit-Limit": "100, 100;window=60, 10000;window=86400", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "45" } },
      ),
    );
    const error = await client.fetchActivities(week).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", retryAt: new Date("2025-03-08T12:00:45Z") });
    expect(calls).toHaveLength(1);
  });

  it("waits out a short Retry-After on 429 and continues", async () => {
    let first = true;
    const { client, calls } = await clientWith(() => {
      if (first) {
        first = false;
        return new Response("slow down", { status: 429, headers: { "Retry-After": "0" } });
      }
      return jsonResponse({ records: [record("a")] });
    });
    const batch = await client.fetchActivities(week);
    expect(batch.activities).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("an invalid token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ message: "Authorization was not valid" }, { status: 401 }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("names the athlete from the basic profile", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ user_id: 10129, email: "jo@example.com", first_name: "Jo", last_name: "Lee" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "10129", name: "Jo Lee" });
    expect(calls[0]!.url).toBe("https://whoop.test/developer/v2/user/profile/basic");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer whoop-at");
  });

  it("revokes with DELETE and the bearer token (204, no body)", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 204 }));
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("DELETE");
    expect(calls[0]!.url).toBe("https://whoop.test/developer/v2/user/access");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer whoop-at");
    expect(await calls[0]!.text()).toBe("");
  });
});
