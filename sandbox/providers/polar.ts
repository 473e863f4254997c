import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import type { SandboxModule } from "../provider";
import { forgedKey, hmacHex } from "../push";
import type { SandboxState } from "../state";
import { idField, isoField, localDateTime, rfcError, servedList, type Keyed } from "./common";
import { within } from "../timeline";
import { trackOf } from "../streams";

const RECORDING_RATE = 5;

/** `samples=true&route=true`: each sample type a comma-separated string, the route with ISO-duration offsets. */
function samplesAndRoute(r: Recording) {
  const track = trackOf(r).filter((s) => s.t % RECORDING_RATE === 0);
  const series = (type: string, value: (s: (typeof track)[number]) => number | undefined) => {
    if (!track.some((s) => value(s) !== undefined)) return [];
    return [{ "recording-rate": RECORDING_RATE, "sample-type": type, data: track.map((s) => (value(s) === undefined ? "" : String(value(s)))).join(",") }];
  };
  return {
    samples: [
      ...series("0", (s) => s.heartRate ?? undefined),
      ...series("1", (s) => (s.speed === undefined || s.speed === null ? undefined : Math.round(s.speed * 3.6 * 10) / 10)),
      ...series("3", (s) => s.altitude ?? undefined),
      ...series(r.sport === "ride" ? "2" : "8", (s) => s.cadence ?? undefined),
      ...series("4", (s) => s.power ?? undefined),
      ...series("10", (s) => (s.distance === undefined || s.distance === null ? undefined : Math.round(s.distance))),
    ],
    route: track.filter((s) => s.lat !== undefined).map((s) => ({ latitude: s.lat, longitude: s.lng, time: `PT${s.t}S`, satellites: 9, fix: 1 })),
  };
}

const sports = (r: Recording): [string, string] =>
  ({
    run: ["RUNNING", r.indoor ? "TREADMILL_RUNNING" : "RUNNING_ROAD"],
    ride: ["CYCLING", r.indoor ? "INDOOR_CYCLING" : "CYCLING_ROAD"],
    swim: ["SWIMMING", "POOL_SWIMMING"],
    walk: ["WALKING", "WALKING"],
    hike: ["HIKING", "HIKING"],
    strength: ["OTHER", "STRENGTH_TRAINING"],
  } as Record<string, [string, string]>)[r.sport]!;

function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

export function exercise(r: Recording, position: number, userId: string) {
  const [sport, detailed] = sports(r);
  return {
    id: (0x2ac312f + position * 7919).toString(16).toUpperCase(),
    upload_time: new Date(r.uploadMs).toISOString(),
    polar_user: `https://www.polaraccesslink.com/v3/users/${userId}`,
    device: "Polar Vantage V3",
    device_id: "1111AAAA",
    start_time: localDateTime(r.startMs, r.utcOffsetMinutes),
    start_time_utc_offset: r.utcOffsetMinutes,
    duration: isoDuration(r.elapsedSeconds),
    calories: r.calories,
    ...(r.distanceMeters ? { distance: r.distanceMeters } : {}),
    heart_rate: { average: r.averageHeartRate, maximum: r.maxHeartRate },
    training_load: 80,
    sport,
    has_route: Boolean(r.distanceMeters),
    detailed_sport_info: detailed,
  };
}

/** Dynamic per-client limits: 500 + 20 × users per 15 minutes, 5000 + 100 × users per day. */
function rateHeaders(state: SandboxState): Record<string, string> {
  if (state.unlimitedRates) return {};
  const users = Math.max(1, state.registeredPolarUsers.size);
  const used = state.requests.filter((r) => r.provider === "polar").length + 1;
  return { "RateLimit-Usage": `${used},${used}`, "RateLimit-Limit": `${500 + 20 * users},${5000 + 100 * users}`, "RateLimit-Reset": "900,86400" };
}

export const sandbox: SandboxModule = {
  register(polar) {
    const { state } = polar;
    let nextUserId = 10579;
    polar.oauth({
      redirectUriAtToken: "if-sent",
      lifetimeSeconds: 31_535_999,
      rotatesRefresh: false,
      issuesRefresh: () => false,
      revokeOnCodeReuse: true,
      makeAthleteId: () => String(nextUserId++),
      tokenBody: (issued) => ({ access_token: issued.accessToken, token_type: "bearer", expires_in: issued.expiresIn, x_user_id: Number(issued.athlete.id) }),
      error: rfcError(),
    });

    const athleteOf = (req: SandboxRequest) => polar.athleteOf(req);
    const unauthorized = () => json({ message: "Unauthorized" }, 401);
    const userRecord = (id: string, name: string, memberId: string) => ({
      "polar-user-id": Number(id),
      "member-id": memberId,
      "registration-date": new Date(state.startedAt).toISOString(),
      "first-name": name,
      "last-name": "Sandbox",
      birthdate: "1990-01-01",
      gender: "FEMALE",
      weight: 60,
      height: 168,
      "extra-info": [],
    });
    const memberIds = new Map<string, string>();

    polar.api("POST", "users", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const memberId = String(req.body["member-id"] ?? "");
      if (!memberId) return json({ message: "member-id is required" }, 400);
      if (state.registeredPolarUsers.has(athlete.id)) return json({ message: "User already registered to partner or duplicated member-id" }, 409);
      state.registeredPolarUsers.add(athlete.id);
      memberIds.set(athlete.id, memberId);
      return json(userRecord(athlete.id, athlete.name, memberId));
    });

    polar.api("GET", "users/:id", (req) => {
      const athlete = athleteOf(req);
      if (!athlete || athlete.id !== req.params.id) return unauthorized();
      if (!state.registeredPolarUsers.has(athlete.id)) return json({ message: "User not registered" }, 404);
      return json(userRecord(athlete.id, athlete.name, memberIds.get(athlete.id) ?? ""), 200, rateHeaders(state));
    });

    // The definition's revoke URL is the user resource; the client appends the user id.
    polar.api("DELETE", "users/:id", (req) => {
      const athlete = athleteOf(req);
      if (!athlete || athlete.id !== req.params.id) return unauthorized();
      state.registeredPolarUsers.delete(athlete.id);
      state.revokeAthlete("polar", athlete.key);
      return { status: 204 };
    });

    const timeline = polar.timeline({ id: idField("id"), startMs: isoField("start_time") });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (polarUserId: string, owner: string) => {
      let list = lists.get(polarUserId);
      if (!list) {
        list = servedList(
          () => polar.recordings().map((r, position) => ({ key: r.uploadMs, item: exercise(r, position, polarUserId) })),
          timeline,
          (e) => e.uploadMs,
          owner,
        );
        lists.set(polarUserId, list);
      }
      return list();
    };

    polar.api("GET", "exercises/:id", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const recordings = polar.recordings();
      const position = recordings.findIndex((r, i) => exercise(r, i, athlete.id).id === req.params.id);
      if (position < 0) {
        // Added through the control API: served as it was given (no samples kept for it).
        const added = listFor(athlete.id, athlete.name).find((e) => (e.item as { id?: unknown }).id === req.params.id);
        return added ? json(added.item, 200, rateHeaders(state)) : json({ message: "Exercise not found" }, 404, rateHeaders(state));
      }
      const r = recordings[position]!;
      const wanted = req.url.searchParams;
      const extra = samplesAndRoute(r);
      return json(
        { ...exercise(r, position, athlete.id), ...(wanted.get("samples") === "true" ? { samples: extra.samples } : {}), ...(wanted.get("route") === "true" ? { route: extra.route } : {}) },
        200,
        rateHeaders(state),
      );
    });

    /**
     * The client's one webhook, created with HTTP Basic client credentials: Polar POSTs a PING to
     * the URL first and answers with the signature secret key, shown this once (here it is the
     * sandbox's PIERRE_POLAR_WEBHOOK_SECRET, so the app's configuration matches).
     */
    const secretKey = polar.credentials.settings.webhookSecret!;
    let webhook: { id: string; url: string; events: string[] } | undefined;
    const clientAuthorized = (req: SandboxRequest) => {
      const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
      return basic !== null && Buffer.from(basic[1]!, "base64").toString("utf8") === `${polar.credentials.clientId}:${polar.credentials.clientSecret}`;
    };
    polar.api("POST", "webhooks", async (req) => {
      if (!clientAuthorized(req)) return unauthorized();
      if (webhook) return json({ message: "Webhook already exists" }, 409);
      const url = String(req.body.url ?? "");
      const events = Array.isArray(req.body.events) ? req.body.events.map(String) : [];
      if (!/^https?:\/\//.test(url) || events.length === 0) return json({ message: "url and events are required" }, 400);
      const ping = JSON.stringify({ timestamp: new Date().toISOString(), event: "PING" });
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "Polar-Webhook-Event": "PING", "Polar-Webhook-Signature": hmacHex(secretKey, ping) },
        body: ping,
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      if (answer?.status !== 200) return json({ message: "Webhook URL did not answer the PING with 200" }, 400);
      webhook = { id: state.newId().slice(0, 8), url, events };
      return json({ data: { id: webhook.id, events, url, signature_secret_key: secretKey } }, 201);
    });

    /** EXERCISE for a new training session, signed over the body with the secret key (hex). */
    polar.push({
      announces: ["created"],
      item: (r, account) => exercise(r, r.index, account.athlete.id),
      deliveries(change, { forged }) {
        if (change.kind !== "created") return [];
        const body = JSON.stringify({
          event: "EXERCISE",
          user_id: Number(change.account.athlete.id),
          entity_id: change.entry.id,
          timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
          url: `${polar.definition.endpoints.apiBaseUrl}/exercises/${change.entry.id}`,
        });
        const key = forged ? forgedKey(secretKey) : secretKey;
        return [{ url: webhook?.url, headers: { "Polar-Webhook-Event": "EXERCISE", "Polar-Webhook-Signature": hmacHex(key, body) }, body }];
      },
    });

    polar.api("GET", "exercises", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      if (!state.registeredPolarUsers.has(athlete.id)) return json({ message: "User has not been registered" }, 403);
      // Only exercises uploaded to Flow in the last 30 days are listed.
      const since = Date.now() - 30 * 86_400_000;
      const exercises = within(listFor(athlete.id, athlete.name), (e) => e.key, { from: since }).map((e) => e.item);
      return json(exercises, 200, rateHeaders(state));
    });
  },
};
