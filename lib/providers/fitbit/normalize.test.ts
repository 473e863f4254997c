import { describe, expect, it } from "vitest";
import { parseProviderJson } from "@/lib/providers/json";
import { loadFixture } from "@/lib/testing/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { fitbitDefinition } from "./definition";
import { normalizeFitbitActivity } from "./normalize";

/**
 * The samples hold no Fitbit activity (a real list is kept back for acceptance tests), so these
 * entries are constructed from the documented field table in fitbit.md.
 */
const constructedList = `{
  "activities": [
    { "logId": 2907044112471568224, "activityName": "Run", "activityTypeId": 90009,
      "startTime": "2025-02-03T11:57:55.000-07:00", "originalStartTime": "2025-02-03T11:57:55.000-07:00",
      "duration": 2783000, "activeDuration": 2700000, "distance": 8.05, "distanceUnit": "Kilometer",
      "elevationGain": 42.7, "averageHeartRate": 151, "calories": 612, "steps": 7340, "logType": "tracker",
      "source": { "id": "1234", "name": "Google Pixel Watch 2", "type": "tracker" },
      "lastModified": "2025-02-03T19:45:12.000Z" },
    { "logId": 61234567890, "activityName": "Bike", "activityTypeId": 90001,
      "startTime": "2025-02-04T07:10:00.000-05:00", "duration": 3600000, "activeDuration": 3500000,
      "distance": 15.5, "distanceUnit": "Mile", "elevationGain": 300, "averageHeartRate": 132, "calories": 700,
      "source": { "name": "Charge 5", "type": "tracker" }, "logType": "auto_detected" },
    { "logId": 61234567891, "activityName": "Weights", "activityTypeId": 3000,
      "startTime": "2025-02-05T18:00:00.000+01:00", "duration": 1800000, "activeDuration": 1800000,
      "calories": 210, "logType": "manual" }
  ],
  "pagination": { "afterDate": "2025-02-01", "limit": 100, "next": "", "offset": 0, "previous": "", "sort": "asc" }
}`;

describe("normalizeFitbitActivity", () => {
  const { activities } = parseProviderJson(constructedList) as { activities: unknown[] };

  it("keeps a logId above 2^53 exact, reads the local offset, converts ms and km", () => {
    expect(normalizeFitbitActivity(activities[0])).toMatchObject({
      provider: "fitbit",
      providerActivityId: "2907044112471568224",
      name: "Run",
      sport: "run",
      startTime: new Date("2025-02-03T18:57:55Z"),
      utcOffsetMinutes: -420,
      elapsedSeconds: 2783,
      movingSeconds: 2700,
      distanceMeters: 8050,
      elevationGainMeters: 42.7,
      averageHeartRate: 151,
      maxHeartRate: null,
      calories: 612,
      device: "Google Pixel Watch 2",
    });
  });

  it("converts miles (and feet for elevation in imperial locales)", () => {
    expect(normalizeFitbitActivity(activities[1])).toMatchObject({
      sport: "ride",
      startTime: new Date("2025-02-04T12:10:00Z"),
      utcOffsetMinutes: -300,
      distanceMeters: 24944.83, // 15.5 × 1609.344
      elevationGainMeters: 91.44, // 300 ft × 0.3048
      device: "Charge 5",
    });
  });

  it("leaves a missing distance and device empty", () => {
    expect(normalizeFitbitActivity(activities[2])).toMatchObject({ sport: "strength", distanceMeters: null, device: null, elapsedSeconds: 1800 });
  });

  it("falls back to the activity name for unknown type ids", () => {
    const base = { logId: 1, startTime: "2025-01-01T10:00:00.000+00:00" };
    expect(normalizeFitbitActivity({ ...base, activityName: "Treadmill jog", activityTypeId: 123 }).sport).toBe("run");
    expect(normalizeFitbitActivity({ ...base, activityName: "Tennis", activityTypeId: 27 }).sport).toBe("other");
  });

  it("skips malformed entries and keeps the rest", () => {
    const batch = normalizeBatch([activities[0], { logId: 5, activityName: "x", startTime: "not a date" }, { activityName: "no id" }], normalizeFitbitActivity);
    expect(batch.activities).toHaveLength(1);
    expect(batch.skipped).toBe(2);
  });

  it("takes the account id from the documented token response", () => {
    const body = loadFixture("fitbit-token-response.json") as Record<string, unknown>;
    expect(fitbitDefinition.oauth.accountIdFromTokenResponse(body)).toBe("GGNJL9");
  });
});
