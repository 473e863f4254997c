import { z } from "zod";
import { streamsFromSamples, type ActivityStreams, type Sample } from "@/lib/streams/streams";

/** One page of `/v2/usercollection/heartrate`: readings `{bpm, source, timestamp}` and the token of the next page. */
export const heartRatePage = z.object({
  data: z.array(z.object({ bpm: z.unknown(), source: z.string().nullish(), timestamp: z.string() }).passthrough()),
  next_token: z.string().nullish(),
});

/**
 * Oura's heart rate over a workout's time (the pages of `/v2/usercollection/heartrate` asked for
 * its window) → a heart-rate stream timed from the workout's start (the first reading may come a
 * few seconds in). The ring records no route, speed or power. Readings outside the window are
 * dropped; inside it, readings labelled with another source than `workout` (rest, awake) are kept:
 * a detected workout's first minutes may still carry the label of what came before. Pages that
 * are not heart-rate pages and readings without a usable time or bpm are skipped.
 */
export function normalizeOuraHeartRate(pages: readonly unknown[], window: { start: number; end: number }): ActivityStreams | null {
  const samples: Sample[] = [];
  for (const page of pages) {
    const parsed = heartRatePage.safeParse(page);
    if (!parsed.success) continue;
    for (const reading of parsed.data.data) {
      const at = Date.parse(reading.timestamp);
      const bpm = reading.bpm;
      if (Number.isNaN(at) || at < window.start || at > window.end) continue;
      if (typeof bpm !== "number" || !Number.isFinite(bpm) || bpm <= 0) continue;
      samples.push({ t: (at - window.start) / 1000, heartRate: bpm });
    }
  }
  const streams = streamsFromSamples(samples);
  if (!streams || streams.time.length < 2) return null;
  // streamsFromSamples counts from the first sample; Oura's are counted from the workout's start.
  const offset = Math.round(samples.reduce((min, s) => Math.min(min, s.t), Infinity));
  return { ...streams, time: streams.time.map((t) => t + offset) };
}
