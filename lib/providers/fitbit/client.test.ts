import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/http/provider-http";
import { fakeClient, jsonResponse, testConfig } from "@/lib/testing/fake-fetch";
import { FitbitClient } from "./client";
import { fitbitDefinition } from "./definition";

const config = testConfig(fitbitDefinition, { apiBaseUrl: "https://fitbit.test", revokeUrl: "https://fitbit.test/oauth2/revoke" });

const entry = (logId: number, iso: string) => ({ logId, activityName: "Run", activityTypeId: 90009, startTime: iso, duration: 1_800_000 });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(FitbitClient, fitbitDefinition, config, handler, { accessToken: "fitbit-at" });

describe("FitbitClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("starts a day early, follows pagination.next, and keeps only the window", async () => {
    const { client, calls } = await clientWith((request) => {
      const url = new URL(request.url);
      if (url.searchParams.get("offset") === "100") {
        return jsonResponse({ activities: [entry(3, "2025-03-02T09:00:00.000+01:00")], pagination: { next: "" } });
      }
      return jsonResponse({
        activities: [entry(1, "2025-02-28T23:30:00.000+01:00"), entry(2, "2025-03-01T08:00:00.000+01:00")],
        pagination: { next: "https://fitbit.test/1/user/-/activities/list.json?afterDate=2025-02-28&sort=asc&limit=100&offset=100" },
      });
    });
    const batch = await client.fetchActivities({ after: new Date("2025-03-01T00:00:00Z"), before: new Date("2025-04-01T00:00:00Z") });
    expect(Object.fromEntries(new URL(calls[0]!.url).searchParams)).toEqual({ afterDate: "2025-02-28", sort: "asc", offset: "0", limit: "100" });
    expect(new URL(calls[0]!.url).pathname).toBe("/1/user/-/activities/list.json");
    expect(calls).toHaveLength(2);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["2", "3"]);
  });

  it("stops paging once a page ends past the window", async () => {
    const { client, calls } = await clientWith(() =>
      jsonResponse({ activities: [entry(1, "2025-05-01T08:00:00.000Z")], pagination: { next: "https://fitbit.test/next" } }),
    );
    await client.fetchActivities({ after: new Date("2025-03-01T00:00:00Z"), before: new Date("2025-04-01T00:00:00Z") });
    expect(calls).toHaveLength(1);
  });

  it("stops before the per-user hourly limit runs out", async () => {
    const { client, calls } = await clientWith(() =>
      jsonResponse(
        { activities: [entry(1, "2025-03-01T08:00:00.000Z")], pagination: { next: "https://fitbit.test/next" } },
        { headers: { "Fitbit-Rate-Limit-Limit": "150", "Fitbit-Rate-Limit-Remaining": "0", "Fitbit-Rate-Limit-Reset": "1200" } },
      ),
    );
    await expect(client.fetchActivities({ after: new Date("2025-03-01T00:00:00Z"), before: new Date("2025-04-01T00:00:00Z") })).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(calls).toHaveLength(1);
  });

  it("reads the profile and revokes with HTTP Basic client credentials", async () => {
    const { client, calls } = await clientWith((request) =>
      request.method === "POST" ? jsonResponse({}) : jsonResponse({ user: { encodedId: "GGNJL9", displayName: "Sam", fullName: "Sam Runner" } }),
    );
    await expect(client.getAthlete()).resolves.toEqual({ id: "GGNJL9", name: "Sam Runner" });
    await client.revoke();
    expect(calls[1]!.headers.get("authorization")).toBe(`Basic ${Buffer.from("test-client:test-secret").toString("base64")}`);
    expect(await calls[1]!.text()).toBe("token=fitbit-at");
  });
});
