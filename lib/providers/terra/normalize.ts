import { z } from "zod";
import { idField, offsetOfIsoDateTime, optionalNonNegative, optionalString, parseInstant } from "../normalize-kit";
import type { NormalizedActivity } from "../types";
import { terraSport } from "./sports";

/** upload_type 4: the provider deleted a workout it sent before. */
const DELETED = 4;

const activity = z.object({
  metadata: z.object({
    summary_id: idField,
    name: optionalString,
    type: z.number().int().nullish(),
    start_time: z.string(),
    end_time: z.string(),
    upload_type: z.number().int().nullish(),
  }),
  device_data: z.object({ name: optionalString }).nullish(),
  distance_data: z
    .object({ summary: z.object({ distance_meters: optionalNonNegative, elevation: z.object({ gain_actual_meters: optionalNonNegative }).nullish() }).nullish() })
    .nullish(),
  heart_rate_data: z.object({ summary: z.object({ avg_hr_bpm: optionalNonNegative, max_hr_bpm: optionalNonNegative }).nullish() }).nullish(),
  calories_data: z.object({ total_burned_calories: optionalNonNegative }).nullish(),
  active_durations_data: z.object({ activity_seconds: optionalNonNegative }).nullish(),
});

/**
 * A Terra Activity → the shared activity, or null for a deletion notice. Times carry their offset
 * when Terra knows it; without one Terra means local time, which is read as UTC with no offset shown.
 */
export function normalizeTerraActivity(raw: unknown): NormalizedActivity | null {
  const a = activity.parse(raw);
  if (a.metadata.upload_type === DELETED) return null;
  const hasOffset = (value: string) => offsetOfIsoDateTime(value) !== null;
  const asInstant = (value: string) => parseInstant(hasOffset(value) ? value : `${value}Z`);
  const start = asInstant(a.metadata.start_time);
  const end = asInstant(a.metadata.end_time);
  const type = a.metadata.type ?? null;
  return {
    provider: "terra",
    providerActivityId: a.metadata.summary_id,
    name: a.metadata.name ?? "Workout",
    sport: terraSport(type),
    sportType: type === null ? null : String(type),
    startTime: start,
    utcOffsetMinutes: offsetOfIsoDateTime(a.metadata.start_time),
    elapsedSeconds: Math.max(0, (end.getTime() - start.getTime()) / 1000),
    movingSeconds: a.active_durations_data?.activity_seconds ?? null,
    distanceMeters: a.distance_data?.summary?.distance_meters || null,
    elevationGainMeters: a.distance_data?.summary?.elevation?.gain_actual_meters ?? null,
    averageHeartRate: a.heart_rate_data?.summary?.avg_hr_bpm ?? null,
    maxHeartRate: a.heart_rate_data?.summary?.max_hr_bpm ?? null,
    calories: a.calories_data?.total_burned_calories ?? null,
    device: a.device_data?.name ?? null,
    raw,
  };
}
