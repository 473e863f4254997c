import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import { StravaClient } from "./client";
import { stravaDefinition } from "./definition";

const config = testConfig(stravaDefinition, { apiBaseUrl: "https://strava.test/api/v3", revokeUrl: "https://strava.test/oauth/deauthorize" });

function activity(id: number, day: number) {
  return { id, name: `Run ${id}`, sport_type: "Run", start_date: new Date(Date.UTC(2024, 0, day, 7)).toISOString(), elapsed_time: 1800 };
}

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(StravaClient, stravaDefinition, config, handler, { accessToken: "at-1" });

describe("StravaClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pages /athlete/activities with after/before/per_page=200 until a short page", async () => {
    const pageOne = Array.from({ length: 200 }, (_, i) => activity(i + 1, 1 + (i % 28)));
    const { client, calls } = await clientWith((request) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      return jsonResponse(page === 1 ? pageOne : [activity(999, 29)]);
    });
    const batch = await client.fetchActivities({ after: new Date("2024-01-01T00:00:00Z"), before: new Date("2024-02-01T00:00:00Z") });
    expect(batch.activities).toHaveLength(201);
    expect(calls).toHaveLength(2);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/api/v3/athlete/activities");
    expect(Object.fromEntries(url.searchParams)).toEqual({ after: "1704067200", before: "1706745600", page: "1", per_page: "200" });
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer at-1");
  });

  it("counts malformed entries and keeps the good ones", async () => {
    const { client } = await clientWith(() => jsonResponse([activity(1, 2), { id: 2 }, activity(3, 3)]));
    const batch = await client.fetchActivities({ after: new Date(0), before: new Date() });
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1", "3"]);
    expect(batch.skipped).toBe(1);
  });

  it("names the athlete from the profile", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ id: 134815, firstname: "Marianne", lastname: "V.", username: "mv" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "134815", name: "Marianne V." });
    expect(new URL(calls[0]!.url).pathname).toBe("/api/v3/athlete");
  });

  it("stops when the read limit is used up instead of spending the next request", async () => {
    const { client, calls } = await clientWith(() =>
      jsonResponse(Array.from({ length: 200 }, (_, i) => activity(i, 3)), {
        headers: { "X-ReadRateLimit-Limit": "100,1000", "X-ReadRateLimit-Usage": "100,120" },
      }),
    );
    await expect(client.fetchActivities({ after: new Date(0), before: new Date() })).rejects.toMatchObject({ code: "rate_limited" });
    expect(calls).toHaveLength(1);
  });

  it("an expired token is a needs-reconnect error, not a crash", async () => {
    const { client } = await clientWith(() => jsonResponse({ message: "Authorization Error" }, { status: 401 }));
    await expect(client.getAthlete()).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("deauthorizes with the access token", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ access_token: "at-1" }));
    await client.revoke();
    expect(calls[0]!.method).toBe("POST");
    expect(new URL(calls[0]!.url).pathname).toBe("/oauth/deauthorize");
    expect(await calls[0]!.text()).toBe("access_token=at-1");
  });
});
