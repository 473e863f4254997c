import { describe, expect, it } from "vitest";
import { normalizeOuraHeartRate } from "./streams";

describe("Oura heart rate → a heart-rate stream", () => {
  const start = Date.parse("2021-11-01T10:00:00+00:00");
  const window = { start, end: start + 600_000 };
  // The documented shape of /v2/usercollection/heartrate, in two pages, with readings either side
  // of the workout and one written with another offset.
  const pages = [
    {
      data: [
        { bpm: 98, source: "awake", timestamp: "2021-11-01T09:59:00+00:00" },
        { bpm: 120, source: "awake", timestamp: "2021-11-01T10:00:05+00:00" },
        { bpm: 126, source: "workout", timestamp: "2021-11-01T12:02:35+02:00" },
      ],
      next_token: "abc",
    },
    {
      data: [
        { bpm: 131, source: "workout", timestamp: "2021-11-01T10:05:05+00:00" },
        { bpm: 140, source: "workout", timestamp: "2021-11-01T10:10:00+00:00" },
        { bpm: 90, source: "rest", timestamp: "2021-11-01T10:10:01+00:00" },
      ],
      next_token: null,
    },
  ];

  it("keeps the readings of every page inside the workout, in order, timed from its start", () => {
    const streams = normalizeOuraHeartRate(pages, window)!;
    expect(streams.time).toEqual([5, 155, 305, 600]);
    expect(streams.heartRate).toEqual([120, 126, 131, 140]);
    expect(streams.route).toBeUndefined();
    expect(streams.speed).toBeUndefined();
    expect(streams.distance).toBeUndefined();
  });

  it("does not depend on the order of the pages or of the readings", () => {
    const reversed = [...pages].reverse().map((page) => ({ ...page, data: [...page.data].reverse() }));
    expect(normalizeOuraHeartRate(reversed, window)).toEqual(normalizeOuraHeartRate(pages, window));
  });

  it("skips readings without a usable time or bpm, and pages of another shape", () => {
    const streams = normalizeOuraHeartRate(
      [
        "nope",
        { detail: "?" },
        {
          data: [
            { bpm: 110, source: "workout", timestamp: "2021-11-01T10:01:00+00:00" },
            { bpm: null, source: "workout", timestamp: "2021-11-01T10:02:00+00:00" },
            { bpm: 0, source: "workout", timestamp: "2021-11-01T10:03:00+00:00" },
            { bpm: 115, source: "workout", timestamp: "not a time" },
            { bpm: 118, source: "workout", timestamp: "2021-11-01T10:04:00+00:00" },
          ],
        },
      ],
      window,
    )!;
    expect(streams.time).toEqual([60, 240]);
    expect(streams.heartRate).toEqual([110, 118]);
  });

  it("has nothing to say with fewer than two readings in the window", () => {
    expect(normalizeOuraHeartRate([{ data: [], next_token: null }], window)).toBeNull();
    expect(normalizeOuraHeartRate([pages[0]!], { start: start + 60_000, end: start + 120_000 })).toBeNull();
    expect(normalizeOuraHeartRate(["nope"], window)).toBeNull();
  });
});
