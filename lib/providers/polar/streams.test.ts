import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizePolarStreams } from "./streams";

describe("Polar samples and route → streams", () => {
  it("reads the documented example: speed every 5 s in km/h", () => {
    const [exercise] = loadFixture("polar-list-exercises.json") as unknown[];
    const streams = normalizePolarStreams(exercise)!;
    expect(streams.time.slice(0, 3)).toEqual([0, 5, 10]);
    expect(streams.time).toHaveLength(27);
    expect(streams.speed![1]).toBeCloseTo(100 / 3.6, 5);
    expect(streams.heartRate).toBeUndefined();
    // One route point is not a route.
    expect(streams.route).toBeUndefined();
  });

  it("aligns sample types of different rates and orders the route by its duration offsets", () => {
    const streams = normalizePolarStreams({
      samples: [
        { "recording-rate": 1, "sample-type": "0", data: "100,101,,103" },
        { "recording-rate": 2, "sample-type": "3", data: "50.5,51" },
        { "recording-rate": 2, "sample-type": "8", data: "170,172" },
        { "recording-rate": 2, "sample-type": "2", data: "80,82" },
        { "recording-rate": 1, "sample-type": "11", data: "800,810" },
      ],
      route: [
        { latitude: 60.2, longitude: 25.1, time: "PT2S" },
        { latitude: 60.1, longitude: 25.0, time: "PT0S" },
      ],
    })!;
    expect(streams.time).toEqual([0, 1, 2, 3]);
    expect(streams.heartRate).toEqual([100, 101, null, 103]);
    expect(streams.altitude).toEqual([50.5, null, 51, null]);
    // A bike cadence wins over a running one.
    expect(streams.cadence).toEqual([80, null, 82, null]);
    expect(streams.route).toEqual([
      [60.1, 25.0],
      [60.2, 25.1],
    ]);
    expect(normalizePolarStreams("nonsense")).toBeNull();
  });
});
