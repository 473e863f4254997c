import { describe, expect, it } from "vitest";
import { HOME, syntheticTrack } from "./track";

const run = { seed: "a", sport: "run", elapsedSeconds: 3000, movingSeconds: 2900, distanceMeters: 10_000, elevationGainMeters: 60, averageHeartRate: 150, maxHeartRate: 172 };

describe("synthetic tracks", () => {
  it("are the same for the same seed and differ between seeds", () => {
    expect(syntheticTrack(run)).toEqual(syntheticTrack(run));
    expect(syntheticTrack({ ...run, seed: "b" })[100]!.lat).not.toBe(syntheticTrack(run)[100]!.lat);
  });

  it("cover the distance around the athlete's home town, with a plausible heart rate, and no route indoors", () => {
    const track = syntheticTrack(run);
    expect(track[0]!.t).toBe(0);
    expect(track.at(-1)!.t).toBe(3000);
    expect(track.at(-1)!.distance).toBeGreaterThan(8_500);
    for (const s of track) {
      expect(Math.abs(s.lat! - HOME[0])).toBeLessThan(0.2);
      expect(s.heartRate!).toBeLessThanOrEqual(172);
    }
    const indoor = syntheticTrack({ ...run, sport: "ride", indoor: true });
    expect(indoor.some((s) => s.lat !== undefined)).toBe(false);
    expect(indoor.some((s) => s.power !== undefined)).toBe(true);
  });
});
