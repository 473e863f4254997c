import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProviderJson } from "@/lib/providers/json";
import { fixturesDirOf, loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { fitbitDefinition } from "./definition";
import { normalizeFitbitActivity } from "./normalize";

/**
 * The shared samples hold no Fitbit activity (a real list is kept back for acceptance tests), so this
 * page of `activities/list.json` (fixtures/fitbit-list-activities.constructed.json) is CONSTRUCTED
 * from the documented field table in fitbit.md. It is parsed from text the way the HTTP client
 * parses it, so the first logId (> 2^53) takes the real path.
 */
const constructedPage = fs.readFileSync(path.join(fixturesDirOf("fitbit"), "fitbit-list-activities.constructed.json"), "utf8");

describe("normalizeFitbitActivity (constructed entries)", () => {
  const { activities } = parseProviderJson(constructedPage) as { activities: unknown[] };

  it("keeps a logId above 2^53 exact, places the local start on the timeline, converts ms and km", () => {
    expect(normalizeFitbitActivity(activities[0])).toEqual({
      provider: "fitbit",
      providerActivityId: "2907044112471568224",
      name: "Run",
      sport: "run",
      sportType: "Run",
      startTime: new Date("2025-02-03T18:57:55Z"), // 11:57:55 at −07:00
      utcOffsetMinutes: -420,
      elapsedSeconds: 2783, // 2783000 ms
      movingSeconds: 2700, // 2700000 ms
      distanceMeters: 8050, // 8.05 km
      elevationGainMeters: 42.7, // metric locale: metres
      averageHeartRate: 151,
      maxHeartRate: null,
      calories: 612,
      device: "Google Pixel Watch 2",
      raw: activities[0],
    });
  });

  it("converts miles, and reads elevation in feet when distances are in miles", () => {
    expect(normalizeFitbitActivity(activities[1])).toMatchObject({
      providerActivityId: "61234567890",
      sport: "ride",
      sportType: "Bike",
      startTime: new Date("2025-02-04T12:10:00Z"), // 07:10 at −05:00
      utcOffsetMinutes: -300,
      elapsedSeconds: 3600.5, // 3600500 ms
      movingSeconds: 3500,
      distanceMeters: 24944.83, // 15.5 mi × 1609.344 = 24944.832
      elevationGainMeters: 91.44, // 300 ft × 0.3048
      averageHeartRate: 132,
      calories: 700,
      device: "Charge 5",
    });
  });

  it("leaves a missing distance, elevation and source empty", () => {
    expect(normalizeFitbitActivity(activities[2])).toMatchObject({
      sport: "strength",
      startTime: new Date("2025-02-05T17:00:00Z"), // 18:00 at +01:00
      utcOffsetMinutes: 60,
      elapsedSeconds: 1800,
      distanceMeters: null,
      elevationGainMeters: null,
      averageHeartRate: null,
      device: null,
    });
  });

  it("reads a half-hour offset", () => {
    expect(normalizeFitbitActivity(activities[3])).toMatchObject({
      sport: "yoga",
      startTime: new Date("2025-02-06T01:00:00Z"), // 06:30 at +05:30
      utcOffsetMinutes: 330,
      elapsedSeconds: 2700,
      movingSeconds: 2640,
      distanceMeters: null,
      elevationGainMeters: 0,
      device: "Fitbit for Android",
    });
  });

  it("maps documented activity names and catalog ids through the sport table, else other", () => {
    const of = (activityTypeId: number | undefined, activityName: string) =>
      normalizeFitbitActivity({ logId: 1, activityTypeId, activityName, startTime: "2025-01-01T10:00:00.000+00:00" });
    expect(of(90009, "Run")).toMatchObject({ sport: "run", sportType: "Run" });
    expect(of(90019, "Treadmill").sport).toBe("run");
    expect(of(1071, "Outdoor Bike").sport).toBe("ride");
    expect(of(55001, "Spinning").sport).toBe("ride");
    expect(of(20047, "Elliptical").sport).toBe("cardio");
    expect(of(undefined, "Interval Workout").sport).toBe("hiit");
    expect(of(undefined, "Tennis").sport).toBe("racket");
    // A catalog level's long name is not in the table; its id still places it.
    expect(of(12030, "Running - 5 mph (12 min/mile)")).toMatchObject({ sport: "run", sportType: "Running - 5 mph (12 min/mile)" });
    expect(of(18120, "Sailing, boat and board sailing, windsurfing, ice sailing, general").sport).toBe("water_sport");
    expect(of(15000, "Sport").sport).toBe("other");
    expect(of(123, "Skipping rope").sport).toBe("other");
  });

  it("lets a known activity name decide over the id, since the name is the label the log carries", () => {
    const of = (activityTypeId: number, activityName: string) =>
      normalizeFitbitActivity({ logId: 1, activityTypeId, activityName, startTime: "2025-01-01T10:00:00.000+00:00" }).sport;
    expect(of(1071, "Hike")).toBe("hike");
    expect(of(82, "Swim")).toBe("swim");
    expect(of(3000, "Weights")).toBe("strength");
    expect(of(90001, "Workout")).toBe("ride"); // a generic name leaves the id to decide
  });

  it("an unknown distance unit leaves distance and elevation empty instead of guessing", () => {
    const entry = { logId: 1, activityName: "Run", startTime: "2025-01-01T10:00:00Z", distance: 5, distanceUnit: "Furlong", elevationGain: 10 };
    expect(normalizeFitbitActivity(entry)).toMatchObject({ distanceMeters: null, elevationGainMeters: null, utcOffsetMinutes: 0 });
  });

  it("skips malformed entries, counts them, and keeps the rest", () => {
    const batch = normalizeBatch(
      [
        activities[0],
        { logId: 5, activityName: "Run", startTime: "2025-02-03T11:57:55.000" }, // no offset: no instant
        { logId: 6, activityName: "Run", startTime: "not a date+01:00" },
        { activityName: "no id", startTime: "2025-02-03T11:57:55.000Z" },
        { logId: 7, activityName: "Run", startTime: "2025-02-03T11:57:55.000Z", duration: "long" },
        null,
      ],
      normalizeFitbitActivity,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["2907044112471568224"]);
    expect(batch.skipped).toBe(5);
    expect(batch.problems[0]).toContain("UTC offset");
  });
});

describe("Fitbit token response", () => {
  it("names the account in user_id (read by accountIdFromTokenResponse); no adapter is needed", () => {
    const body = loadFixture("fitbit-token-response.json") as Record<string, unknown>;
    expect(fitbitDefinition.oauth.accountIdFromTokenResponse(body)).toBe("GGNJL9");
    expect(fitbitDefinition.oauth.accountIdFromTokenResponse({ ...body, user_id: undefined })).toBeUndefined();
    expect(fitbitDefinition.oauth).not.toHaveProperty("adaptTokenResponse");
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 28800 });
  });
});
