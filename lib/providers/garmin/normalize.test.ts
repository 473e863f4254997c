import { describe, expect, it } from "vitest";
import { loadFixture } from "@/lib/testing/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { garminDefinition } from "./definition";
import { normalizeGarminActivity, normalizeGarminActivityDetails } from "./normalize";

describe("normalizeGarminActivity", () => {
  it("reads the documented push notification example", () => {
    const { activities } = loadFixture("garmin-push-activities.json") as { activities: unknown[] };
    const [run, ride] = activities.map(normalizeGarminActivity);
    expect(run).toMatchObject({
      provider: "garmin",
      providerActivityId: "EXAMPLE_12345",
      name: "Running",
      sport: "run",
      sportType: "RUNNING",
      startTime: new Date("2016-01-11T00:00:00Z"),
      utcOffsetMinutes: 0,
      elapsedSeconds: 11580,
      movingSeconds: null,
      distanceMeters: 519818.125,
      elevationGainMeters: null,
      averageHeartRate: null,
      calories: 448,
      device: "Forerunner 910XT",
    });
    expect(ride).toMatchObject({
      providerActivityId: "EXAMPLE_12346",
      name: "Cycling",
      sport: "ride",
      startTime: new Date("2016-01-11T09:54:54Z"),
      elapsedSeconds: 1824,
      distanceMeters: 4322.357,
      calories: 360,
    });
  });

  it("reads the documented activity details example, keyed by activityId", () => {
    const [detail] = loadFixture("garmin-activity-details.json") as unknown[];
    expect(normalizeGarminActivityDetails(detail)).toMatchObject({
      providerActivityId: "5001968355",
      name: "Olathe RUNNING",
      sport: "run",
      startTime: new Date("2017-12-02T17:02:06Z"),
      utcOffsetMinutes: -420,
      elapsedSeconds: 1789,
      distanceMeters: 4976.83,
      elevationGainMeters: 16,
      averageHeartRate: 144,
      maxHeartRate: 159,
      calories: 367,
      device: "Garmin fenix 8",
    });
  });

  it("ping notifications carry only callback URLs, never activity figures", () => {
    const { activities } = loadFixture("garmin-ping-activities.json") as { activities: unknown[] };
    const batch = normalizeBatch(activities, normalizeGarminActivity);
    expect(batch).toMatchObject({ activities: [], skipped: 1 });
  });

  it("the OAuth 2.0 token response names no account (the user id comes from /user/id)", () => {
    const body = loadFixture("garmin-oauth2-token-response.json") as Record<string, unknown>;
    expect(body.refresh_token).toBe("xUEA805jTCcGd4b7rs-SkOJP==");
    expect("accountIdFromTokenResponse" in garminDefinition.oauth).toBe(false);
  });

  it("maps types and falls back to other; skips entries without a start", () => {
    const base = { summaryId: "s1", startTimeInSeconds: 1_700_000_000 };
    expect(normalizeGarminActivity({ ...base, activityType: "INDOOR_CYCLING" }).sport).toBe("ride");
    expect(normalizeGarminActivity({ ...base, activityType: "LAP_SWIMMING" }).name).toBe("Lap swimming");
    expect(normalizeGarminActivity({ ...base, activityType: "PADDLEBOARDING_V2" })).toMatchObject({ sport: "other", name: "Paddleboarding" });
    const batch = normalizeBatch([{ ...base, activityType: "RUNNING" }, { summaryId: "x", activityType: "RUNNING" }], normalizeGarminActivity);
    expect(batch.activities).toHaveLength(1);
    expect(batch.skipped).toBe(1);
  });
});
