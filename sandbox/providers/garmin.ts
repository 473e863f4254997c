import { randomBytes, randomUUID } from "node:crypto";
import type { Recording } from "../dataset";
import { json, type SandboxRequest } from "../http";
import type { SandboxModule } from "../provider";
import { forgedKey } from "../push";
import { deviceFor, idField, rfcError, secondsField, servedList, type Keyed } from "./common";
import { within } from "../timeline";
import { trackOf } from "../streams";

/** Activity Details: the summary with its ≤ 1 Hz samples (epoch-second times, degrees, cumulative distance). */
export function details(r: Recording, userId: string) {
  const start = Math.floor(r.startMs / 1000);
  return {
    summaryId: `${r.garminActivityId}-detail`,
    activityId: r.garminActivityId,
    summary: { ...summary(r, userId), userId: undefined },
    samples: trackOf(r).map((s) => ({
      startTimeInSeconds: start + s.t,
      ...(s.lat !== undefined ? { latitudeInDegree: s.lat, longitudeInDegree: s.lng } : {}),
      ...(s.altitude !== undefined ? { elevationInMeters: s.altitude } : {}),
      heartRate: s.heartRate,
      ...(s.speed !== undefined ? { speedMetersPerSecond: s.speed } : {}),
      ...(s.distance !== undefined ? { totalDistanceInMeters: s.distance } : {}),
      timerDurationInSeconds: s.t,
      clockDurationInSeconds: s.t,
      movingDurationInSeconds: s.t,
      ...(s.power !== undefined ? { powerInWatts: s.power } : {}),
      ...(s.cadence !== undefined ? (r.sport === "ride" ? { bikeCadenceInRPM: s.cadence } : { stepsPerMinute: s.cadence }) : {}),
    })),
    laps: [{ startTimeInSeconds: start }],
  };
}

const activityType = (r: Recording) =>
  ({ run: r.indoor ? "TREADMILL_RUNNING" : "RUNNING", ride: r.indoor ? "INDOOR_CYCLING" : "CYCLING", swim: "LAP_SWIMMING", walk: "WALKING", hike: "HIKING", strength: "STRENGTH_TRAINING" })[
    r.sport
  ];

export function summary(r: Recording, userId: string) {
  return {
    userId,
    summaryId: String(r.garminActivityId),
    activityId: r.garminActivityId,
    activityName: r.name,
    activityType: activityType(r),
    startTimeInSeconds: Math.floor(r.startMs / 1000),
    startTimeOffsetInSeconds: r.utcOffsetMinutes * 60,
    durationInSeconds: r.elapsedSeconds,
    ...(r.distanceMeters ? { distanceInMeters: r.distanceMeters, averageSpeedInMetersPerSecond: Math.round((r.distanceMeters / r.movingSeconds) * 1000) / 1000 } : {}),
    ...(r.elevationGainMeters ? { totalElevationGainInMeters: r.elevationGainMeters } : {}),
    averageHeartRateInBeatsPerMinute: r.averageHeartRate,
    maxHeartRateInBeatsPerMinute: r.maxHeartRate,
    activeKilocalories: r.calories,
    deviceName: deviceFor(r.sport),
  };
}

const unauthorized = () => json({ errorMessage: "Unknown or revoked access token" }, 401);

export const sandbox: SandboxModule = {
  register(garmin) {
    const { state } = garmin;
    garmin.oauth({
      pkceRequired: true,
      redirectUriAtToken: "required",
      lifetimeSeconds: 86400,
      rotatesRefresh: true,
      issuesRefresh: () => true,
      makeAthleteId: () => randomBytes(16).toString("hex"),
      tokenBody: (issued) => ({
        access_token: issued.accessToken,
        expires_in: issued.expiresIn,
        token_type: "bearer",
        refresh_token: issued.refreshToken,
        scope: "PARTNER_WRITE PARTNER_READ CONNECT_READ CONNECT_WRITE",
        jti: randomUUID(),
        refresh_token_expires_in: 7775998,
      }),
      error: rfcError(),
    });

    const athleteOf = (req: SandboxRequest) => garmin.athleteOf(req);

    garmin.api("GET", "wellness-api/rest/user/id", (req) => {
      const athlete = athleteOf(req);
      return athlete ? json({ userId: athlete.id }) : unauthorized();
    });

    garmin.api("GET", "wellness-api/rest/user/permissions", (req) => {
      const athlete = athleteOf(req);
      return athlete ? json(["ACTIVITY_EXPORT", "WORKOUT_IMPORT", "HEALTH_EXPORT", "COURSE_IMPORT", "MCT_EXPORT"]) : unauthorized();
    });

    /**
     * Push notifications: the summaries themselves under their summary type (a changed activity is
     * pushed again), deregistrations when the user disconnects at Garmin; no signature, only the
     * app's client id in `garmin-client-id`. Garmin sends no notice of a deleted activity.
     */
    garmin.push({
      announces: ["created", "updated", "deauthorized"],
      item: (r, account) => summary(r, account.athlete.id),
      edited: (item) => ({ ...(item as object), activityName: `${String((item as { activityName?: unknown }).activityName ?? "Activity")} (edited)` }),
      deliveries(change, { forged }) {
        const clientId = forged ? forgedKey(garmin.credentials.clientId) : garmin.credentials.clientId;
        const headers = { "garmin-client-id": clientId, "user-agent": "Garmin Health API" };
        const userId = change.account.athlete.id;
        if (change.kind === "deauthorized") return [{ headers, body: JSON.stringify({ deregistrations: [{ userId }] }) }];
        if (change.kind === "deleted") return [];
        return [{ headers, body: JSON.stringify({ activities: [{ ...(change.entry.item as object), userId }] }) }];
      },
    });

    garmin.at("revokeUrl", "DELETE", "api", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      state.revokeAthlete("garmin", athlete.key);
      return { status: 204 };
    });

    const timeline = garmin.timeline({ id: idField("summaryId"), startMs: secondsField("startTimeInSeconds") });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (userId: string, owner: string) => {
      let list = lists.get(userId);
      if (!list) {
        list = servedList(() => garmin.recordings().map((r) => ({ key: r.uploadMs, item: summary(r, userId) })), timeline, (entry) => entry.uploadMs, owner);
        lists.set(userId, list);
      }
      return list();
    };

    garmin.api("GET", "wellness-api/rest/activityDetails", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const start = Number(req.url.searchParams.get("uploadStartTimeInSeconds"));
      const end = Number(req.url.searchParams.get("uploadEndTimeInSeconds"));
      if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
        return json({ errorMessage: "uploadStartTimeInSeconds and uploadEndTimeInSeconds are required" }, 400);
      }
      if (end - start > 86_400) return json({ errorMessage: "timestamp range must not exceed 86400 seconds" }, 400);
      const uploaded = garmin.recordings().filter((r) => r.uploadMs >= start * 1000 && r.uploadMs < end * 1000);
      return json(uploaded.map((r) => details(r, athlete.id)));
    });

    garmin.api("GET", "wellness-api/rest/activities", (req) => {
      const athlete = athleteOf(req);
      if (!athlete) return unauthorized();
      const start = Number(req.url.searchParams.get("uploadStartTimeInSeconds"));
      const end = Number(req.url.searchParams.get("uploadEndTimeInSeconds"));
      if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
        return json({ errorMessage: "uploadStartTimeInSeconds and uploadEndTimeInSeconds are required" }, 400);
      }
      if (end - start > 86_400) return json({ errorMessage: "timestamp range must not exceed 86400 seconds" }, 400);
      // Pulls are by upload time: what reached Garmin in [start, end).
      const inWindow = within(listFor(athlete.id, athlete.name), (e) => e.key, { from: start * 1000, to: end * 1000 });
      return json(inWindow.map((e) => e.item));
    });
  },
};
