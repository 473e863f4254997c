import { randomUUID } from "node:crypto";
import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import { bearerToken } from "../oauth";
import type { SandboxModule } from "../provider";
import { forgedKey, hmacHex } from "../push";
import { trackOf } from "../streams";
import { endOf, field, idField, isoField, offsetText, localDateTime, rfcError, servedList, uuidFrom, type Keyed } from "./common";

/**
 * Oura API v2 as the shared oura.md describes it: client credentials in the form body or HTTP
 * Basic, single-use refresh tokens, personal_info for the user id, workouts filtered by local
 * `day` and paged by `next_token` at a size the server picks, heart rate by time window (the
 * workouts' streams), and a revoke URL taking the access token in the query string.
 */

const activityOf = (r: Recording) => ({ run: "running", ride: r.indoor ? "indoor_cycling" : "cycling", swim: "swimming", walk: "walking", hike: "hiking", strength: "strength_training" })[r.sport];

/** LocalizedDateTime: the instant written in the workout's own offset. */
const localized = (ms: number, offsetMinutes: number) => `${localDateTime(ms, offsetMinutes)}${offsetText(offsetMinutes)}`;

/** A PublicWorkout. The ring detects most workouts; longer ones were confirmed by their owner. */
export function publicWorkout(r: Recording) {
  return {
    id: uuidFrom(`oura:${r.index}:${r.startMs}`),
    activity: activityOf(r),
    calories: r.calories + 0.4,
    day: localDateTime(r.startMs, r.utcOffsetMinutes).slice(0, 10),
    distance: r.distanceMeters,
    end_datetime: localized(endOf(r), r.utcOffsetMinutes),
    intensity: r.averageHeartRate > 140 ? "hard" : r.averageHeartRate > 115 ? "moderate" : "easy",
    label: null,
    source: r.elapsedSeconds > 3600 ? "confirmed" : "autodetected",
    start_datetime: localized(r.startMs, r.utcOffsetMinutes),
  };
}

/** The server decides the page sizes. */
const PAGE_SIZE = 10;
const HEART_RATE_PAGE_SIZE = 500;

/** `start_date`/`end_date`: a date or a date-time; workouts are filtered by their `day`. */
const dayOf = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);

export const sandbox: SandboxModule = {
  // A ring: it detects a share of the workouts, a minute or so off, with figures a few percent off.
  recordings: { share: 0.3, drift: "strap" },

  register(oura) {
    const { state } = oura;
    oura.oauth({
      // The docs show form credentials; HTTP Basic works too.
      clientAuth: "either",
      redirectUriAtToken: "required",
      lifetimeSeconds: 86_400,
      rotatesRefresh: true,
      issuesRefresh: () => true,
      makeAthleteId: () => randomUUID(),
      tokenBody: (issued) => ({ token_type: "bearer", access_token: issued.accessToken, expires_in: issued.expiresIn, refresh_token: issued.refreshToken }),
      error: rfcError(),
    });

    const unauthorized = () => json({ detail: "Invalid or expired access token." }, 401);
    const tokenOf = (req: SandboxRequest) => {
      const record = state.validAccessToken(oura.id, bearerToken(req));
      const athlete = record && state.athletes.get(record.athleteKey);
      return athlete ? { athlete, scopes: record.scopes } : undefined;
    };

    // Any token reads the user's id.
    oura.api("GET", "v2/usercollection/personal_info", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthorized();
      return json({ id: token.athlete.id, age: 34, weight: 61.5, height: 1.68, biological_sex: "female", email: `${token.athlete.name}@sandbox.test` });
    });

    const timeline = oura.timeline({ id: idField("id"), startMs: isoField("start_datetime") });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (userId: string, owner: string) => {
      let list = lists.get(userId);
      if (!list) {
        list = servedList(() => oura.recordings().map((r) => ({ key: r.startMs, item: publicWorkout(r) })), timeline, (e) => e.startMs, owner);
        lists.set(userId, list);
      }
      return list();
    };

    /**
     * Heart rate by time window: the workouts' tracks (a reading every 5 s, `source: "workout"`,
     * timestamps in UTC as Oura writes them), readings from `start_datetime` through
     * `end_datetime`, paged by an opaque `next_token`.
     */
    oura.api("GET", "v2/usercollection/heartrate", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthorized();
      if (token.scopes.length > 0 && !token.scopes.includes("heartrate")) return json({ detail: "The heartrate scope was not granted." }, 403);
      const q = req.url.searchParams;
      const from = Date.parse(q.get("start_datetime") ?? "");
      const to = Date.parse(q.get("end_datetime") ?? "");
      if (Number.isNaN(from) || Number.isNaN(to)) return json({ detail: "start_datetime and end_datetime must be date-times." }, 400);
      const offset = q.get("next_token") ? Number(Buffer.from(q.get("next_token")!, "base64url").toString("utf8")) : 0;
      if (!Number.isInteger(offset) || offset < 0) return json({ detail: "Invalid next_token." }, 400);
      const readings = oura
        .recordings()
        .filter((r) => r.startMs <= to && endOf(r) >= from)
        .flatMap((r) => trackOf(r).map((s) => ({ at: r.startMs + s.t * 1000, bpm: s.heartRate })))
        .filter((x): x is { at: number; bpm: number } => x.at >= from && x.at <= to && typeof x.bpm === "number")
        .map((x) => ({ bpm: Math.round(x.bpm), source: "workout", timestamp: new Date(x.at).toISOString().replace(/\.\d{3}Z$/, "+00:00") }));
      const more = offset + HEART_RATE_PAGE_SIZE < readings.length;
      return json({
        data: readings.slice(offset, offset + HEART_RATE_PAGE_SIZE),
        next_token: more ? Buffer.from(String(offset + HEART_RATE_PAGE_SIZE)).toString("base64url") : null,
      });
    });

    oura.api("GET", "v2/usercollection/workout", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthorized();
      // A person can untick a scope on the consent page; omitting `scope` granted them all.
      if (token.scopes.length > 0 && !token.scopes.includes("workout")) return json({ detail: "The workout scope was not granted." }, 403);
      const q = req.url.searchParams;
      const from = dayOf(q.get("start_date"));
      const to = dayOf(q.get("end_date"));
      if (q.has("start_date") && !from) return json({ detail: "start_date must be a date or a date-time." }, 400);
      if (q.has("end_date") && !to) return json({ detail: "end_date must be a date or a date-time." }, 400);
      const all = listFor(token.athlete.id, token.athlete.name)
        .map((e) => e.item)
        .filter((item) => {
          const day = field(item, "day");
          if (typeof day !== "string") return true;
          // Whether end_date is inclusive is not documented: the sandbox takes the stricter reading.
          return (!from || day >= from) && (!to || day < to);
        });
      const offset = q.get("next_token") ? Number(Buffer.from(q.get("next_token")!, "base64url").toString("utf8")) : 0;
      if (!Number.isInteger(offset) || offset < 0) return json({ detail: "Invalid next_token." }, 400);
      const more = offset + PAGE_SIZE < all.length;
      return json({ data: all.slice(offset, offset + PAGE_SIZE), next_token: more ? Buffer.from(String(offset + PAGE_SIZE)).toString("base64url") : null });
    });

    oura.api("GET", "v2/usercollection/workout/:id", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthorized();
      const found = listFor(token.athlete.id, token.athlete.name).find((e) => (e.item as { id?: unknown }).id === req.params.id);
      return found ? json(found.item) : json({ detail: "Document not found." }, 404);
    });

    /**
     * Webhook subscriptions, one per event type and data type, made with the client's id and secret
     * in headers. Before answering, Oura GETs the callback with the verification token and a
     * challenge, which must come back. They are the app's settings at Oura: a control reset keeps them.
     */
    const subscriptions = new Map<string, { id: string; callback_url: string; event_type: string; data_type: string; expiration_time: string }>();
    const clientAuthorized = (req: SandboxRequest) => req.headers["x-client-id"] === oura.credentials.clientId && req.headers["x-client-secret"] === oura.credentials.clientSecret;
    const subscriptionBody = (req: SandboxRequest) => ({
      callback_url: String(req.body.callback_url ?? ""),
      verification_token: String(req.body.verification_token ?? ""),
      event_type: String(req.body.event_type ?? ""),
      data_type: String(req.body.data_type ?? ""),
    });
    const verified = async (callbackUrl: string, token: string) => {
      if (!/^https?:\/\//.test(callbackUrl)) return false;
      const challenge = randomUUID();
      const check = new URL(callbackUrl);
      check.searchParams.set("verification_token", token);
      check.searchParams.set("challenge", challenge);
      const answer = await fetch(check, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
      return answer?.ok === true && ((await answer.json().catch(() => ({}))) as { challenge?: unknown }).challenge === challenge;
    };
    const save = async (req: SandboxRequest, id: string) => {
      const body = subscriptionBody(req);
      if (!["create", "update", "delete"].includes(body.event_type) || !body.data_type) return json({ detail: "event_type and data_type are required." }, 422);
      if (!(await verified(body.callback_url, body.verification_token))) return json({ detail: "The callback URL did not answer the verification challenge." }, 400);
      const saved = { id, callback_url: body.callback_url, event_type: body.event_type, data_type: body.data_type, expiration_time: new Date(Date.now() + 90 * 86_400_000).toISOString() };
      subscriptions.set(id, saved);
      return json(saved, 201);
    };
    oura.api("GET", "v2/webhook/subscription", (req) => (clientAuthorized(req) ? json([...subscriptions.values()]) : json({ detail: "Invalid client credentials." }, 401)));
    oura.api("POST", "v2/webhook/subscription", (req) => (clientAuthorized(req) ? save(req, randomUUID()) : json({ detail: "Invalid client credentials." }, 401)));
    oura.api("PUT", "v2/webhook/subscription/:id", (req) => {
      if (!clientAuthorized(req)) return json({ detail: "Invalid client credentials." }, 401);
      return subscriptions.has(req.params.id!) ? save(req, req.params.id!) : json({ detail: "Subscription not found." }, 404);
    });

    /**
     * Events name the changed workout document; each is signed with the client secret: upper-case
     * hex HMAC-SHA256 of the x-oura-timestamp value followed by the body.
     */
    oura.push({
      announces: ["created", "updated", "deleted"],
      item: (r) => publicWorkout(r),
      // An auto-detected workout its owner confirmed, with the activity they chose.
      edited: (item) => ({ ...(item as object), source: "confirmed", label: "Confirmed run" }),
      deliveries(change, { forged }) {
        if (change.kind === "deauthorized") return [];
        const eventType = { created: "create", updated: "update", deleted: "delete" }[change.kind];
        const body = JSON.stringify({ event_type: eventType, data_type: "workout", object_id: change.entry.id, event_time: new Date().toISOString(), user_id: change.account.athlete.id });
        const timestamp = String(Math.floor(Date.now() / 1000));
        const secret = forged ? forgedKey(oura.credentials.clientSecret) : oura.credentials.clientSecret;
        const subscription = [...subscriptions.values()].find((s) => s.data_type === "workout" && s.event_type === eventType);
        return [{ url: subscription?.callback_url, headers: { "x-oura-timestamp": timestamp, "x-oura-signature": hmacHex(secret, timestamp + body).toUpperCase() }, body }];
      },
    });

    // Not RFC 7009: the access token in the query string; documented as GET, sent as POST by some.
    for (const method of ["GET", "POST"]) {
      oura.at("revokeUrl", method, "api", (req) => {
        const record = state.validAccessToken(oura.id, req.url.searchParams.get("access_token") ?? undefined);
        if (!record) return json({ detail: "Invalid token." }, 400);
        state.revokeAthlete(oura.id, record.athleteKey);
        return json({});
      });
    }
  },
};
