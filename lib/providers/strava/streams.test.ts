import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeStravaStreams } from "./streams";

describe("Strava StreamSet → streams", () => {
  it("reads each stream type keyed by type, aligned with time", () => {
    const streams = normalizeStravaStreams(loadFixture("strava-activity-streams.constructed.json"))!;
    expect(streams.time).toEqual([0, 5, 10, 15, 20]);
    expect(streams.heartRate).toEqual([118, 126, 134, 139, 142]);
    expect(streams.speed).toEqual([0, 3.04, 3.12, 3.1, 3.16]);
    expect(streams.altitude?.[4]).toBe(13.8);
    expect(streams.distance?.[4]).toBe(62.3);
    expect(streams.cadence?.[1]).toBe(84);
    expect(streams.power).toBeUndefined();
    expect(streams.route).toHaveLength(5);
    expect(streams.route![0]).toEqual([37.7749, -122.4194]);
  });

  it("draws the route from the activity's summary polyline when there is no GPS stream", () => {
    const detail = loadFixture("strava-activity-detail.json") as { map: { summary_polyline: string; polyline: string } };
    const streams = normalizeStravaStreams({ time: { data: [0, 1] }, heartrate: { data: [100, 101] } }, detail)!;
    expect(streams.route!.length).toBeGreaterThan(1);
    for (const [lat, lng] of streams.route!) {
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lng)).toBeLessThanOrEqual(180);
    }
    // A manual entry (404: no streams) with no map has nothing to show.
    expect(normalizeStravaStreams(null, { map: { summary_polyline: "" } })).toBeNull();
  });
});
