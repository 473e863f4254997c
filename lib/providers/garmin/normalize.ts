import { z } from "zod";
import { idField, MalformedActivityError, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

/** Garmin `activityType` (Activity API Appendix A) → shared sport; looked up with and without a _V2/_WS suffix. */
const sportByType: Record<string, Sport> = {
  RUNNING: "run",
  TRAIL_RUNNING: "run",
  TREADMILL_RUNNING: "run",
  INDOOR_RUNNING: "run",
  TRACK_RUNNING: "run",
  STREET_RUNNING: "run",
  VIRTUAL_RUN: "run",
  CYCLING: "ride",
  ROAD_BIKING: "ride",
  MOUNTAIN_BIKING: "ride",
  GRAVEL_CYCLING: "ride",
  INDOOR_CYCLING: "ride",
  VIRTUAL_RIDE: "ride",
  E_BIKE_FITNESS: "ride",
  E_BIKE_MOUNTAIN: "ride",
  CYCLOCROSS: "ride",
  TRACK_CYCLING: "ride",
  RECUMBENT_CYCLING: "ride",
  LAP_SWIMMING: "swim",
  OPEN_WATER_SWIMMING: "swim",
  WALKING: "walk",
  CASUAL_WALKING: "walk",
  SPEED_WALKING: "walk",
  HIKING: "hike",
  STRENGTH_TRAINING: "strength",
  HIIT: "strength",
  YOGA: "yoga",
  PILATES: "yoga",
  INDOOR_ROWING: "row",
  ROWING: "row",
};

/** Skiing and snowboarding come in many variants (RESORT_SKIING_SNOWBOARDING_WS, BACKCOUNTRY_SKIING, …). */
const SNOW_SPORT = /(^|_)(SKIING|SNOWBOARDING)(_|$)/;

function sportOf(type: string | null): Sport {
  if (!type) return "other";
  const base = type.replace(/_(V2|WS)$/, "");
  const listed = sportByType[type] ?? sportByType[base];
  if (listed) return listed;
  // Water skiing is a water sport, not the shared "ski".
  return SNOW_SPORT.test(type) && !type.startsWith("WATER_") ? "ski" : "other";
}

/** "TRAIL_RUNNING" → "Trail running": Garmin often sends no activityName. */
function readableType(type: string | null): string {
  if (!type) return "Activity";
  return type
    .replace(/_(V2|WS)$/, "")
    .toLowerCase()
    .replace(/_/g, " ")
    .replace(/^./, (c) => c.toUpperCase());
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Activity details carry the ids on the envelope (`summaryId: "<id>-detail"`, `activityId`) and the
 * figures in `summary`; lifting the ids in lets one schema read summaries and details alike, and
 * dropping "-detail" gives a detail the same id as its summary.
 */
function unwrapDetails(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.summary)) return raw;
  const summaryId = typeof raw.summaryId === "string" ? raw.summaryId.replace(/-detail$/, "") : raw.summaryId;
  return { ...raw.summary, summaryId: raw.summary.summaryId ?? summaryId, activityId: raw.summary.activityId ?? raw.activityId };
}

const activitySummary = z.object({
  activityId: idField.nullish(),
  summaryId: idField.nullish(),
  activityName: optionalString,
  activityType: optionalString,
  startTimeInSeconds: z.number().finite(),
  startTimeOffsetInSeconds: optionalNumber,
  durationInSeconds: optionalNonNegative,
  distanceInMeters: optionalNonNegative,
  totalElevationGainInMeters: optionalNonNegative,
  averageHeartRateInBeatsPerMinute: optionalNonNegative,
  maxHeartRateInBeatsPerMinute: optionalNonNegative,
  activeKilocalories: optionalNonNegative,
  deviceName: optionalString,
});

/** An activity summary (pull or push) or an activity-details entry → the shared activity. */
export function normalizeGarminActivity(raw: unknown): NormalizedActivity {
  const a = activitySummary.parse(unwrapDetails(raw));
  // activityId is the Garmin Connect activity id: the one in connect.garmin.com URLs and in the
  // external_id Strava gives activities synced from Garmin, so the same workout keeps one key
  // across Garmin's summaries, details and other providers. summaryId covers summaries without it.
  const id = a.activityId ?? a.summaryId;
  if (!id) throw new MalformedActivityError("activity has neither activityId nor summaryId");
  return {
    provider: "garmin",
    providerActivityId: id,
    name: a.activityName ?? readableType(a.activityType),
    sport: sportOf(a.activityType),
    sportType: a.activityType,
    startTime: new Date(a.startTimeInSeconds * 1000),
    // The device clock's offset at the start (not a time zone: the user can set the watch to any time).
    utcOffsetMinutes: a.startTimeOffsetInSeconds === null ? null : Math.round(a.startTimeOffsetInSeconds / 60),
    elapsedSeconds: a.durationInSeconds,
    // Moving time exists only in the details' samples, not in the summary.
    movingSeconds: null,
    distanceMeters: a.distanceInMeters,
    elevationGainMeters: a.totalElevationGainInMeters,
    averageHeartRate: a.averageHeartRateInBeatsPerMinute,
    maxHeartRate: a.maxHeartRateInBeatsPerMinute,
    calories: a.activeKilocalories,
    device: a.deviceName,
    raw,
  };
}
