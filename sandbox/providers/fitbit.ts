import { randomBytes } from "node:crypto";
import type { Recording } from "../dataset";
import { json, rawJson, type SandboxRequest } from "../http";
import type { SandboxModule } from "../provider";
import type { SandboxState } from "../state";
import { field, idField, isoField, localDateTime, offsetText, servedList, type Keyed } from "./common";
import { within } from "../timeline";

const typeOf = (r: Recording) =>
  ({ run: [90009, "Run"], ride: [90001, "Bike"], swim: [82, "Swim"], walk: [90013, "Walk"], hike: [1071, "Hike"], strength: [3000, "Weights"] } as const)[r.sport];

/** logIds are unsigned 64-bit; written as bare JSON integers beyond 2^53 like the real API. */
const BIG = "__BIGINT__";
const FIRST_LOG_ID = 2907044112471568224n;

/** The logId of a recording by its position in the list (Google Health's exercise ids are the same numbers). */
export const fitbitLogId = (position: number): string => String(FIRST_LOG_ID + BigInt(position));

export function entry(r: Recording, position: number) {
  const [activityTypeId, activityName] = typeOf(r);
  return {
    logId: `${BIG}${fitbitLogId(position)}`,
    activityName,
    activityTypeId,
    startTime: `${localDateTime(r.startMs, r.utcOffsetMinutes)}.000${offsetText(r.utcOffsetMinutes)}`,
    originalStartTime: `${localDateTime(r.startMs, r.utcOffsetMinutes)}.000${offsetText(r.utcOffsetMinutes)}`,
    duration: r.elapsedSeconds * 1000,
    activeDuration: r.movingSeconds * 1000,
    ...(r.distanceMeters ? { distance: Math.round(r.distanceMeters) / 1000, distanceUnit: "Kilometer" } : {}),
    elevationGain: r.elevationGainMeters ?? 0,
    averageHeartRate: r.averageHeartRate,
    calories: r.calories,
    steps: r.distanceMeters ? Math.round(r.distanceMeters * 1.3) : 0,
    logType: "tracker",
    source: { id: "311294213", name: "Pixel Watch 3", type: "tracker", trackerFeatures: ["HEARTRATE", "GPS"] },
    hasGps: r.sport !== "strength",
    lastModified: new Date(r.uploadMs).toISOString(),
  };
}

function fitbitError(errorType: string, message: string, status: number) {
  return json({ errors: [{ errorType, message }], success: false }, status);
}

/** 150 requests per user per hour; Reset is seconds until the top of the hour. */
function rateHeaders(state: SandboxState): Record<string, string> {
  if (state.unlimitedRates) return {};
  const hourStart = Math.floor(Date.now() / 3600_000) * 3600_000;
  const used = state.requests.filter((r) => r.provider === "fitbit" && Date.parse(r.at) >= hourStart).length + 1;
  return {
    "Fitbit-Rate-Limit-Limit": "150",
    "Fitbit-Rate-Limit-Remaining": String(Math.max(0, 150 - used)),
    "Fitbit-Rate-Limit-Reset": String(Math.ceil((hourStart + 3600_000 - Date.now()) / 1000)),
  };
}

/** Fitbit's encoded user ids: six upper-case characters. */
export const fitbitUserId = () => randomBytes(4).toString("hex").toUpperCase().slice(0, 6);

export const sandbox: SandboxModule = {
  register(fitbit) {
    const { state } = fitbit;
    fitbit.oauth({
      redirectUriAtToken: "required",
      lifetimeSeconds: 28800,
      rotatesRefresh: true,
      issuesRefresh: () => true,
      makeAthleteId: fitbitUserId,
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        expires_in: issued.expiresIn,
        refresh_token: issued.refreshToken,
        scope: issued.scopes.join(" "),
        token_type: "Bearer",
        user_id: issued.athlete.id,
      }),
      error: (kind, message) => fitbitError(kind, message, kind === "invalid_client" ? 401 : 400),
    });

    // The list filters on the wall-clock time where the workout happened (the user's profile zone).
    const wallClock = (startTime: unknown) => (typeof startTime === "string" ? Date.parse(`${startTime.slice(0, 19)}Z`) : NaN);
    const timeline = fitbit.timeline({ id: idField("logId"), startMs: isoField("startTime") });
    const lists = new Map<string, () => Keyed[]>();
    const served = (owner: string) => {
      let list = lists.get(owner);
      if (!list) {
        list = servedList(
          () => fitbit.recordings().map((r, position) => ({ key: r.startMs + r.utcOffsetMinutes * 60_000, item: entry(r, position) })),
          timeline,
          (e) => {
            const local = wallClock(field(e.item, "startTime"));
            return Number.isNaN(local) ? e.startMs : local;
          },
          owner,
        );
        lists.set(owner, list);
      }
      return list();
    };

    const athleteOf = (req: SandboxRequest) => fitbit.athleteOf(req);
    const expired = () => fitbitError("invalid_token", "Access token invalid or expired.", 401);

    fitbit.api("GET", "1/user/-/profile.json", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return expired();
      return json({ user: { encodedId: athlete.id, displayName: athlete.name, fullName: `${athlete.name} Sandbox`, timezone: "Europe/Berlin" } }, 200, rateHeaders(state));
    });

    fitbit.api("GET", "1/user/-/activities/list.json", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return expired();
      const q = req.url.searchParams;
      const afterDate = q.get("afterDate");
      const beforeDate = q.get("beforeDate");
      if (Boolean(afterDate) === Boolean(beforeDate)) return fitbitError("validation", "Exactly one of afterDate or beforeDate is required.", 400);
      const limit = Number(q.get("limit") ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fitbitError("validation", "limit must be between 1 and 100.", 400);
      const offset = Number(q.get("offset") ?? 0);
      const sort = q.get("sort") ?? (afterDate ? "asc" : "desc");
      const bound = Date.parse(`${(afterDate ?? beforeDate)!}${(afterDate ?? beforeDate)!.length === 10 ? "T00:00:00" : ""}Z`);
      const matching = within(served(athlete.name), (e) => e.key, afterDate ? { from: bound } : { to: bound }).map((e) => e.item);
      const all = sort === "desc" ? [...matching].reverse() : matching;
      const page = all.slice(offset, offset + limit);
      const next = new URL(req.url.toString());
      next.searchParams.set("offset", String(offset + limit));
      const body = {
        activities: page,
        pagination: {
          ...(afterDate ? { afterDate } : { beforeDate }),
          limit,
          next: offset + limit < all.length ? next.toString() : "",
          offset,
          previous: "",
          sort,
        },
      };
      return rawJson(JSON.stringify(body).replace(new RegExp(`"${BIG}(\\d+)"`, "g"), "$1"), 200, rateHeaders(state));
    });

    fitbit.at("revokeUrl", "POST", "api", (req) => {
      const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
      if (!basic) return fitbitError("invalid_client", "Client authentication required.", 401);
      const token = state.accessTokens.get(String(req.body.token ?? "")) ?? undefined;
      const refresh = state.refreshTokens.get(String(req.body.token ?? ""));
      const athleteKey = token?.athleteKey ?? refresh?.athleteKey;
      // Revoking either token revokes all of the user's tokens for the app.
      if (athleteKey) state.revokeAthlete("fitbit", athleteKey);
      return json({});
    });
  },
};
