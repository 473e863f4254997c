import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/http/provider-http";
import { fakeClient, jsonResponse, testConfig } from "@/lib/testing/fake-fetch";
import { WhoopClient } from "./client";
import { whoopDefinition } from "./definition";

const config = testConfig(whoopDefinition, { apiBaseUrl: "https://whoop.test/developer", revokeUrl: "https://whoop.test/developer/v2/user/access" });
const record = (id: string) => ({ id, start: "2025-03-01T07:00:00.000Z", end: "2025-03-01T08:00:00.000Z", sport_name: "running", score_state: "SCORED", score: {} });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(WhoopClient, whoopDefinition, config, handler, { accessToken: "whoop-at" });

describe("WhoopClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pages with limit=25 and nextToken until next_token is gone", async () => {
    const { client, calls } = await clientWith((request) => {
      const token = new URL(request.url).searchParams.get("nextToken");
      return jsonResponse(token ? { records: [record("b")] } : { records: [record("a")], next_token: "page-2" });
    });
    const after = new Date("2025-03-01T00:00:00Z");
    const before = new Date("2025-03-08T00:00:00Z");
    const batch = await client.fetchActivities({ after, before });
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "b"]);
    expect(Object.fromEntries(new URL(calls[0]!.url).searchParams)).toEqual({ start: after.toISOString(), end: before.toISOString(), limit: "25" });
    expect(new URL(calls[1]!.url).searchParams.get("nextToken")).toBe("page-2");
    expect(new URL(calls[0]!.url).pathname).toBe("/developer/v2/activity/workout");
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
    const batch = await client.fetchActivities({ after: new Date(0), before: new Date() });
    expect(batch.activities).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("reports a long Retry-After as rate-limited with the retry time", async () => {
    const { client } = await clientWith(() => new Response("", { status: 429, headers: { "Retry-After": "3600" } }));
    const error = await client.fetchActivities({ after: new Date(0), before: new Date() }).catch((e) => e);
    expect(error).toMatchObject({ code: "rate_limited" });
    expect(error.retryAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("reads the profile and revokes with DELETE", async () => {
    const { client, calls } = await clientWith((request) =>
      request.method === "DELETE" ? new Response(null, { status: 204 }) : jsonResponse({ user_id: 10129, email: "a@b.c", first_name: "Jo", last_name: "Lee" }),
    );
    await expect(client.getAthlete()).resolves.toEqual({ id: "10129", name: "Jo Lee" });
    await client.revoke();
    expect(calls[1]).toMatchObject({ method: "DELETE" });
    expect(new URL(calls[1]!.url).pathname).toBe("/developer/v2/user/access");
  });
});
