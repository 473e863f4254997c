import { z } from "zod";
import { idField, MalformedActivityError, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";
import { garminSport } from "./sports";

/**
 * Appendix A keeps adding _V2 twins of existing types that mean the same sport, so a suffixed name
 * newer than the table is read as its plain name rather than dropped to "other".
 */
function sportOf(type: string | null): Sport {
  const sport = garminSport(type);
  if (sport !== "other" || !type) return sport;
  const base = type.replace(/_(V2|WS)$/i, "");
  return base === type ? sport : garminSport(base);
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
