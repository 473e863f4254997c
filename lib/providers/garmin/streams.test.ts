import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeGarminDetails } from "./streams";

describe("Garmin Activity Details → streams", () => {
  const details = loadFixture("garmin-activity-details.json");

  it("reads the documented example's samples for its activity id", () => {
    const streams = normalizeGarminDetails(details, "5001968355")!;
    // Epoch-second sample times, counted from the first sample.
    expect(streams.time).toEqual([0, 9]);
    expect(streams.heartRate).toEqual([108, 109]);
    expect(streams.speed).toEqual([1.3250000476837158, 1.315999984741211]);
    expect(streams.altitude).toEqual([314, 314.20001220703125]);
    expect(streams.distance).toEqual([1903.4200439453125, 1916.18994140625]);
    expect(streams.route).toEqual([
      [38.832325832918286, -94.74890395067632],
      [38.832390792667866, -94.74878308363259],
    ]);
    expect(streams.power).toBeUndefined();
  });

  it("finds the record by its summary id too, and nothing for another", () => {
    expect(normalizeGarminDetails(details, "5001968355")).toEqual(normalizeGarminDetails(details, "5001968355"));
    const bySummary = [{ summaryId: "x4d2f9-detail", samples: [{ startTimeInSeconds: 10, heartRate: 90, powerInWatts: 210, bikeCadenceInRPM: 88 }, { startTimeInSeconds: 11, heartRate: 91 }] }];
    const streams = normalizeGarminDetails(bySummary, "x4d2f9")!;
    expect(streams.power).toEqual([210, null]);
    expect(streams.cadence).toEqual([88, null]);
    expect(streams.route).toBeUndefined();
    expect(normalizeGarminDetails(details, "1")).toBeNull();
    expect(normalizeGarminDetails({ not: "a list" }, "1")).toBeNull();
  });
});
