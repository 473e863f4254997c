import { describe, expect, it } from "vitest";
import { syntheticTrack } from "@/lib/providers/synthetic/track";
import { boundStreams, decodePolyline, describeStreams, MAX_ROUTE_POINTS, MAX_SAMPLES, streamsFromSamples } from "./streams";

describe("the shared streams", () => {
  it("sorts samples, merges those of one second, keeps only series with values", () => {
    const streams = streamsFromSamples([
      { t: 1010, heartRate: 120 },
      { t: 1000, heartRate: 110, lat: 45, lng: 4 },
      { t: 1010, speed: 3, lat: 45.001, lng: 4.001 },
      { t: Number.NaN, heartRate: 1 },
    ])!;
    expect(streams.time).toEqual([0, 10]);
    expect(streams.heartRate).toEqual([110, 120]);
    expect(streams.speed).toEqual([null, 3]);
    expect(streams.power).toBeUndefined();
    expect(streams.route).toEqual([
      [45, 4],
      [45.001, 4.001],
    ]);
    expect(streamsFromSamples([])).toBeNull();
  });

  it("decodes Google's encoded polylines with a library, and survives garbage", () => {
    expect(decodePolyline("_p~iF~ps|U_ulLnnqC_mqNvxq`@")).toEqual([
      [38.5, -120.2],
      [40.7, -120.95],
      [43.252, -126.453],
    ]);
    expect(decodePolyline("")).toEqual([]);
    expect(decodePolyline(null)).toEqual([]);
  });

  it("bounds what is kept: an even pick of samples and route points, first and last kept, values rounded", () => {
    const track = syntheticTrack({ seed: "long", sport: "ride", elapsedSeconds: 6 * 3600, distanceMeters: 180_000, elevationGainMeters: 2000, averageHeartRate: 140, maxHeartRate: 170 }, 1);
    const streams = streamsFromSamples(track)!;
    expect(streams.time.length).toBe(6 * 3600 + 1);
    const bounded = boundStreams(streams);
    expect(bounded.time).toHaveLength(MAX_SAMPLES);
    expect(bounded.time[0]).toBe(0);
    expect(bounded.time.at(-1)).toBe(6 * 3600);
    expect(bounded.power).toHaveLength(MAX_SAMPLES);
    expect(bounded.route).toHaveLength(MAX_ROUTE_POINTS);
    expect(JSON.stringify(bounded).length).toBeLessThan(120_000);
    expect(describeStreams(bounded)).toEqual({ samples: MAX_SAMPLES, series: ["heartRate", "speed", "altitude", "cadence", "power", "distance"], routePoints: MAX_ROUTE_POINTS });
  });
});
