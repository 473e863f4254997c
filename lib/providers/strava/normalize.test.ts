import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { normalizeStravaActivity } from "./normalize";

describe("normalizeStravaActivity", () => {
  it("reads the documented /athlete/activities example", () => {
    const [first, second] = (loadFixture("strava-list-activities.json") as unknown[]).map(normalizeStravaActivity);
    expect(first).toMatchObject({
      provider: "strava",
      providerActivityId: "154504250376823",
      name: "Happy Friday",
      sport: "ride",
      sportType: "MountainBikeRide",
      // start_date is the instant; start_date_local (05:15:09"Z") is wall-clock and must not be used.
      startTime: new Date("2018-05-02T12:15:09Z"),
      utcOffsetMinutes: -420,
      elapsedSeconds: 4500,
      movingSeconds: 4500,
      distanceMeters: 24931.4,
      elevationGainMeters: 0,
      averageHeartRate: 140.3,
      maxHeartRate: 178,
      calories: 789,
      device: "Garmin Edge 1030",
    });
    expect(second).toMatchObject({ providerActivityId: "1234567809", name: "Bondcliff", startTime: new Date("2018-04-30T12:35:51Z"), calories: 1080 });
  });

  it("reads the detail example: an id above 2^53 stays exact, calories win over kilojoules", () => {
    const detail = normalizeStravaActivity(loadFixture("strava-activity-detail.json"));
    expect(detail).toMatchObject({
      providerActivityId: "12345678987654321",
      startTime: new Date("2018-02-16T14:52:54Z"),
      utcOffsetMinutes: -480,
      elapsedSeconds: 4410,
      movingSeconds: 4207,
      distanceMeters: 28099,
      elevationGainMeters: 516,
      averageHeartRate: null,
      calories: 870.2,
    });
  });

  it("maps sport types onto the shared vocabulary and keeps the original label", () => {
    const base = { id: 1, name: "x", start_date: "2024-01-01T10:00:00Z" };
    const sportOf = (sport_type: string) => normalizeStravaActivity({ ...base, sport_type }).sport;
    expect(sportOf("TrailRun")).toBe("run");
    expect(sportOf("VirtualRide")).toBe("ride");
    expect(sportOf("WeightTraining")).toBe("strength");
    expect(sportOf("NordicSki")).toBe("nordic_ski");
    expect(sportOf("Pickleball")).toBe("racket");
    expect(normalizeStravaActivity({ ...base, type: "Run" })).toMatchObject({ sport: "run", sportType: "Run", calories: null, device: null });
  });

  it("sends documented sport types through the sport table, falling back to the legacy type", () => {
    const base = { id: 1, name: "x", start_date: "2024-01-01T10:00:00Z" };
    const of = (fields: { sport_type?: string; type?: string }) => normalizeStravaActivity({ ...base, ...fields });
    expect(of({ sport_type: "GravelRide", type: "Ride" })).toMatchObject({ sport: "ride", sportType: "GravelRide" });
    expect(of({ sport_type: "PhysicalTherapy", type: "Workout" })).toMatchObject({ sport: "mobility", sportType: "PhysicalTherapy" });
    expect(of({ sport_type: "Wheelchair" }).sport).toBe("wheelchair");
    expect(of({ sport_type: "StandUpPaddling" }).sport).toBe("paddle");
    expect(of({ type: "virtualrun" })).toMatchObject({ sport: "run", sportType: "virtualrun" });
    // A sport_type newer than the table still lands on its legacy type.
    expect(of({ sport_type: "FutureRide", type: "Ride" })).toMatchObject({ sport: "ride", sportType: "FutureRide" });
    expect(of({ sport_type: "Workout", type: "Workout" }).sport).toBe("other");
  });

  it("skips malformed entries without dropping their neighbours", () => {
    const good = (loadFixture("strava-list-activities.json") as unknown[])[0];
    const batch = normalizeBatch([good, { id: 2, name: "no start" }, { id: 3, name: "bad date", start_date: "yesterday" }, "junk"], normalizeStravaActivity);
    expect(batch.activities.map((a) => a.name)).toEqual(["Happy Friday"]);
    expect(batch.skipped).toBe(3);
    expect(batch.problems[0]).toContain("start_date");
  });
});
