import { randomBytes } from "node:crypto";
import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import { bearerToken } from "../oauth";
import type { SandboxModule } from "../provider";
import { endOf, field, isoField, localDateTime, servedList, type Keyed } from "./common";
import { fitbitLogId, fitbitUserId } from "./fitbit";

/**
 * The Google Health API as lib/providers/google/README.md describes it: Google's OAuth server (form
 * credentials, refresh tokens only with access_type=offline, refresh answers without a new one),
 * users/me/identity with the old Fitbit user id, exercise data points newest first in pages of at
 * most 25 filtered by civil start time, and Google's revocation endpoint.
 */

const exerciseType = (r: Recording) =>
  ({ run: r.indoor ? "TREADMILL" : "RUNNING", ride: r.indoor ? "STATIONARY_BIKE" : "BIKING", swim: "SWIMMING", walk: "WALKING", hike: "HIKING", strength: "STRENGTH_TRAINING" })[
    r.sport
  ];

const duration = (seconds: number) => `${seconds}s`;

function civil(ms: number, offsetMinutes: number) {
  const local = new Date(ms + offsetMinutes * 60_000);
  return {
    date: { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() },
    time: { hours: local.getUTCHours(), minutes: local.getUTCMinutes(), seconds: local.getUTCSeconds() },
  };
}

/** One exercise DataPoint; its id is the Fitbit logId of the same recording (the same backend serves both). */
export function dataPoint(r: Recording, position: number, healthUserId: string) {
  const offset = duration(r.utcOffsetMinutes * 60);
  return {
    name: `users/${healthUserId}/dataTypes/exercise/dataPoints/${fitbitLogId(position)}`,
    dataSource: {
      recordingMethod: "ACTIVELY_MEASURED",
      device: { displayName: "Pixel Watch 3", formFactor: "WATCH", manufacturer: "Google" },
      application: { packageName: "com.google.fitbit" },
      platform: "FITBIT",
    },
    exercise: {
      displayName: r.name,
      exerciseType: exerciseType(r),
      interval: {
        startTime: new Date(r.startMs).toISOString(),
        startUtcOffset: offset,
        endTime: new Date(endOf(r)).toISOString(),
        endUtcOffset: offset,
        civilStartTime: civil(r.startMs, r.utcOffsetMinutes),
        civilEndTime: civil(endOf(r), r.utcOffsetMinutes),
      },
      activeDuration: duration(r.movingSeconds),
      metricsSummary: {
        caloriesKcal: r.calories,
        ...(r.distanceMeters ? { distanceMillimeters: r.distanceMeters * 1000, steps: String(Math.round(r.distanceMeters * 1.3)) } : {}),
        ...(r.elevationGainMeters ? { elevationGainMillimeters: r.elevationGainMeters * 1000 } : {}),
        averageHeartRateBeatsPerMinute: String(r.averageHeartRate),
      },
      exerciseMetadata: { hasGps: r.sport !== "strength" && !r.indoor },
      createTime: new Date(r.uploadMs).toISOString(),
      updateTime: new Date(r.uploadMs).toISOString(),
    },
  };
}

/** Google API errors: `{ error: { code, message, status } }`. */
const apiError = (code: number, status: string, message: string) => json({ error: { code, message, status } }, code);
const unauthenticated = () =>
  apiError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");

/** Civil (local wall-clock) start as "YYYY-MM-DDTHH:mm:ss", the form the list filter compares. */
function civilStart(item: unknown): string | undefined {
  const start = field(item, "exercise", "interval", "startTime");
  const offset = field(item, "exercise", "interval", "startUtcOffset");
  if (typeof start !== "string") return undefined;
  const seconds = typeof offset === "string" && /^-?\d+s$/.test(offset) ? Number(offset.slice(0, -1)) : 0;
  return localDateTime(Date.parse(start), seconds / 60);
}

/** The AIP-160 filters the API documents for exercise: a range on the civil or the physical start time. */
function parseFilter(filter: string): ((item: unknown, startMs: number) => boolean) | string {
  const clauses = filter.split(/\s+AND\s+/).filter(Boolean);
  const tests: ((item: unknown, startMs: number) => boolean)[] = [];
  for (const clause of clauses) {
    const match = /^exercise\.interval\.(civil_start_time|start_time)\s*(>=|>|<=|<)\s*"([^"]+)"$/.exec(clause.trim());
    if (!match) return `Invalid filter: ${clause}`;
    const [, fieldName, operator, value] = match as unknown as [string, string, string, string];
    const compare = (a: string | number, b: string | number) => (operator === ">=" ? a >= b : operator === ">" ? a > b : operator === "<=" ? a <= b : a < b);
    if (fieldName === "civil_start_time") {
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value)) return `Invalid civil time: ${value}`;
      tests.push((item) => {
        const start = civilStart(item);
        return start !== undefined && compare(start, value);
      });
    } else {
      const bound = Date.parse(value);
      if (Number.isNaN(bound)) return `Invalid timestamp: ${value}`;
      tests.push((_item, startMs) => compare(startMs, bound));
    }
  }
  return (item, startMs) => tests.every((test) => test(item, startMs));
}

export const sandbox: SandboxModule = {
  // Google Health serves the same Fitbit devices' sessions: the same recordings as Fitbit's API.
  recordings: { mirrorOf: "fitbit" },

  register(google) {
    const { state } = google;
    google.oauth({
      redirectUriAtToken: "required",
      lifetimeSeconds: 3599,
      // A refresh answers with a new access token only; the refresh token stays the same.
      rotatesRefresh: false,
      // Google issues a refresh token only to offline access.
      issuesRefresh: (_scopes, authorize) => authorize.access_type === "offline",
      makeAthleteId: () => randomBytes(9).toString("base64url"),
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        expires_in: issued.expiresIn,
        ...(issued.grant === "authorization_code" && issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
        scope: issued.scopes.join(" "),
        token_type: "Bearer",
      }),
      error: (kind, description) => json({ error: kind, error_description: description }, kind === "invalid_client" ? 401 : 400),
    });

    const timeline = google.timeline({
      id: (item) => {
        const name = field(item, "name");
        return typeof name === "string" ? name.slice(name.lastIndexOf("/") + 1) : null;
      },
      startMs: isoField("exercise", "interval", "startTime"),
    });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (healthUserId: string, owner: string) => {
      let list = lists.get(healthUserId);
      if (!list) {
        list = servedList(() => google.recordings().map((r, position) => ({ key: r.startMs, item: dataPoint(r, position, healthUserId) })), timeline, (e) => e.startMs, owner);
        lists.set(healthUserId, list);
      }
      return list();
    };

    const tokenOf = (req: SandboxRequest) => {
      const record = state.validAccessToken(google.id, bearerToken(req));
      const athlete = record && state.athletes.get(record.athleteKey);
      return athlete ? { athlete, scopes: record.scopes } : undefined;
    };

    google.api("GET", "users/me/identity", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthenticated();
      // Every sandbox Google Health account is a former Fitbit account: the same name on Fitbit's consent page.
      const fitbitAccount = state.athlete("fitbit", token.athlete.name, fitbitUserId);
      return json({ name: `users/${token.athlete.id}/identity`, healthUserId: token.athlete.id, legacyUserId: fitbitAccount.id });
    });

    google.api("GET", "users/me/dataTypes/exercise/dataPoints", (req) => {
      const token = tokenOf(req);
      if (!token) return unauthenticated();
      if (!token.scopes.some((scope) => scope.includes("activity_and_fitness"))) {
        return apiError(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.");
      }
      const q = req.url.searchParams;
      const filter = q.get("filter") ? parseFilter(q.get("filter")!) : () => true;
      if (typeof filter === "string") return apiError(400, "INVALID_ARGUMENT", filter);
      const asked = q.has("pageSize") ? Number(q.get("pageSize")) : 25;
      if (!Number.isInteger(asked) || asked < 0) return apiError(400, "INVALID_ARGUMENT", "page_size must be a non-negative integer.");
      // Larger page sizes are truncated to the maximum.
      const pageSize = Math.min(25, asked || 25);
      let offset = 0;
      if (q.get("pageToken")) {
        offset = Number(Buffer.from(q.get("pageToken")!, "base64url").toString("utf8").replace(/^offset:/, ""));
        if (!Number.isInteger(offset) || offset < 0) return apiError(400, "INVALID_ARGUMENT", "Invalid page token.");
      }
      // Newest first.
      const matching = listFor(token.athlete.id, token.athlete.name)
        .filter((e) => filter(e.item, e.key))
        .reverse();
      const page = matching.slice(offset, offset + pageSize).map((e) => e.item);
      const next = offset + pageSize < matching.length ? Buffer.from(`offset:${offset + pageSize}`).toString("base64url") : undefined;
      // proto3 JSON leaves out empty fields: an empty page is `{}`.
      return json({ ...(page.length > 0 ? { dataPoints: page } : {}), ...(next ? { nextPageToken: next } : {}) });
    });

    // Revoking either token of a grant ends the whole grant.
    google.at("revokeUrl", "POST", "api", (req) => {
      const token = String(req.body.token ?? req.url.searchParams.get("token") ?? "");
      const refresh = state.refreshTokens.get(token);
      const athleteKey =
        state.validAccessToken(google.id, token)?.athleteKey ?? (refresh && refresh.provider === google.id && !refresh.used ? refresh.athleteKey : undefined);
      if (!athleteKey) return json({ error: "invalid_token", error_description: "Token expired or revoked" }, 400);
      state.revokeAthlete(google.id, athleteKey);
      return json({});
    });
  },
};
