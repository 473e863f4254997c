import { z } from "zod";
import { idField, optionalNonNegative, optionalNumber, optionalString } from "../normalize-kit";
import type { NormalizedActivity, Sport } from "../types";

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
  LAP_SWIMMING: "swim",
  OPEN_WATER_SWIMMING: "swim",
  SWIMMING: "swim",
  WALKING: "walk",
  CASUAL_WALKING: "walk",
  SPEED_WALKING: "walk",
  HIKING: "hike",
  STRENGTH_TRAINING: "strength",
  HIIT: "strength",
  FITNESS_EQUIPMENT: "strength",
  YOGA: "yoga",
  PILATES: "yoga",
  INDOOR_ROWING: "row",
  ROWING: "row",
  ROWING_V2: "row",
  RESORT_SKIING_SNOWBOARDING_WS: "ski",
  RESORT_SKIING: "ski",
  BACKCOUNTRY_SKIING: "ski",
  CROSS_COUNTRY_SKIING_WS: "ski",
  SKATE_SKIING_WS: "ski",
  SNOWBOARDING_WS: "ski",
};

/** "TRAIL_RUNNING" → "Trail running", for activities without a name. */
function readableType(type: string): string {
  const words = type.replace(/_(V2|WS)$/, "").toLowerCase().split("_");
  return words.join(" ").replace(/^./, (c) => c.toUpperCase());
}

const summary = z.object({
  // Strava's external_id (garmin_push_<id>) and Garmin Connect URLs use activityId; summaryId
  // is the fallback for summaries that do not carry one.
  activityId: idField.optional(),
  summaryId: idField,
  activityName: optionalString,
  activityType: z.string().min(1),
  startTimeInSeconds: z.number().int(),
  startTimeOffsetInSeconds: optionalNumber,
  durationInSeconds: optionalNonNegative,
  distanceInMeters: optionalNonNegative,
  totalElevationGainInMeters: optionalNonNegative,
  averageHeartRateInBeatsPerMinute: optionalNonNegative,
  maxHeartRateInBeatsPerMinute: optionalNonNegative,
  activeKilocalories: optionalNonNegative,
  deviceName: optionalString,
});

/** An activity summary (pull, push or the `summary` of activity details) → the shared activity. */
export function normalizeGarminActivity(raw: unknown): NormalizedActivity {
  const a = summary.parse(raw);
  return {
    provider: "garmin",
    providerActivityId: a.activityId ?? a.summaryId,
    name: a.activityName ?? readableType(a.activityType),
    sport: sportByType[a.activityType] ?? "other",
    sportType: a.activityType,
    startTime: new Date(a.startTimeInSeconds * 1000),
    // The device's offset at the start; Garmin warns it is whatever the device clock said.
    utcOffsetMinutes: a.startTimeOffsetInSeconds === null ? null : Math.round(a.startTimeOffsetInSeconds / 60),
    elapsedSeconds: a.durationInSeconds,
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

const details = z.object({ summaryId: z.string(), activityId: idField.optional(), summary: z.record(z.string(), z.unknown()) });

/** Activity details carry their ids on the envelope (`"<id>-detail"`) and the figures in `summary`. */
export function normalizeGarminActivityDetails(raw: unknown): NormalizedActivity {
  const d = details.parse(raw);
  const summaryId = d.summaryId.replace(/-detail$/, "");
  return { ...normalizeGarminActivity({ ...d.summary, summaryId, activityId: d.activityId }), raw };
}
