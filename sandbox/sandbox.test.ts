import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { normalizeOuraHeartRate } from "@/lib/providers/oura/streams";
import { addActivities, failNext, reset, setTokenLifetime } from "./control-client";
import { sandboxCredentials, sandboxPath } from "./env";
import { startSandbox, type Sandbox } from "./server";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => reset(sandbox.url));

const redirectUri = "http://127.0.0.1:3000/api/providers/x/callback";

/** Authorize as a browser would: consent page, then the form's Authorize button. */
async function authorize(provider: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: sandboxCredentials(provider).clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    state: "state-12345",
    ...extra,
  });
  const url = `${sandbox.url}${sandboxPath(provider, "authUrl")}`;
  const page = await fetch(`${url}?${params}`);
  if (page.status !== 200) return { status: page.status, code: undefined };
  params.set("decision", "authorize");
  const answer = await fetch(url, { method: "POST", body: params, redirect: "manual" });
  return { status: answer.status, code: new URL(answer.headers.get("location")!).searchParams.get("code")! };
}

function tokenRequest(provider: string, form: Record<string, string>, auth: "basic" | "body" | "wrong" | "query" = "body") {
  const { clientId, clientSecret } = sandboxCredentials(provider);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const body = new URLSearchParams(form);
  if (auth === "basic") headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  if (auth === "body") {
    body.set("client_id", clientId);
    body.set("client_secret", clientSecret);
  }
  if (auth === "wrong") {
    body.set("client_id", clientId);
    body.set("client_secret", "not-the-secret");
  }
  const url = new URL(`${sandbox.url}${sandboxPath(provider, "tokenUrl")}`);
  if (auth === "query") {
    // Everything in the query string, an empty body: how Wahoo's docs show it.
    for (const [key, value] of Object.entries({ ...form, client_id: clientId, client_secret: clientSecret })) url.searchParams.set(key, value);
    return fetch(url, { method: "POST" });
  }
  return fetch(url, { method: "POST", headers, body });
}

describe("sandbox OAuth", () => {
  it("checks client authentication the way each provider does", async () => {
    const { code } = await authorize("strava", { scope: "read" });
    expect((await tokenRequest("strava", { grant_type: "authorization_code", code: code! }, "wrong")).status).toBe(401);
    const fitbit = await authorize("fitbit", { scope: "activity" });
    // Fitbit wants HTTP Basic; credentials in the body are not accepted.
    expect((await tokenRequest("fitbit", { grant_type: "authorization_code", code: fitbit.code!, redirect_uri: redirectUri }, "body")).status).toBe(401);
    const ok = await tokenRequest("fitbit", { grant_type: "authorization_code", code: fitbit.code!, redirect_uri: redirectUri }, "basic");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: "Bearer", expires_in: 28800, scope: "activity", user_id: expect.any(String) });
  });

  it("answers invalid_grant for a reused or unknown code and a wrong redirect_uri", async () => {
    const { code } = await authorize("whoop", { scope: "offline read:workout" });
    const first = await tokenRequest("whoop", { grant_type: "authorization_code", code: code! });
    expect(await first.json()).toMatchObject({ refresh_token: expect.any(String), expires_in: 3600 });
    const reused = await tokenRequest("whoop", { grant_type: "authorization_code", code: code! });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    expect((await tokenRequest("whoop", { grant_type: "authorization_code", code: "nope" })).status).toBe(400);
    const other = await authorize("coros");
    const wrongRedirect = await tokenRequest("coros", { grant_type: "authorization_code", code: other.code!, redirect_uri: "http://elsewhere/cb" });
    // COROS answers HTTP 200 with a non-"0000" result.
    expect(await wrongRedirect.json()).toMatchObject({ result: "1001" });
  });

  it("requires PKCE for Garmin and verifies it", async () => {
    expect((await authorize("garmin")).status).toBe(400);
    const verifier = "a".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const { code } = await authorize("garmin", { code_challenge: challenge, code_challenge_method: "S256" });
    const wrong = await tokenRequest("garmin", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri, code_verifier: "b".repeat(50) });
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("rejects a WHOOP state shorter than 8 characters", async () => {
    expect((await authorize("whoop", { state: "short" })).status).toBe(400);
  });

  it("rotates refresh tokens where the provider does, with a configurable lifetime", async () => {
    await setTokenLifetime(sandbox.url, { provider: "strava", seconds: 60 });
    const { code } = await authorize("strava", { scope: "read" });
    const issued = (await (await tokenRequest("strava", { grant_type: "authorization_code", code: code! })).json()) as Record<string, string>;
    expect(issued.expires_in).toBe(60);
    const refreshed = (await (await tokenRequest("strava", { grant_type: "refresh_token", refresh_token: issued.refresh_token! })).json()) as Record<string, string>;
    expect(refreshed.refresh_token).not.toBe(issued.refresh_token);
    expect((await tokenRequest("strava", { grant_type: "refresh_token", refresh_token: issued.refresh_token! })).status).toBe(400);
  });
});

describe("sandbox APIs", () => {
  async function bearer(provider: "garmin" | "whoop" | "fitbit") {
    if (provider === "garmin") {
      const verifier = "v".repeat(50);
      const { code } = await authorize("garmin", { code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256" });
      const body = (await (await tokenRequest("garmin", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri, code_verifier: verifier })).json()) as Record<string, string>;
      return body.access_token!;
    }
    if (provider === "fitbit") {
      const { code } = await authorize("fitbit", { scope: "activity" });
      return ((await (await tokenRequest("fitbit", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri }, "basic")).json()) as Record<string, string>).access_token!;
    }
    const { code } = await authorize("whoop", { scope: "read:workout" });
    return ((await (await tokenRequest("whoop", { grant_type: "authorization_code", code: code! })).json()) as Record<string, string>).access_token!;
  }

  it("enforces each provider's paging limits", async () => {
    const garmin = await bearer("garmin");
    const window = await fetch(`${sandbox.url}/garmin/wellness-api/rest/activities?uploadStartTimeInSeconds=0&uploadEndTimeInSeconds=90000`, { headers: { authorization: `Bearer ${garmin}` } });
    expect(window.status).toBe(400);
    const whoop = await bearer("whoop");
    expect((await fetch(`${sandbox.url}/whoop/developer/v2/activity/workout?limit=26`, { headers: { authorization: `Bearer ${whoop}` } })).status).toBe(400);
    const fitbit = await bearer("fitbit");
    const list = await fetch(`${sandbox.url}/fitbit/1/user/-/activities/list.json?afterDate=2020-01-01&limit=101`, { headers: { authorization: `Bearer ${fitbit}` } });
    expect(list.status).toBe(400);
    const page = await fetch(`${sandbox.url}/fitbit/1/user/-/activities/list.json?afterDate=2020-01-01&sort=asc&offset=0&limit=5`, { headers: { authorization: `Bearer ${fitbit}` } });
    expect(page.headers.get("fitbit-rate-limit-limit")).toBe("150");
    const text = await page.text();
    // logIds beyond 2^53 are bare JSON integers, as Fitbit sends them.
    expect(text).toMatch(/"logId":29070441124715682\d\d/);
    expect(JSON.parse(text).pagination.next).toContain("offset=5");
  });

  it("fails the next requests on command, with Retry-After, then recovers", async () => {
    const whoop = await bearer("whoop");
    await failNext(sandbox.url, { provider: "whoop", count: 1, status: 429, retryAfterSeconds: 7 });
    const limited = await fetch(`${sandbox.url}/whoop/developer/v2/activity/workout?limit=5`, { headers: { authorization: `Bearer ${whoop}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    const ok = await fetch(`${sandbox.url}/whoop/developer/v2/activity/workout?limit=5`, { headers: { authorization: `Bearer ${whoop}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  });

  it("keeps time: added workouts are served only in the window asked, in the order the API lists", async () => {
    const whoop = await bearer("whoop");
    const at = (iso: string, id: string) => ({ id, start: iso, end: new Date(Date.parse(iso) + 1800_000).toISOString(), sport_name: "running", score_state: "PENDING_SCORE" });
    await addActivities(sandbox.url, "whoop", [at("2016-03-01T07:00:00.000Z", "old-1"), at("2016-03-02T07:00:00.000Z", "old-2"), at("2016-05-01T07:00:00.000Z", "later")]);
    const list = async (start: string, end: string) => {
      const response = await fetch(`${sandbox.url}/whoop/developer/v2/activity/workout?limit=25&start=${start}&end=${end}`, { headers: { authorization: `Bearer ${whoop}` } });
      return ((await response.json()) as { records: { id: string }[] }).records.map((r) => r.id);
    };
    expect(await list("2016-03-01T00:00:00Z", "2016-04-01T00:00:00Z")).toEqual(["old-2", "old-1"]);
    expect(await list("2016-03-02T07:00:00Z", "2016-06-01T00:00:00Z")).toEqual(["later", "old-2"]);
    expect(await list("2016-06-01T00:00:00Z", "2016-07-01T00:00:00Z")).toEqual([]);

    // Garmin pulls by upload time: an old workout uploaded now (a watch synced at last) is served in
    // the window holding now, not in the one of its start.
    const garmin = await bearer("garmin");
    await addActivities(sandbox.url, "garmin", [{ summaryId: "g-old", activityType: "RUNNING", startTimeInSeconds: 1456815600, durationInSeconds: 1800 }], undefined, {
      uploadedNow: true,
    });
    const now = Math.floor(Date.now() / 1000);
    const pull = async (from: number, to: number) => {
      const response = await fetch(`${sandbox.url}/garmin/wellness-api/rest/activities?uploadStartTimeInSeconds=${from}&uploadEndTimeInSeconds=${to}`, { headers: { authorization: `Bearer ${garmin}` } });
      return ((await response.json()) as { summaryId: string }[]).map((a) => a.summaryId);
    };
    expect(await pull(now - 3600, now + 60)).toContain("g-old");
    expect(await pull(1456815600 - 3600, 1456815600 + 3600)).not.toContain("g-old");
  });

  it("mounts every provider at its definition's endpoints and refuses two routes on one path", async () => {
    expect(sandboxPath("strava", "apiBaseUrl")).toBe("/strava/api/v3");
    expect(sandboxPath("google", "tokenUrl")).toBe("/google/token");
    expect(sandboxPath("suunto", "apiBaseUrl")).toBe("/suunto");
    expect((await fetch(`${sandbox.url}${sandboxPath("oura", "authUrl")}`)).status).toBe(400);
  });

  it("rejects unknown control commands", async () => {
    const response = await fetch(`${sandbox.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "explode" }) });
    expect(response.status).toBe(400);
  });
});

describe("the providers that joined with Google Health", () => {
  const auth = (token: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } });

  it("Google: a refresh token only with access_type=offline; a refresh keeps it; revoking ends the grant", async () => {
    const online = await authorize("google", { scope: "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly" });
    const onlineBody = (await (await tokenRequest("google", { grant_type: "authorization_code", code: online.code!, redirect_uri: redirectUri })).json()) as Record<string, string>;
    expect(onlineBody.refresh_token).toBeUndefined();

    const offline = await authorize("google", { scope: "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly", access_type: "offline", prompt: "consent" });
    const issued = (await (await tokenRequest("google", { grant_type: "authorization_code", code: offline.code!, redirect_uri: redirectUri })).json()) as Record<string, string>;
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: 3599, refresh_token: expect.any(String) });
    const refreshed = (await (await tokenRequest("google", { grant_type: "refresh_token", refresh_token: issued.refresh_token! })).json()) as Record<string, string>;
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.access_token).not.toBe(issued.access_token);

    const identity = (await (await fetch(`${sandbox.url}/google/v4/users/me/identity`, auth(refreshed.access_token!))).json()) as Record<string, string>;
    expect(identity).toMatchObject({ healthUserId: expect.any(String), legacyUserId: expect.stringMatching(/^[0-9A-F]{6}$/) });
    const list = await fetch(`${sandbox.url}/google/v4/users/me/dataTypes/exercise/dataPoints?pageSize=100`, auth(refreshed.access_token!));
    const page = (await list.json()) as { dataPoints: { exercise: { interval: { startTime: string } } }[]; nextPageToken?: string };
    // At most 25 a page, newest first.
    expect(page.dataPoints.length).toBeLessThanOrEqual(25);
    const starts = page.dataPoints.map((p) => Date.parse(p.exercise.interval.startTime));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));

    const revoke = await fetch(`${sandbox.url}/google/revoke`, { method: "POST", body: new URLSearchParams({ token: issued.refresh_token! }) });
    expect(revoke.status).toBe(200);
    expect((await fetch(`${sandbox.url}/google/v4/users/me/identity`, auth(refreshed.access_token!))).status).toBe(401);
  });

  it("Oura: credentials in the form or in HTTP Basic; pages by next_token; revokes through the query string", async () => {
    const first = await authorize("oura", { scope: "workout" });
    expect((await tokenRequest("oura", { grant_type: "authorization_code", code: first.code!, redirect_uri: redirectUri }, "basic")).status).toBe(200);
    const second = await authorize("oura", { scope: "workout" });
    const body = (await (await tokenRequest("oura", { grant_type: "authorization_code", code: second.code!, redirect_uri: redirectUri })).json()) as Record<string, string>;
    const token = body.access_token!;
    let url: string | undefined = `${sandbox.url}/oura/v2/usercollection/workout?start_date=2000-01-01&end_date=2100-01-01`;
    const ids: string[] = [];
    while (url) {
      const page = (await (await fetch(url, auth(token))).json()) as { data: { id: string }[]; next_token: string | null };
      ids.push(...page.data.map((w) => w.id));
      url = page.next_token ? `${sandbox.url}/oura/v2/usercollection/workout?start_date=2000-01-01&end_date=2100-01-01&next_token=${page.next_token}` : undefined;
    }
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await fetch(`${sandbox.url}/oura/oauth/revoke?access_token=${token}`)).status).toBe(200);
    expect((await fetch(`${sandbox.url}/oura/v2/usercollection/personal_info`, auth(token))).status).toBe(401);
  });

  it("Oura: heart rate by time window, the workout's track in Oura's format, paged by next_token; 403 without the heartrate scope", async () => {
    const token = async (scope: string) => {
      const { code } = await authorize("oura", { scope });
      const body = (await (await tokenRequest("oura", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri })).json()) as Record<string, string>;
      return body.access_token!;
    };
    const both = await token("workout heartrate");
    const workouts = (await (await fetch(`${sandbox.url}/oura/v2/usercollection/workout?start_date=2000-01-01&end_date=2100-01-01`, auth(both))).json()) as {
      data: { start_datetime: string; end_datetime: string }[];
    };
    const workout = workouts.data.find((w) => Date.parse(w.end_datetime) - Date.parse(w.start_datetime) > 3000_000)!;
    const start = Date.parse(workout.start_datetime);
    const end = Date.parse(workout.end_datetime);
    const query = `start_datetime=${encodeURIComponent(new Date(start).toISOString())}&end_datetime=${encodeURIComponent(new Date(end).toISOString())}`;
    const pages: { data: { bpm: number; source: string; timestamp: string }[]; next_token: string | null }[] = [];
    let url: string | undefined = `${sandbox.url}/oura/v2/usercollection/heartrate?${query}`;
    while (url) {
      const page = (await (await fetch(url, auth(both))).json()) as (typeof pages)[number];
      pages.push(page);
      url = page.next_token ? `${sandbox.url}/oura/v2/usercollection/heartrate?${query}&next_token=${page.next_token}` : undefined;
    }
    // Over 50 minutes at one reading every 5 s: more than one page of 500.
    expect(pages.length).toBeGreaterThan(1);
    const readings = pages.flatMap((p) => p.data);
    expect(readings[0]).toEqual({ bpm: expect.any(Number), source: "workout", timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/) });
    const times = readings.map((r) => Date.parse(r.timestamp));
    expect(times[0]).toBe(start);
    expect(times.at(-1)).toBeLessThanOrEqual(end);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    for (const r of readings) expect(r.bpm).toBeGreaterThan(40);
    // The streams normalizer reads them back as one heart-rate series from the workout's start.
    const streams = normalizeOuraHeartRate(pages, { start, end })!;
    expect(streams.time.slice(0, 3)).toEqual([0, 5, 10]);
    expect(streams.heartRate).toEqual(readings.map((r) => r.bpm));

    expect((await fetch(`${sandbox.url}/oura/v2/usercollection/heartrate`, auth(both))).status).toBe(400);
    expect((await fetch(`${sandbox.url}/oura/v2/usercollection/heartrate?${query}&next_token=nonsense`, auth(both))).status).toBe(400);
    expect((await fetch(`${sandbox.url}/oura/v2/usercollection/heartrate?${query}`, auth(await token("workout")))).status).toBe(403);
    expect((await fetch(`${sandbox.url}/oura/v2/usercollection/heartrate?${query}`)).status).toBe(401);
  });

  it("Suunto: HTTP Basic only, the username in the token response, and no API answer without the subscription key", async () => {
    const { code } = await authorize("suunto");
    expect((await tokenRequest("suunto", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri }, "body")).status).toBe(401);
    const issued = (await (await tokenRequest("suunto", { grant_type: "authorization_code", code: code!, redirect_uri: redirectUri }, "basic")).json()) as Record<string, string>;
    expect(issued).toMatchObject({ user: expect.any(String), scope: "workout" });
    const claims = JSON.parse(Buffer.from(issued.access_token!.split(".")[1]!, "base64url").toString("utf8")) as Record<string, string>;
    expect(claims.user).toBe(issued.user);
    const list = `${sandbox.url}/suunto/v3/workouts/?since=0&limit=100&offset=0`;
    expect((await fetch(list, auth(issued.access_token!))).status).toBe(401);
    const key = { "ocp-apim-subscription-key": sandboxCredentials("suunto").settings.subscriptionKey! };
    expect((await fetch(list, auth(issued.access_token!, { "ocp-apim-subscription-key": "wrong" }))).status).toBe(401);
    const page = (await (await fetch(list, auth(issued.access_token!, key))).json()) as { error: unknown; payload: unknown[] };
    expect(page.error).toBeNull();
    expect(page.payload.length).toBeGreaterThan(0);
    expect((await fetch(`${sandbox.url}/suunto/v3/workouts/?limit=101`, auth(issued.access_token!, key))).status).toBe(400);
  });

  it("Wahoo: query-string credentials, at most 10 live tokens per user, the old token revoked once the refreshed one is used", async () => {
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await authorize("wahoo", { scope: "user_read workouts_read", athlete: "capped" })).code!);
    const tokens: Record<string, string>[] = [];
    for (const code of codes.slice(0, 10)) {
      const response = await tokenRequest("wahoo", { grant_type: "authorization_code", code, redirect_uri: redirectUri }, "query");
      expect(response.status).toBe(200);
      tokens.push((await response.json()) as Record<string, string>);
    }
    expect(tokens[0]).toMatchObject({ token_type: "Bearer", expires_in: 7199, user_id: expect.any(Number) });
    const eleventh = await tokenRequest("wahoo", { grant_type: "authorization_code", code: codes[10]!, redirect_uri: redirectUri }, "query");
    expect(await eleventh.json()).toMatchObject({ error_description: "Too many unrevoked access tokens exist for this app and user" });

    const old = tokens[0]!;
    const refreshed = (await (await tokenRequest("wahoo", { grant_type: "refresh_token", refresh_token: old.refresh_token! })).json()) as Record<string, string>;
    expect(refreshed.refresh_token).not.toBe(old.refresh_token);
    expect((await fetch(`${sandbox.url}/wahoo/v1/user`, auth(old.access_token!))).status).toBe(200);
    expect((await fetch(`${sandbox.url}/wahoo/v1/user`, auth(refreshed.access_token!))).status).toBe(200);
    expect((await fetch(`${sandbox.url}/wahoo/v1/user`, auth(old.access_token!))).status).toBe(401);

    const page = (await (await fetch(`${sandbox.url}/wahoo/v1/workouts?page=1&per_page=500`, auth(refreshed.access_token!))).json()) as { per_page: number; total: number };
    expect(page.per_page).toBe(100);
    const revoked = await fetch(`${sandbox.url}/wahoo/v1/permissions`, { method: "DELETE", ...auth(refreshed.access_token!) });
    expect(await revoked.json()).toEqual({ success: "Application has been revoked" });
  });
});
