import type { Recording } from "../dataset";
import { json } from "../http";
import type { SandboxModule } from "../provider";
import { forgedKey } from "../push";
import { idField, isoField, rfcError, servedList, type Keyed } from "./common";

/**
 * Wahoo's cloud API as the shared wahoo.md describes it: Doorkeeper OAuth (form or query-string
 * credentials, a `user_id` in the token response, two-hour tokens, a new refresh token each time
 * whose access token revokes the old one on first use, at most 10 live tokens per user and app),
 * `/v1/workouts` newest first by page with every summary figure a decimal string, and
 * `DELETE /v1/permissions` to revoke.
 */

const typeOf = (r: Recording) => ({ run: r.indoor ? 5 : 1, ride: r.indoor ? 12 : 0, swim: 25, walk: 6, hike: 9, strength: 42 })[r.sport];

/** Etc zones carry whole-hour offsets with the sign inverted (Etc/GMT-1 is UTC+01:00). */
const zoneOf = (offsetMinutes: number) => (offsetMinutes === 0 ? "Etc/UTC" : `Etc/GMT${offsetMinutes > 0 ? "-" : "+"}${Math.abs(offsetMinutes) / 60}`);

const decimal = (value: number) => value.toFixed(2);
const iso = (ms: number) => new Date(ms).toISOString();

/** A workout with its embedded summary, as the list serves it once the results are uploaded. */
export function workout(r: Recording, position: number, userId: number) {
  const id = 180_000_000 + position;
  return {
    id,
    starts: iso(r.startMs),
    minutes: Math.round(r.elapsedSeconds / 60),
    name: r.name,
    plan_id: null,
    workout_token: `ELEMNT AE48:${300 + position}`,
    workout_type_id: typeOf(r),
    workout_summary: {
      id: 90_000_000 + position,
      ascent_accum: decimal(r.elevationGainMeters ?? 0),
      cadence_avg: r.sport === "ride" ? "86.00" : null,
      calories_accum: decimal(r.calories),
      distance_accum: decimal(r.distanceMeters ?? 0),
      duration_active_accum: decimal(r.movingSeconds),
      duration_paused_accum: decimal(r.elapsedSeconds - r.movingSeconds),
      duration_total_accum: decimal(r.elapsedSeconds),
      heart_rate_avg: decimal(r.averageHeartRate),
      heart_rate_max: decimal(r.maxHeartRate),
      power_avg: r.sport === "ride" ? "182.00" : null,
      speed_avg: r.distanceMeters ? decimal(r.distanceMeters / r.movingSeconds) : "0.00",
      work_accum: r.sport === "ride" ? decimal(182 * r.movingSeconds) : "0.00",
      time_zone: zoneOf(r.utcOffsetMinutes),
      manual: false,
      edited: false,
      file: { url: `https://cdn.wahooligan.com/wahoo-cloud/production/uploads/workout_file/file/sandbox/${id}.fit` },
      created_at: iso(r.uploadMs),
      updated_at: iso(r.uploadMs),
      user: { id: userId },
    },
    created_at: iso(r.uploadMs),
    updated_at: iso(r.uploadMs),
  };
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;
/** Since 2026 an app may hold at most this many unrevoked access tokens per user. */
const TOKEN_CAP = 10;

export const sandbox: SandboxModule = {
  // A bike computer (and its trainers): rides, and the runs of people who take it along, exactly.
  recordings: { share: 0.5, sports: ["ride", "run"], drift: "exact" },

  register(wahoo) {
    const { state } = wahoo;
    let nextUserId = 2_651_100;
    wahoo.oauth({
      // The docs put the credentials in the POST's query string; a form body works as well.
      paramsInQuery: true,
      redirectUriAtToken: "required",
      lifetimeSeconds: 7199,
      rotatesRefresh: true,
      revokesOnFirstUse: true,
      issuesRefresh: () => true,
      makeAthleteId: () => String(nextUserId++),
      refuseIssue: (athlete) => {
        const live = [...state.accessTokens.values()].filter((t) => t.provider === wahoo.id && t.athleteKey === athlete.key && !t.revoked && t.expiresAt > Date.now());
        return live.length >= TOKEN_CAP ? json({ error: "invalid_request", error_description: "Too many unrevoked access tokens exist for this app and user" }, 400) : undefined;
      },
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        token_type: "Bearer",
        expires_in: issued.expiresIn,
        refresh_token: issued.refreshToken,
        scope: issued.scopes.join(" "),
        created_at: Math.floor(Date.now() / 1000),
        user_id: Number(issued.athlete.id),
      }),
      error: rfcError(),
    });

    const unauthorized = () => json({ error: "invalid_token", error_description: "The access token is invalid" }, 401);

    wahoo.api("GET", "v1/user", (req) => {
      const athlete = wahoo.athleteOf(req);
      if (!athlete) return unauthorized();
      const joined = iso(state.startedAt);
      return json({ id: Number(athlete.id), height: "1.78", weight: "72.0", first: athlete.name, last: "Sandbox", email: `${athlete.name}@sandbox.test`, birth: "1990-01-01", gender: 1, created_at: joined, updated_at: joined });
    });

    const timeline = wahoo.timeline({ id: idField("id"), startMs: isoField("starts") });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (userId: string, owner: string) => {
      let list = lists.get(userId);
      if (!list) {
        list = servedList(() => wahoo.recordings().map((r, position) => ({ key: r.startMs, item: workout(r, position, Number(userId)) })), timeline, (e) => e.startMs, owner);
        lists.set(userId, list);
      }
      return list();
    };

    wahoo.api("GET", "v1/workouts", (req) => {
      const athlete = wahoo.athleteOf(req);
      if (!athlete) return unauthorized();
      const q = req.url.searchParams;
      const page = Number(q.get("page") ?? 1);
      const asked = Number(q.get("per_page") ?? DEFAULT_PER_PAGE);
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(asked) || asked < 1) return json({ error: "page and per_page must be positive integers" }, 400);
      const perPage = Math.min(MAX_PER_PAGE, asked);
      // Always sorted by `starts`, newest first; no date filter.
      const all = [...listFor(athlete.id, athlete.name)].reverse().map((e) => e.item);
      return json({ workouts: all.slice((page - 1) * perPage, page * perPage), total: all.length, page, per_page: perPage, order: "descending", sort: "starts" });
    });

    /**
     * `workout_summary` when a workout's summary is created or changed: the summary with the workout
     * nested inside it (the list nests them the other way), the portal's webhook token echoed in the body.
     */
    const webhookToken = wahoo.credentials.settings.webhookToken!;
    wahoo.push({
      announces: ["created", "updated"],
      item: (r, account) => workout(r, r.index, Number(account.athlete.id)),
      edited: (item) => ({ ...(item as object), name: `${String((item as { name?: unknown }).name ?? "Workout")} (edited)` }),
      deliveries(change, { forged }) {
        if (change.kind !== "created" && change.kind !== "updated") return [];
        const { workout_summary: summary, ...listed } = change.entry.item as { workout_summary?: Record<string, unknown> };
        const body = JSON.stringify({
          user: { id: Number(change.account.athlete.id) },
          event_type: "workout_summary",
          workout_summary: { ...summary, workout: listed },
          webhook_token: forged ? forgedKey(webhookToken) : webhookToken,
        });
        return [{ headers: {}, body }];
      },
    });

    wahoo.at("revokeUrl", "DELETE", "api", (req) => {
      const athlete = wahoo.athleteOf(req);
      if (!athlete) return unauthorized();
      state.revokeAthlete(wahoo.id, athlete.key);
      return json({ success: "Application has been revoked" });
    });
  },
};
