import * as oauth from "oauth4webapi";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import type { ProviderConfig } from "../types";
import { FitbitClient } from "./client";
import { fitbitDefinition } from "./definition";

const config = testConfig(fitbitDefinition, { apiBaseUrl: "https://fitbit.test", revokeUrl: "https://fitbit.test/oauth2/revoke" });
const LIST = "https://fitbit.test/1/user/-/activities/list.json";

const entry = (logId: number, startTime: string) => ({ logId, activityName: "Run", activityTypeId: 90009, startTime, duration: 1_800_000 });
const page = (activities: unknown[], next = "") => ({ activities, pagination: { afterDate: "2025-02-28T00:00:00", limit: 100, next, offset: 0, previous: "", sort: "asc" } });

const clientWith = (handler: (request: Request) => Response | Promise<Response>, overrides: Partial<ProviderConfig> = {}) =>
  fakeClient(FitbitClient, fitbitDefinition, { ...config, ...overrides }, handler, { accessToken: "fitbit-at" });

const march = { after: new Date("2025-03-01T00:00:00Z"), before: new Date("2025-04-01T00:00:00Z") };

describe("FitbitClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));
  afterEach(() => vi.useRealTimers());

  it("asks from a day early, follows pagination.next verbatim, and keeps entries by their instant", async () => {
    const next = `${LIST}?afterDate=2025-02-28T00%3A00%3A00&sort=asc&limit=100&offset=100`;
    const { client, calls } = await clientWith((request) =>
      request.url === next
        ? jsonResponse(page([entry(3, "2025-03-02T09:00:00.000+01:00")]))
        : jsonResponse(
            page(
              [
                entry(1, "2025-03-01T00:30:00.000+01:00"), // local date is March 1, the instant is Feb 28 23:30Z
                entry(2, "2025-03-01T08:00:00.000+01:00"),
              ],
              next,
            ),
          ),
    );
    const batch = await client.fetchActivities(march);
    expect(calls.map((c) => c.url)).toEqual([`${LIST}?afterDate=2025-02-28T00%3A00%3A00&sort=asc&offset=0&limit=100`, next]);
    expect(Object.fromEntries(new URL(calls[0]!.url).searchParams)).toEqual({ afterDate: "2025-02-28T00:00:00", sort: "asc", offset: "0", limit: "100" });
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer fitbit-at");
    expect(batch).toEqual({ activities: [expect.objectContaining({ providerActivityId: "2" }), expect.objectContaining({ providerActivityId: "3" })], skipped: 0, problems: [] });
  });

  it("stops once the ascending list has passed `before`, even with a next page on offer", async () => {
    const { client, calls } = await clientWith(() =>
      jsonResponse(page([entry(1, "2025-03-31T20:00:00.000Z"), entry(2, "2025-04-01T00:00:00.000Z")], `${LIST}?offset=100`)),
    );
    const batch = await client.fetchActivities(march);
    expect(calls).toHaveLength(1);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1"]);
  });

  it("counts malformed entries and keeps the good ones", async () => {
    const { client } = await clientWith(() =>
      jsonResponse(page([entry(1, "2025-03-05T10:00:00.000Z"), { logId: 2, activityName: "Run", startTime: "2025-03-05T10:00:00" }, "junk", entry(4, "2025-03-06T10:00:00.000Z")])),
    );
    const batch = await client.fetchActivities(march);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["1", "4"]);
    expect(batch.skipped).toBe(2);
  });

  it("never sends the token to a next page on another host", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(page([entry(1, "2025-03-05T10:00:00.000Z")], "https://elsewhere.test/1/user/-/activities/list.json?offset=100")));
    await expect(client.fetchActivities(march)).rejects.toMatchObject({ code: "provider_bad_response" });
    expect(calls).toHaveLength(1);
  });

  it("refuses a list without activities", async () => {
    const { client } = await clientWith(() => jsonResponse({ errors: [] }));
    await expect(client.fetchActivities(march)).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("stops when the hourly quota is used up, resuming Fitbit-Rate-Limit-Reset seconds later", async () => {
    vi.useFakeTimers({ now: new Date("2025-04-01T10:40:00Z"), toFake: ["Date"] });
    const { client, calls } = await clientWith(() =>
      jsonResponse(page([entry(1, "2025-03-01T08:00:00.000Z")], `${LIST}?offset=100`), {
        headers: { "Fitbit-Rate-Limit-Limit": "150", "Fitbit-Rate-Limit-Remaining": "0", "Fitbit-Rate-Limit-Reset": "1200" },
      }),
    );
    const error = await client.fetchActivities(march).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", retryAt: new Date("2025-04-01T11:00:00Z") });
    expect(calls).toHaveLength(1);
  });

  it("an expired token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ errors: [{ errorType: "expired_token", message: "Access token expired" }], success: false }, { status: 401 }));
    await expect(client.fetchActivities(march)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("names the athlete from the profile, preferring the full name", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ user: { encodedId: "GGNJL9", displayName: "Sam", fullName: "Sam Runner" } }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "GGNJL9", name: "Sam Runner" });
    expect(calls[0]!.url).toBe("https://fitbit.test/1/user/-/profile.json");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer fitbit-at");
    const noFullName = await clientWith(() => jsonResponse({ user: { encodedId: "GGNJL9", displayName: "Sam", fullName: "" } }));
    await expect(noFullName.client.getAthlete()).resolves.toEqual({ id: "GGNJL9", name: "Sam" });
  });

  it("revokes per RFC 7009: token=<access token>, HTTP Basic client credentials, no bearer", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({}), { clientId: "22942C", clientSecret: "0a1b2c3d4e5f" });
    await client.revoke();
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.url).toBe("https://fitbit.test/oauth2/revoke");
    expect(calls[0]!.headers.get("authorization")).toBe(`Basic ${Buffer.from("22942C:0a1b2c3d4e5f").toString("base64")}`);
    expect(calls[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await calls[0]!.text()).toBe("token=fitbit-at");
  });

  it("encodes client credentials for revoke exactly as the token endpoint receives them", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({}), { clientId: "sandbox-fitbit.client", clientSecret: "s3cr~t:with space" });
    await client.revoke();
    const expected = new Headers();
    oauth.ClientSecretBasic("s3cr~t:with space")({} as oauth.AuthorizationServer, { client_id: "sandbox-fitbit.client" }, new URLSearchParams(), expected);
    expect(calls[0]!.headers.get("authorization")).toBe(expected.get("authorization"));
  });

  it("cannot revoke without client credentials, and says so instead of pretending", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({}), { clientSecret: undefined });
    await expect(client.revoke()).rejects.toMatchObject({ code: "provider_not_configured" });
    expect(calls).toHaveLength(0);
  });
});
