import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import type { SandboxModule } from "../provider";
import { forgedKey, hmacBase64 } from "../push";
import type { SandboxState } from "../state";
import { endOf, idField, isoField, offsetText, rfcError, servedList, uuidFrom, type Keyed } from "./common";
import { within } from "../timeline";

const sportName = (r: Recording) => ({ run: "running", ride: "cycling", swim: "swimming", walk: "walking", hike: "hiking/rucking", strength: "weightlifting" })[r.sport];

export function workout(r: Recording, userId: number) {
  const start = new Date(r.startMs).toISOString();
  return {
    id: uuidFrom(`whoop:${r.index}:${r.startMs}`),
    user_id: userId,
    created_at: new Date(r.uploadMs).toISOString(),
    updated_at: new Date(r.uploadMs).toISOString(),
    start,
    end: new Date(endOf(r)).toISOString(),
    timezone_offset: offsetText(r.utcOffsetMinutes),
    sport_name: sportName(r),
    score_state: "SCORED",
    score: {
      strain: Math.round((r.averageHeartRate / 10) * 100) / 100,
      average_heart_rate: r.averageHeartRate,
      max_heart_rate: r.maxHeartRate,
      kilojoule: Math.round(r.calories * 4.184 * 100) / 100,
      percent_recorded: 100,
      ...(r.distanceMeters ? { distance_meter: r.distanceMeters } : {}),
      ...(r.elevationGainMeters ? { altitude_gain_meter: r.elevationGainMeters, altitude_change_meter: 0 } : {}),
      zone_durations: { zone_zero_milli: 0, zone_one_milli: 600000, zone_two_milli: 900000, zone_three_milli: 300000, zone_four_milli: 0, zone_five_milli: 0 },
    },
  };
}

function rateHeaders(state: SandboxState): Record<string, string> {
  if (state.unlimitedRates) return {};
  const minuteStart = Math.floor(Date.now() / 60_000) * 60_000;
  const used = state.requests.filter((r) => r.provider === "whoop" && Date.parse(r.at) >= minuteStart).length + 1;
  return {
    "X-RateLimit-Limit": "100, 100;window=60, 10000;window=86400",
    "X-RateLimit-Remaining": String(Math.max(0, 100 - used)),
    "X-RateLimit-Reset": String(Math.ceil((minuteStart + 60_000 - Date.now()) / 1000)),
  };
}

export const sandbox: SandboxModule = {
  register(whoop) {
    const { state } = whoop;
    let nextUserId = 10129;
    whoop.oauth({
      redirectUriAtToken: "if-sent",
      minStateLength: 8,
      lifetimeSeconds: 3600,
      rotatesRefresh: true,
      // Only the `offline` scope yields a refresh token.
      issuesRefresh: (scopes) => scopes.includes("offline"),
      makeAthleteId: () => String(nextUserId++),
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        expires_in: issued.expiresIn,
        ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
        scope: issued.scopes.join(" "),
        token_type: "bearer",
      }),
      error: rfcError(),
    });

    const athleteOf = (req: SandboxRequest) => whoop.athleteOf(req);
    const unauthorized = () => json({ message: "Authorization was not valid" }, 401);

    whoop.api("GET", "v2/user/profile/basic", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      return json({ user_id: Number(athlete.id), email: `${athlete.name}@sandbox.test`, first_name: athlete.name, last_name: "Sandbox" }, 200, rateHeaders(state));
    });

    const timeline = whoop.timeline({ id: idField("id"), startMs: isoField("start") });
    const lists = new Map<number, () => Keyed[]>();
    const listFor = (userId: number, owner: string) => {
      let list = lists.get(userId);
      if (!list) {
        list = servedList(() => whoop.recordings().map((r) => ({ key: r.startMs, item: workout(r, userId) })), timeline, (e) => e.startMs, owner);
        lists.set(userId, list);
      }
      return list();
    };

    whoop.api("GET", "v2/activity/workout", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const q = req.url.searchParams;
      const limit = Number(q.get("limit") ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 25) return json({ message: "limit must be between 1 and 25" }, 400);
      const start = q.has("start") ? Date.parse(q.get("start")!) : -Infinity;
      const end = q.has("end") ? Date.parse(q.get("end")!) : Date.now();
      if (Number.isNaN(start) || Number.isNaN(end)) return json({ message: "start and end must be ISO 8601 date-times" }, 400);
      // `start` inclusive, `end` exclusive, newest first.
      const all = within(listFor(Number(athlete.id), athlete.name), (e) => e.key, { from: start, to: end })
        .map((e) => e.item)
        .reverse();
      const offset = q.has("nextToken") ? Number(Buffer.from(q.get("nextToken")!, "base64url").toString("utf8")) : 0;
      const page = all.slice(offset, offset + limit);
      const more = offset + limit < all.length;
      return json({ records: page, ...(more ? { next_token: Buffer.from(String(offset + limit)).toString("base64url") } : {}) }, 200, rateHeaders(state));
    });

    whoop.api("GET", "v2/activity/workout/:id", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const found = listFor(Number(athlete.id), athlete.name).find((e) => (e.item as { id?: unknown }).id === req.params.id);
      return found ? json(found.item, 200, rateHeaders(state)) : json({ message: "Workout not found" }, 404, rateHeaders(state));
    });

    /**
     * `workout.updated` for a new or changed workout, `workout.deleted`; signed with the client secret
     * over the millisecond timestamp header and the body, the signature in base64.
     */
    whoop.push({
      announces: ["created", "updated", "deleted"],
      item: (r, account) => workout(r, Number(account.athlete.id)),
      // Scoring finishes after the workout arrives: its strain and energy change.
      edited: (item) => {
        const scored = item as { score?: Record<string, unknown>; updated_at?: string };
        return { ...scored, updated_at: new Date().toISOString(), score: { ...scored.score, kilojoule: Number(scored.score?.kilojoule ?? 0) + 100 } };
      },
      deliveries(change, { forged }) {
        if (change.kind === "deauthorized") return [];
        const body = JSON.stringify({
          user_id: Number(change.account.athlete.id),
          id: change.entry.id,
          type: change.kind === "deleted" ? "workout.deleted" : "workout.updated",
          trace_id: state.newId(),
        });
        const timestamp = String(Date.now());
        const secret = forged ? forgedKey(whoop.credentials.clientSecret) : whoop.credentials.clientSecret;
        return [{ headers: { "X-WHOOP-Signature-Timestamp": timestamp, "X-WHOOP-Signature": hmacBase64(secret, timestamp + body) }, body }];
      },
    });

    whoop.at("revokeUrl", "DELETE", "api", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      state.revokeAthlete("whoop", athlete.key);
      return { status: 204 };
    });
  },
};
