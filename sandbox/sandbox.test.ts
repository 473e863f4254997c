import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addActivities, failNext, reset, setTokenLifetime } from "./control-client";
import { sandboxCredentials, sandboxPaths } from "./env";
import { startSandbox, type Sandbox } from "./server";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => reset(sandbox.url));

const redirectUri = "http://127.0.0.1:3000/api/providers/x/callback";

/** Authorize as a browser would: consent page, then the form's Authorize button. */
async function authorize(provider: "strava" | "garmin" | "fitbit" | "whoop" | "coros" | "polar", extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: sandboxCredentials[provider].clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    state: "state-12345",
    ...extra,
  });
  const url = `${sandbox.url}${sandboxPaths[provider].auth}`;
  const page = await fetch(`${url}?${params}`);
  if (page.status !== 200) return { status: page.status, code: undefined };
  params.set("decision", "authorize");
  const answer = await fetch(url, { method: "POST", body: params, redirect: "manual" });
  return { status: answer.status, code: new URL(answer.headers.get("location")!).searchParams.get("code")! };
}

function tokenRequest(provider: keyof typeof sandboxPaths, form: Record<string, string>, auth: "basic" | "body" | "wrong" = "body") {
  const { clientId, clientSecret } = sandboxCredentials[provider];
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
  return fetch(`${sandbox.url}${sandboxPaths[provider].token}`, { method: "POST", headers, body });
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

  it("rejects unknown control commands", async () => {
    const response = await fetch(`${sandbox.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "explode" }) });
    expect(response.status).toBe(400);
  });
});
