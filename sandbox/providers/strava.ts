import { randomBytes } from "node:crypto";
import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import type { PushChange, PushRequest } from "../push";
import { bearerToken } from "../oauth";
import type { SandboxModule } from "../provider";
import type { SandboxState } from "../state";
import { summaryPolyline, trackOf } from "../streams";
import { within } from "../timeline";
import { deviceFor, idField, isoField, isoSeconds, localDateTime, servedList, type Keyed } from "./common";

const sportType = (r: Recording) =>
  ({ run: "Run", ride: r.indoor ? "VirtualRide" : "Ride", swim: "Swim", walk: "Walk", hike: "Hike", strength: "WeightTraining" })[r.sport];

export function summaryActivity(r: Recording, position: number, athleteId: number) {
  const moving = r.movingSeconds;
  return {
    resource_state: 2,
    athlete: { id: athleteId, resource_state: 1 },
    name: r.name,
    distance: r.distanceMeters ?? 0,
    moving_time: moving,
    elapsed_time: r.elapsedSeconds,
    total_elevation_gain: r.elevationGainMeters ?? 0,
    type: sportType(r) === "VirtualRide" ? "VirtualRide" : sportType(r),
    sport_type: sportType(r),
    workout_type: null,
    id: 12_000_000_000 + position,
    external_id: r.garminActivityId ? `garmin_push_${r.garminActivityId}` : `strava-app-${position}.fit`,
    upload_id: 13_000_000_000 + position,
    start_date: isoSeconds(r.startMs),
    // Strava writes local wall-clock time with a "Z" too.
    start_date_local: `${localDateTime(r.startMs, r.utcOffsetMinutes)}Z`,
    timezone: `(GMT${r.utcOffsetMinutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(r.utcOffsetMinutes) / 60)).padStart(2, "0")}:${String(Math.abs(r.utcOffsetMinutes) % 60).padStart(2, "0")}) Etc/Sandbox`,
    utc_offset: r.utcOffsetMinutes * 60,
    start_latlng: null,
    end_latlng: null,
    map: { id: `a${12_000_000_000 + position}`, summary_polyline: summaryPolyline(r), resource_state: 2 },
    device_name: r.garminActivityId ? `Garmin ${deviceFor(r.sport)}` : "Strava iPhone App",
    trainer: r.indoor,
    commute: false,
    manual: false,
    private: false,
    average_speed: r.distanceMeters ? Math.round((r.distanceMeters / moving) * 1000) / 1000 : 0,
    has_heartrate: true,
    average_heartrate: r.averageHeartRate,
    max_heartrate: r.maxHeartRate,
    ...(r.sport === "ride" ? { kilojoules: Math.round(r.calories * 0.95), device_watts: true } : {}),
  };
}

/** Strava counts requests per application in a 15-minute window (on the quarter hour) and a day. */
function rateLimitHeaders(state: SandboxState): Record<string, string> {
  if (state.unlimitedRates) return {};
  const quarter = Math.floor(Date.now() / 900_000);
  if (state.stravaUsage.windowStart !== quarter) state.stravaUsage = { ...state.stravaUsage, windowStart: quarter, short: 0 };
  state.stravaUsage.short += 1;
  state.stravaUsage.daily += 1;
  const usage = `${state.stravaUsage.short},${state.stravaUsage.daily}`;
  return { "X-RateLimit-Limit": "200,2000", "X-RateLimit-Usage": usage, "X-ReadRateLimit-Limit": "100,1000", "X-ReadRateLimit-Usage": usage };
}

const unauthorized = () => json({ message: "Authorization Error", errors: [{ resource: "Athlete", field: "access_token", code: "invalid" }] }, 401);

export const sandbox: SandboxModule = {
  register(strava) {
    const { state } = strava;
    let nextAthleteId = 134815;
    strava.oauth({
      redirectUriAtToken: "if-sent",
      lifetimeSeconds: 21600,
      // "The refresh token may change": the sandbox always rotates it.
      rotatesRefresh: true,
      issuesRefresh: () => true,
      echoScopes: true,
      makeAthleteId: () => String(nextAthleteId++),
      tokenBody: (issued) => ({
        token_type: "Bearer",
        expires_at: Math.floor(Date.now() / 1000) + issued.expiresIn,
        expires_in: issued.expiresIn,
        refresh_token: issued.refreshToken,
        access_token: issued.accessToken,
        ...(issued.grant === "authorization_code"
          ? { athlete: { id: Number(issued.athlete.id), username: issued.athlete.name, resource_state: 2, firstname: issued.athlete.name, lastname: "Sandbox" } }
          : {}),
      }),
      error: (kind, description) =>
        json(
          { message: kind === "invalid_client" ? "Bad Request" : "Bad Request", errors: [{ resource: kind === "invalid_client" ? "Application" : "AuthorizationCode", field: kind === "invalid_client" ? "client_id" : "code", code: "invalid", description }] },
          kind === "invalid_client" ? 401 : 400,
        ),
    });

    const timeline = strava.timeline({ id: idField("id"), startMs: isoField("start_date") });
    const lists = new Map<number, () => Keyed[]>();
    const listFor = (athleteId: number, owner: string) => {
      let list = lists.get(athleteId);
      if (!list) {
        list = servedList(
          () => strava.recordings().map((r, position) => ({ key: r.startMs, item: summaryActivity(r, position, athleteId) })),
          timeline,
          (entry) => entry.startMs,
          owner,
        );
        lists.set(athleteId, list);
      }
      return list();
    };

    const athleteOf = (req: SandboxRequest) => strava.athleteOf(req);

    strava.api("GET", "athlete", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      return json({ id: Number(athlete.id), username: athlete.name, resource_state: 2, firstname: athlete.name, lastname: "Sandbox" }, 200, rateLimitHeaders(state));
    });

    strava.api("GET", "athlete/activities", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const q = req.url.searchParams;
      const after = q.has("after") ? Number(q.get("after")) * 1000 : -Infinity;
      const before = q.has("before") ? Number(q.get("before")) * 1000 : Infinity;
      const perPage = Math.min(200, Math.max(1, Number(q.get("per_page") ?? 30)));
      const page = Math.max(1, Number(q.get("page") ?? 1));
      const matching = within(listFor(Number(athlete.id), athlete.name), (e) => e.key, { from: after, fromInclusive: false, to: before, toInclusive: false });
      // With `after` Strava lists oldest first; otherwise newest first.
      const ordered = q.has("after") ? matching : [...matching].reverse();
      return json(
        ordered.slice((page - 1) * perPage, page * perPage).map((e) => e.item),
        200,
        rateLimitHeaders(state),
      );
    });

    /** `key_by_type=true`: one object per stream type asked for in `keys`, each index-aligned with `time`. */
    strava.api("GET", "activities/:id/streams", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const position = Number(req.params.id) - 12_000_000_000;
      const r = strava.recordings()[position];
      if (!r) return json({ message: "Record Not Found", errors: [{ resource: "Activity", field: "id", code: "invalid" }] }, 404, rateLimitHeaders(state));
      const track = trackOf(r);
      const keys = (req.url.searchParams.get("keys") ?? "time").split(",");
      const series: Record<string, unknown[]> = {
        time: track.map((s) => s.t),
        latlng: track.some((s) => s.lat !== undefined) ? track.map((s) => [s.lat, s.lng]) : [],
        distance: track.map((s) => s.distance ?? 0),
        altitude: track.some((s) => s.altitude !== undefined) ? track.map((s) => s.altitude) : [],
        velocity_smooth: track.some((s) => s.speed !== undefined) ? track.map((s) => s.speed) : [],
        heartrate: track.map((s) => s.heartRate),
        cadence: track.some((s) => s.cadence !== undefined) ? track.map((s) => s.cadence) : [],
        watts: track.some((s) => s.power !== undefined) ? track.map((s) => s.power) : [],
      };
      const body: Record<string, unknown> = {};
      for (const key of new Set(["time", ...keys])) {
        const data = series[key];
        if (data && data.length > 0) body[key] = { data, series_type: "distance", original_size: data.length, resolution: "high" };
      }
      return json(body, 200, rateLimitHeaders(state));
    });

    /** One activity, as GET /activities/{id} answers (the summary's fields serve as the detail here). */
    strava.api("GET", "activities/:id", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const found = listFor(Number(athlete.id), athlete.name).find((e) => String((e.item as { id?: unknown }).id) === req.params.id);
      if (!found) return json({ message: "Record Not Found", errors: [{ resource: "Activity", field: "id", code: "invalid" }] }, 404, rateLimitHeaders(state));
      return json(found.item, 200, rateLimitHeaders(state));
    });

    /**
     * The app's push subscription (one per application): created with the client's credentials after
     * Strava GETs the callback with a `hub.challenge` that must come back; viewed and deleted likewise.
     * It is the app's setting at Strava, so a control reset keeps it.
     */
    let subscription: { id: number; callbackUrl: string; createdAt: string } | undefined;
    let nextSubscriptionId = 120475;
    const appCredentials = (params: Record<string, unknown>) =>
      String(params.client_id ?? "") === strava.credentials.clientId && String(params.client_secret ?? "") === strava.credentials.clientSecret;
    const badRequest = (field: string, code: string) => json({ message: "Bad Request", errors: [{ resource: "PushSubscription", field, code }] }, 400);
    const paramsOf = (req: SandboxRequest) => ({ ...Object.fromEntries(req.url.searchParams), ...req.body });

    strava.api("POST", "push_subscriptions", async (req) => {
      const params = paramsOf(req);
      if (!appCredentials(params)) return json({ message: "Authorization Error", errors: [{ resource: "Application", field: "client_id", code: "invalid" }] }, 401);
      if (subscription) return badRequest("", "already exists");
      const callbackUrl = String(params.callback_url ?? "");
      if (!/^https?:\/\//.test(callbackUrl)) return badRequest("callback_url", "invalid");
      const challenge = randomBytes(8).toString("hex");
      const check = new URL(callbackUrl);
      check.searchParams.set("hub.mode", "subscribe");
      check.searchParams.set("hub.challenge", challenge);
      check.searchParams.set("hub.verify_token", String(params.verify_token ?? ""));
      let echoed: unknown;
      try {
        const answer = await fetch(check, { signal: AbortSignal.timeout(2_000) });
        echoed = answer.ok ? ((await answer.json()) as Record<string, unknown>)["hub.challenge"] : undefined;
      } catch {
        echoed = undefined;
      }
      if (echoed !== challenge) return badRequest("callback url", "GET to callback URL does not return 200");
      subscription = { id: nextSubscriptionId++, callbackUrl, createdAt: new Date().toISOString() };
      return json({ id: subscription.id }, 201);
    });

    strava.api("GET", "push_subscriptions", (req) => {
      if (!appCredentials(paramsOf(req))) return json({ message: "Authorization Error", errors: [{ resource: "Application", field: "client_id", code: "invalid" }] }, 401);
      const { clientId } = strava.credentials;
      return json(subscription ? [{ id: subscription.id, resource_state: 2, application_id: clientId, callback_url: subscription.callbackUrl, created_at: subscription.createdAt, updated_at: subscription.createdAt }] : []);
    });

    strava.api("DELETE", "push_subscriptions/:id", (req) => {
      if (!appCredentials(paramsOf(req))) return json({ message: "Authorization Error", errors: [{ resource: "Application", field: "client_id", code: "invalid" }] }, 401);
      if (!subscription || String(subscription.id) !== req.params.id) return json({ message: "Resource Not Found" }, 404);
      subscription = undefined;
      return { status: 204 };
    });

    /**
     * Events name the object and what happened; an athlete's withdrawal is an `athlete` update with
     * `authorized: "false"`. Without a subscription made through the API (the demo), they go to the
     * app's default URL with the docs' example subscription id.
     */
    strava.push({
      announces: ["created", "updated", "deleted", "deauthorized"],
      item: (r, account) => summaryActivity(r, r.index, Number(account.athlete.id)),
      edited: (item) => ({ ...(item as object), name: `${String((item as { name?: unknown }).name ?? "Activity")} (edited)` }),
      deliveries(change: PushChange, { forged }): PushRequest[] {
        const subscriptionId = (subscription?.id ?? 120475) + (forged ? 1 : 0);
        const owner = Number(change.account.athlete.id);
        const body =
          change.kind === "deauthorized"
            ? { aspect_type: "update", event_time: Math.floor(Date.now() / 1000), object_id: owner, object_type: "athlete", owner_id: owner, subscription_id: subscriptionId, updates: { authorized: "false" } }
            : {
                aspect_type: { created: "create", updated: "update", deleted: "delete" }[change.kind],
                event_time: Math.floor(Date.now() / 1000),
                object_id: Number(change.entry.id),
                object_type: "activity",
                owner_id: owner,
                subscription_id: subscriptionId,
                updates: change.kind === "updated" ? { title: String((change.entry.item as { name?: unknown }).name ?? "") } : {},
              };
        return [{ url: subscription?.callbackUrl, headers: {}, body: JSON.stringify(body) }];
      },
    });

    strava.at("revokeUrl", "POST", "api", (req) => {
      const token = state.validAccessToken("strava", bearerToken(req) ?? String(req.body.access_token ?? ""));
      if (!token) return unauthorized();
      state.revokeAthlete("strava", token.athleteKey);
      return json({ access_token: bearerToken(req) ?? req.body.access_token });
    });
  },
};
