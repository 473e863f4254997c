import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import { CorosClient } from "./client";
import { corosDefinition } from "./definition";

const config = testConfig(corosDefinition, { apiBaseUrl: "https://coros.test", revokeUrl: "https://coros.test/oauth2/deauthorize" });
const workout = (labelId: string, startTime: number) => ({ labelId, mode: 8, subMode: 1, startTime, endTime: startTime + 1800, duration: 1790 });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(CorosClient, corosDefinition, config, handler, { accessToken: "coros-at", providerUserId: "open-1" });

describe("CorosClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("queries 30-day windows with the token and openId in the query string", async () => {
    const inWindow = Date.parse("2025-02-10T08:00:00Z") / 1000;
    const { client, calls } = await clientWith(() => jsonResponse({ result: "0000", message: "OK", data: [workout("1", inWindow)] }));
    const batch = await client.fetchActivities({ after: new Date("2025-01-01T00:00:00Z"), before: new Date("2025-03-15T00:00:00Z") });
    expect(calls.length).toBe(3);
    const first = Object.fromEntries(new URL(calls[0]!.url).searchParams);
    expect(first).toEqual({ token: "coros-at", openId: "open-1", startDate: "20241231", endDate: "20250129" });
    expect(calls[0]!.headers.get("authorization")).toBeNull();
    expect(new URL(calls[0]!.url).pathname).toBe("/v2/coros/sport/list");
    expect(batch.activities).toHaveLength(1); // the same record from every window is kept once
  });

  it("treats HTTP 200 with an error result as an error, and token errors as needs-reconnect", async () => {
    const bad = await clientWith(() => jsonResponse({ result: "5001", message: "server busy" }));
    await expect(bad.client.fetchActivities({ after: new Date(0), before: new Date(86_400_000) })).rejects.toMatchObject({ code: "provider_bad_response" });
    const expired = await clientWith(() => jsonResponse({ result: "1019", message: "access token is invalid" }));
    await expect(expired.client.fetchActivities({ after: new Date(0), before: new Date(86_400_000) })).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("names the account by openId without a request, and deauthorizes with the token", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ result: "0000", message: "OK" }));
    await expect(client.getAthlete()).resolves.toEqual({ id: "open-1", name: null });
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(await calls[0]!.text()).toBe("token=coros-at");
  });
});
