import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { garminDefinition } from "./definition";
import { normalizeGarminActivity } from "./normalize";

describe("normalizeGarminActivity", () => {
  it("reads the documented push notification example", () => {
    const { activities } = loadFixture("garmin-push-activities.json") as { activities: unknown[] };
    const [run, ride] = activities.map(normalizeGarminActivity);
    expect(run).toEqual({
      provider: "garmin",
      // No activityId in this OAuth1-era example, so the summaryId stands in.
      providerActivityId: "EXAMPLE_12345",
      name: "Running", // no activityName: named after RUNNING
      sport: "run",
      sportType: "RUNNING",
      startTime: new Date("2016-01-11T00:00:00Z"), // 1452470400 s = 16811 days exactly
      utcOffsetMinutes: 0,
      elapsedSeconds: 11580,
      movingSeconds: null,
      distanceMeters: 519818.125,
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: 448,
      device: "Forerunner 910XT",
      raw: activities[0],
    });
    expect(ride).toMatchObject({
      providerActivityId: "EXAMPLE_12346",
      name: "Cycling",
      sport: "ride",
      sportType: "CYCLING",
      startTime: new Date("2016-01-11T09:54:54Z"), // 1452506094 − 1452470400 = 35694 s = 9 h 54 min 54 s
      utcOffsetMinutes: 0,
      elapsedSeconds: 1824,
      distanceMeters: 4322.357,
      calories: 360,
      device: "Forerunner 910XT",
    });
  });

  it("reads the documented activity details example through its summary, keyed by activityId", () => {
    const [detail] = loadFixture("garmin-activity-details.json") as unknown[];
    expect(normalizeGarminActivity(detail)).toEqual({
      provider: "garmin",
      providerActivityId: "5001968355",
      name: "Olathe RUNNING",
      sport: "run",
      sportType: "RUNNING",
      // 1512234126 s = 17502 days (2017-12-02) + 61326 s (17:02:06)
      startTime: new Date("2017-12-02T17:02:06Z"),
      utcOffsetMinutes: -420, // −25200 s
      elapsedSeconds: 1789,
      movingSeconds: null,
      distanceMeters: 4976.83,
      elevationGainMeters: 16,
      averageHeartRate: 144,
      maxHeartRate: 159,
      calories: 367,
      device: "Garmin fenix 8",
      raw: detail,
    });
  });

  it("prefers activityId over a different summaryId", () => {
    const a = normalizeGarminActivity({ summaryId: "x4d2f9", activityId: 17293417361, activityType: "RUNNING", startTimeInSeconds: 1_700_000_000 });
    expect(a.providerActivityId).toBe("17293417361");
    expect(garminDefinition.activityUrl(a.providerActivityId)).toBe("https://connect.garmin.com/modern/activity/17293417361");
    expect(garminDefinition.activityUrl("x4d2f9")).toBeUndefined();
  });

  it("gives a details entry without activityId the id of its summary", () => {
    const [detail] = loadFixture("garmin-activity-details.json") as Record<string, unknown>[];
    expect(normalizeGarminActivity({ ...detail, activityId: undefined }).providerActivityId).toBe("5001968355"); // from "5001968355-detail"
  });

  it("ping notifications carry only callback URLs: skipped and counted, not activities", () => {
    const { activities } = loadFixture("garmin-ping-activities.json") as { activities: unknown[] };
    const batch = normalizeBatch(activities, normalizeGarminActivity);
    expect(batch).toMatchObject({ activities: [], skipped: 1 });
    expect(batch.problems[0]).toContain("startTimeInSeconds");
  });

  it("maps activity types onto the shared vocabulary and keeps the original label", () => {
    const base = { summaryId: "s1", startTimeInSeconds: 1_700_000_000 };
    const of = (activityType: string) => normalizeGarminActivity({ ...base, activityType });
    expect(of("TREADMILL_RUNNING")).toMatchObject({ sport: "run", sportType: "TREADMILL_RUNNING", name: "Treadmill running" });
    expect(of("E_BIKE_FITNESS").sport).toBe("ride");
    expect(of("OPEN_WATER_SWIMMING").sport).toBe("swim");
    expect(of("HIIT").sport).toBe("hiit");
    expect(of("PILATES").sport).toBe("pilates");
    expect(of("INDOOR_ROWING").sport).toBe("row");
    expect(of("RESORT_SKIING_SNOWBOARDING_WS")).toMatchObject({ sport: "ski", name: "Resort skiing snowboarding" });
    expect(of("BACKCOUNTRY_SKIING").sport).toBe("ski");
    expect(of("WATER_SKIING").sport).toBe("other"); // Appendix A spells it WATERSKIING
    expect(of("WATERSKIING").sport).toBe("water_sport");
    expect(of("ELLIPTICAL").sport).toBe("cardio");
    expect(of("PADDLEBOARDING_V2")).toMatchObject({ sport: "other", name: "Paddleboarding" });
    expect(normalizeGarminActivity(base)).toMatchObject({ sport: "other", sportType: null, name: "Activity" });
  });

  it("sends documented activity types through the sport table", () => {
    const base = { summaryId: "s1", startTimeInSeconds: 1_700_000_000 };
    const of = (activityType: string) => normalizeGarminActivity({ ...base, activityType });
    expect(of("BMX")).toMatchObject({ sport: "ride", sportType: "BMX" });
    expect(of("CROSS_COUNTRY_SKIING_WS")).toMatchObject({ sport: "nordic_ski", name: "Cross country skiing" });
    expect(of("STAND_UP_PADDLEBOARDING_V2").sport).toBe("paddle");
    expect(of("WHEELCHAIR_PUSH_RUN").sport).toBe("wheelchair");
    expect(of("BREATHWORK").sport).toBe("recovery");
    expect(of("PADDELBALL").sport).toBe("racket");
    expect(of("OTHER").sport).toBe("other");
    // A _V2 twin newer than the table is read as its plain name.
    expect(of("MOUNTAIN_BIKING_V2")).toMatchObject({ sport: "ride", sportType: "MOUNTAIN_BIKING_V2" });
  });

  it("skips malformed entries without dropping their neighbours", () => {
    const { activities } = loadFixture("garmin-push-activities.json") as { activities: unknown[] };
    const batch = normalizeBatch(
      [
        activities[0],
        { summaryId: "no-start", activityType: "RUNNING" },
        { activityType: "RUNNING", startTimeInSeconds: 1_700_000_000 },
        { summaryId: "s", startTimeInSeconds: "yesterday" },
        "junk",
      ],
      normalizeGarminActivity,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["EXAMPLE_12345"]);
    expect(batch.skipped).toBe(4);
    expect(batch.problems[1]).toContain("neither activityId nor summaryId");
  });
});

describe("Garmin token response", () => {
  it("is RFC 6749-shaped (no adapter) and names no account: the id comes from /user/id", () => {
    const body = loadFixture("garmin-oauth2-token-response.json") as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 86400, refresh_token: "xUEA805jTCcGd4b7rs-SkOJP==" });
    expect(garminDefinition.oauth).not.toHaveProperty("adaptTokenResponse");
    expect(garminDefinition.oauth).not.toHaveProperty("accountIdFromTokenResponse");
  });
});
