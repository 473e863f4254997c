import { randomBytes } from "node:crypto";
import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import { bearerToken } from "../oauth";
import type { SandboxModule } from "../provider";
import { forgedKey, hmacHex } from "../push";
import { within } from "../timeline";
import { field, idField, rfcError, servedList, uuidFrom, type Keyed } from "./common";

/**
 * Suunto's cloud API as the shared suunto.md describes it: HTTP Basic at the token endpoint (the
 * parameters may come in the query string), a JWT access token and a token response naming the
 * username, an API gateway that wants the partner's subscription key on every call, `/v3/workouts/`
 * paged by offset (at most 100), and a deauthorize GET with the user's token and our client id.
 */

const activityIdOf = (r: Recording) => ({ run: r.indoor ? 53 : 1, ride: r.indoor ? 52 : 2, swim: 21, walk: 0, hike: 11, strength: 23 })[r.sport];

/** A v3 workout: epoch milliseconds, seconds and metres as floats, the workout's own heart-rate figures. */
export function workout(r: Recording) {
  return {
    workoutId: 0,
    workoutKey: uuidFrom(`suunto:${r.index}:${r.startMs}`).replace(/-/g, "").slice(0, 24),
    activityId: activityIdOf(r),
    startTime: r.startMs,
    stopTime: r.startMs + r.elapsedSeconds * 1000,
    totalTime: r.elapsedSeconds + 0.25,
    totalDistance: r.distanceMeters ?? 0,
    totalAscent: r.elevationGainMeters ?? 0,
    totalDescent: r.elevationGainMeters ?? 0,
    timeOffsetInMinutes: r.utcOffsetMinutes,
    stepCount: r.sport === "run" || r.sport === "walk" || r.sport === "hike" ? Math.round((r.distanceMeters ?? 0) * 1.3) : 0,
    energyConsumption: r.calories,
    hrdata: { workoutMaxHR: r.maxHeartRate, workoutAvgHR: r.averageHeartRate, userMaxHR: 192, hrmax: r.maxHeartRate, avg: r.averageHeartRate, max: 192 },
    gear: { manufacturer: "Suunto", name: "Suunto Race", displayName: "Suunto Race", serialNumber: "2140SANDBOX", swVersion: "2.33.18" },
    isEdited: false,
    isManuallyAdded: false,
    extensionTypes: ["HEARTRATE", "SUMMARY", ...(r.distanceMeters ? ["LOCATIONSTREAM"] : [])],
  };
}

const envelope = (payload: unknown) => json({ error: null, metadata: { ts: String(Date.now()) }, payload });
const failure = (status: number, code: string, description: string) => json({ error: { code, description }, metadata: {}, payload: null }, status);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export const sandbox: SandboxModule = {
  // A sport watch: what it records it records exactly.
  recordings: { share: 0.25, drift: "exact" },

  register(suunto) {
    const { state, credentials } = suunto;
    let nextUser = 1;
    suunto.oauth({
      paramsInQuery: true,
      redirectUriAtToken: "if-sent",
      lifetimeSeconds: 86_400,
      rotatesRefresh: true,
      issuesRefresh: () => true,
      makeAthleteId: () => `sandboxuser${nextUser++}`,
      // The access token is a JWT whose claims name the user (read, not verified, by clients).
      makeAccessToken: (athlete, opaque) =>
        `${base64url({ alg: "RS256", typ: "JWT" })}.${base64url({ sub: athlete.id, user: athlete.id, scope: ["workout"], jti: opaque, exp: Math.floor(Date.now() / 1000) + 86_400 })}.${randomBytes(16).toString("base64url")}`,
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        token_type: "bearer",
        refresh_token: issued.refreshToken,
        expires_in: issued.expiresIn,
        scope: "workout",
        // A refresh answer leaves the username out.
        ...(issued.grant === "authorization_code" ? { user: issued.athlete.id } : {}),
        jti: randomBytes(8).toString("hex"),
        uk: randomBytes(8).toString("hex"),
        ukv: "1",
      }),
      error: rfcError(),
    });

    /** Azure API Management stands in front of the API: no valid subscription key, no answer. */
    const gateway = (req: SandboxRequest) => {
      const key = req.headers["ocp-apim-subscription-key"];
      if (!key) return json({ statusCode: 401, message: "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }, 401);
      if (key !== credentials.settings.subscriptionKey) {
        return json({ statusCode: 401, message: "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription." }, 401);
      }
      return undefined;
    };

    const timeline = suunto.timeline({ id: idField("workoutKey"), startMs: (item) => (typeof field(item, "startTime") === "number" ? (field(item, "startTime") as number) : null) });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (username: string, owner: string) => {
      let list = lists.get(username);
      if (!list) {
        list = servedList(() => suunto.recordings().map((r) => ({ key: r.startMs, item: workout(r) })), timeline, (e) => e.startMs, owner);
        lists.set(username, list);
      }
      return list();
    };

    /** When a workout last changed: the dataset's upload time, or when it was added through the control API. */
    const uploads = new Map<unknown, number>();
    const uploadOf = (entry: Keyed) => {
      if (!uploads.size) for (const r of suunto.recordings()) uploads.set(workout(r).workoutKey, r.uploadMs);
      const key = field(entry.item, "workoutKey");
      return uploads.get(key) ?? timeline.get(String(key))?.uploadMs ?? entry.key;
    };

    suunto.api("GET", "v3/workouts/", (req) => {
      const refused = gateway(req);
      if (refused) return refused;
      const athlete = suunto.athleteOf(req);
      if (!athlete) return failure(401, "401", "Invalid or expired access token.");
      const q = req.url.searchParams;
      const since = Number(q.get("since") ?? 0);
      const limit = Number(q.get("limit") ?? 100);
      const offset = Number(q.get("offset") ?? 0);
      if (!Number.isFinite(since) || !Number.isInteger(offset) || offset < 0) return failure(400, "400", "since and offset must be numbers.");
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return failure(400, "400", "limit must be between 1 and 100.");
      const byModification = q.get("filter-by-modification-time") === "true";
      const list = listFor(athlete.id, athlete.name);
      // `since` filters on the start time, or on the last change when asked to.
      const matching = byModification ? list.filter((e) => uploadOf(e) >= since) : within(list, (e) => e.key, { from: since });
      return envelope(matching.slice(offset, offset + limit).map((e) => e.item));
    });

    suunto.api("GET", "v3/workouts/:key", (req) => {
      const refused = gateway(req);
      if (refused) return refused;
      const athlete = suunto.athleteOf(req);
      if (!athlete) return failure(401, "401", "Invalid or expired access token.");
      const found = listFor(athlete.id, athlete.name).find((e) => field(e.item, "workoutKey") === req.params.key);
      return found ? envelope(found.item) : failure(404, "404", "Workout not found.");
    });

    /**
     * WORKOUT_CREATED names the user and includes the workout as the watch just uploaded it (no stop
     * time yet); signed with the notification secret, hex HMAC-SHA256 of the body.
     */
    const notificationSecret = credentials.settings.webhookSecret!;
    suunto.push({
      announces: ["created"],
      item: (r) => workout(r),
      deliveries(change, { forged }) {
        if (change.kind !== "created") return [];
        const fresh = { ...(change.entry.item as Record<string, unknown>) };
        delete fresh.stopTime;
        const body = JSON.stringify({ type: "WORKOUT_CREATED", username: change.account.athlete.id, workout: fresh });
        return [{ headers: { "X-HMAC-SHA256-Signature": hmacHex(forged ? forgedKey(notificationSecret) : notificationSecret, body) }, body }];
      },
    });

    suunto.at("revokeUrl", "GET", "api", (req) => {
      const record = state.validAccessToken(suunto.id, bearerToken(req));
      if (!record) return json({ error: "invalid_token", error_description: "Invalid access token" }, 401);
      if (req.url.searchParams.get("client_id") !== credentials.clientId) return json({ error: "invalid_request", error_description: "Unknown client_id" }, 400);
      state.revokeAthlete(suunto.id, record.athleteKey);
      return { status: 200 };
    });
  },
};
