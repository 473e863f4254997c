import { z } from "zod";
import { streamsFromSamples, validLatLng, type ActivityStreams, type Sample, type SeriesKey } from "@/lib/streams/streams";
import { isoDurationToSeconds } from "../normalize-kit";

/**
 * AccessLink sample types (`sample-type`): each a comma-separated string recorded every
 * `recording-rate` seconds. Speed comes in km/h; the rest already in the shared units.
 */
const sampleTypes: Record<string, { key: SeriesKey; scale: number }> = {
  "0": { key: "heartRate", scale: 1 },
  "1": { key: "speed", scale: 1 / 3.6 },
  "2": { key: "cadence", scale: 1 },
  "3": { key: "altitude", scale: 1 },
  "4": { key: "power", scale: 1 },
  // Running cadence (steps per minute) where no bike cadence was recorded.
  "8": { key: "cadence", scale: 1 },
  "10": { key: "distance", scale: 1 },
};

const exercise = z
  .object({
    samples: z.array(z.object({ "recording-rate": z.number().positive(), "sample-type": z.union([z.string(), z.number()]).transform(String), data: z.string() }).passthrough()).nullish(),
    route: z.array(z.object({ latitude: z.number(), longitude: z.number(), time: z.string().nullish() }).passthrough()).nullish(),
  })
  .passthrough();

/** One exercise fetched with `samples=true&route=true` → the shared streams. */
export function normalizePolarStreams(payload: unknown): ActivityStreams | null {
  const parsed = exercise.safeParse(payload);
  if (!parsed.success) return null;
  const byTime = new Map<number, Sample>();
  for (const series of parsed.data.samples ?? []) {
    const type = sampleTypes[series["sample-type"]];
    if (!type) continue;
    series.data.split(",").forEach((text, i) => {
      const t = i * series["recording-rate"];
      const value = text.trim() === "" ? NaN : Number(text);
      const sample = byTime.get(t) ?? { t };
      // A bike cadence (type 2) wins over a running one (type 8) recorded at the same time.
      if (Number.isFinite(value) && (sample[type.key] === undefined || series["sample-type"] !== "8")) sample[type.key] = value * type.scale;
      byTime.set(t, sample);
    });
  }
  const route = (parsed.data.route ?? [])
    .map((point) => ({ at: point.time ? safeSeconds(point.time) : 0, point: validLatLng(point.latitude, point.longitude) }))
    .filter((p): p is { at: number; point: [number, number] } => p.point !== null)
    .sort((a, b) => a.at - b.at)
    .map((p) => p.point);
  return streamsFromSamples([...byTime.values()], route.length >= 2 ? route : undefined);
}

function safeSeconds(duration: string): number {
  try {
    return isoDurationToSeconds(duration);
  } catch {
    return 0;
  }
}
