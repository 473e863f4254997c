import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeTerraStreams } from "./streams";

describe("Terra samples → streams", () => {
  const payload = loadFixture("terra-activity-samples.constructed.json");

  it("merges each kind's timestamped samples by the second, from the payload's first sample", () => {
    const streams = normalizeTerraStreams(payload, "7f3e2c1a-terra-sample")!;
    expect(streams.time).toEqual([0, 10, 20]);
    expect(streams.heartRate).toEqual([118, 131, 140]);
    expect(streams.distance).toEqual([null, 31.5, 63]);
    expect(streams.altitude).toEqual([21.4, null, null]);
    expect(streams.speed).toEqual([null, 3.15, null]);
    expect(streams.cadence).toBeUndefined();
    // Position samples win over the summary polyline; a sample without coordinates is skipped.
    expect(streams.route).toEqual([
      [51.5072, -0.1276],
      [51.5075, -0.127],
    ]);
  });

  it("falls back to the summary polyline, and finds nothing for another id", () => {
    const withoutGps = structuredClone(payload) as { data: { position_data?: unknown }[] };
    delete withoutGps.data[0]!.position_data;
    // Terra's own schema example is Google's textbook polyline.
    expect(normalizeTerraStreams(withoutGps, "7f3e2c1a-terra-sample")!.route).toEqual([
      [38.5, -120.2],
      [40.7, -120.95],
      [43.252, -126.453],
    ]);
    expect(normalizeTerraStreams(payload, "another")).toBeNull();
    expect(normalizeTerraStreams({ unexpected: true }, "x")).toBeNull();
  });
});
