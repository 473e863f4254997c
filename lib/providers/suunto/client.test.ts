import { beforeEach, describe, expect, it } from "vitest";
import { loadProviderEnvConfig } from "@/lib/config/provider-env";
import { configureHttpDefaults } from "@/lib/providers/http";
import type { TokenSet } from "@/lib/providers/types";
import { fakeFetch, jsonResponse, testConfig, testHttp } from "@/test/fake-fetch";
import { SuuntoClient } from "./client";
import { suuntoDefinition } from "./definition";
import { suunto } from "./index";

const config = testConfig(suuntoDefinition, { apiBaseUrl: "https://suunto.test", revokeUrl: "https://suunto-oauth.test/oauth/deauthorize" });
const WORKOUTS = "https://suunto.test/v3/workouts/";

const workout = (key: string, start: string) => ({ workoutKey: key, activityId: 1, startTime: Date.parse(start), totalTime: 1800, totalDistance: 5000, timeOffsetInMinutes: 60 });
const envelope = (payload: unknown[]) => ({ error: null, payload, metadata: { ts: "1779025734324" } });
const page = (prefix: string, count: number, start = "2026-05-02T07:00:00Z") =>
  Array.from({ length: count }, (_, i) => workout(`${prefix}-${i}`, new Date(Date.parse(start) + i * 60_000).toISOString()));

async function clientWith(
  handler: (request: Request) => Response | Promise<Response>,
  options: { subscriptionKey?: string; tokens?: TokenSet } = { subscriptionKey: "sub-key" },
) {
  const fake = fakeFetch(handler);
  const client = new SuuntoClient(suuntoDefinition, config, { http: testHttp(suuntoDefinition, fake.fetch) }, { subscriptionKey: options.subscriptionKey });
  await client.setCredentials(options.tokens ?? { accessToken: "jwt-at", providerUserId: "exampleuser" });
  return { client, calls: fake.calls };
}

const week = { after: new Date("2026-05-01T00:00:00Z"), before: new Date("2026-05-08T00:00:00Z") };

describe("SuuntoClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("pages /v3/workouts/ by offset with since and limit=100 until a short page", async () => {
    const { client, calls } = await clientWith((request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset"));
      return jsonResponse(envelope(offset === 0 ? page("a", 100) : page("b", 3, "2026-05-04T07:00:00Z")));
    });
    const batch = await client.fetchActivities(week);
    expect(calls).toHaveLength(2);
    const since = String(Date.parse("2026-05-01T00:00:00Z"));
    expect(calls.map((c) => c.url)).toEqual([
      `${WORKOUTS}?since=${since}&limit=100&offset=0&filter-by-modification-time=false`,
      `${WORKOUTS}?since=${since}&limit=100&offset=100&filter-by-modification-time=false`,
    ]);
    expect(batch.activities).toHaveLength(103);
    expect(batch.activities[0]).toMatchObject({ providerActivityId: "a-0", sport: "run", distanceMeters: 5000, utcOffsetMinutes: 60 });
  });

  it("sends the bearer token and the subscription key with every API call", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(envelope([])));
    await client.fetchActivities(week);
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer jwt-at");
    expect(calls[0]!.headers.get("ocp-apim-subscription-key")).toBe("sub-key");
  });

  it("refuses to call the API without a subscription key", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(envelope([])), {});
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_not_configured" });
    expect(calls).toHaveLength(0);
  });

  it("the module takes the subscription key from its configuration (PIERRE_SUUNTO_SUBSCRIPTION_KEY)", async () => {
    const { config: configured } = loadProviderEnvConfig("suunto", suuntoDefinition, { PIERRE_SUUNTO_SUBSCRIPTION_KEY: " env-key " }, {
      baseUrl: new URL("https://pierre.example.com"),
      demo: false,
    });
    const fake = fakeFetch(() => jsonResponse(envelope([])));
    const client = suunto.factory.create({ ...config, settings: configured.settings }, { http: testHttp(suuntoDefinition, fake.fetch) });
    await client.setCredentials({ accessToken: "jwt-at" });
    await client.fetchActivities(week);
    expect(fake.calls[0]!.headers.get("ocp-apim-subscription-key")).toBe("env-key");
  });

  it("keeps only workouts that started inside the window (the list has no upper bound)", async () => {
    const { client } = await clientWith(() =>
      jsonResponse(envelope([workout("in", "2026-05-01T00:00:00Z"), workout("late", "2026-05-08T00:00:00Z"), workout("early", "2026-04-30T23:00:00Z")])),
    );
    expect((await client.fetchActivities(week)).activities.map((a) => a.providerActivityId)).toEqual(["in"]);
  });

  it("stops with an error when the next offset returns the same page again", async () => {
    const { client, calls } = await clientWith(() => jsonResponse(envelope(page("same", 100))));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
    expect(calls).toHaveLength(2);
  });

  it("an error in the envelope, or no payload, is a bad response", async () => {
    for (const body of [{ error: { code: "400", description: "bad since" }, payload: null }, { error: null }, { payload: {} }]) {
      const { client } = await clientWith(() => jsonResponse(body));
      await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "provider_bad_response" });
    }
  });

  it("counts malformed workouts and keeps the good ones", async () => {
    const { client } = await clientWith(() =>
      jsonResponse(envelope([workout("a", "2026-05-02T07:00:00Z"), { workoutKey: "b", activityId: 1 }, workout("c", "2026-05-03T07:00:00Z")])),
    );
    const batch = await client.fetchActivities(week);
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a", "c"]);
    expect(batch.skipped).toBe(1);
    expect(batch.problems[0]).toContain("startTime");
  });

  it("an invalid token is a needs-reconnect error", async () => {
    const { client } = await clientWith(() => jsonResponse({ statusCode: 401, message: "Access denied" }, { status: 401 }));
    await expect(client.fetchActivities(week)).rejects.toMatchObject({ code: "needs_reconnect" });
  });

  it("names the athlete by the username from the token response, without a request", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({}));
    await expect(client.getAthlete()).resolves.toEqual({ id: "exampleuser", name: "exampleuser" });
    expect(calls).toHaveLength(0);
  });

  it("falls back to the username claim of the access token (a JWT)", async () => {
    const claims = Buffer.from(JSON.stringify({ sub: "123", user: "jwtuser", scope: ["workout"] })).toString("base64url");
    const { client } = await clientWith(() => jsonResponse({}), { subscriptionKey: "sub-key", tokens: { accessToken: `eyJhbGciOiJSUzI1NiJ9.${claims}.sig` } });
    await expect(client.getAthlete()).resolves.toEqual({ id: "jwtuser", name: "jwtuser" });
    const opaque = await clientWith(() => jsonResponse({}), { subscriptionKey: "sub-key", tokens: { accessToken: "not-a-jwt" } });
    await expect(opaque.client.getAthlete()).rejects.toMatchObject({ code: "provider_bad_response" });
  });

  it("deauthorizes with a GET naming the client id, authorized by the user's token", async () => {
    const { client, calls } = await clientWith(() => new Response(null, { status: 200 }));
    await client.revoke();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("GET");
    expect(calls[0]!.url).toBe("https://suunto-oauth.test/oauth/deauthorize?client_id=test-client");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer jwt-at");
  });
});
