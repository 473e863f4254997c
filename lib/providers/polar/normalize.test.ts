import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { polarDefinition } from "./definition";
import { normalizePolarExercise } from "./normalize";

describe("normalizePolarExercise", () => {
  it("reads the documented /v3/exercises example (local start time + offset in minutes)", () => {
    const [exercise] = loadFixture("polar-list-exercises.json") as unknown[];
    expect(normalizePolarExercise(exercise)).toMatchObject({
      provider: "polar",
      providerActivityId: "2AC312F",
      name: "Watersports waterski",
      sport: "water_sport",
      sportType: "WATERSPORTS_WATERSKI",
      // 10:40:02 local at UTC+3 is 07:40:02 UTC.
      startTime: new Date("2008-10-13T07:40:02Z"),
      utcOffsetMinutes: 180,
      elapsedSeconds: 9840, // PT2H44M
      movingSeconds: null,
      distanceMeters: 1600,
      elevationGainMeters: null,
      averageHeartRate: 129,
      maxHeartRate: 147,
      calories: 530,
      device: "Polar M400",
    });
  });

  it("reads the deprecated transactional summary (kebab-case keys) through the same schema", () => {
    expect(normalizePolarExercise(loadFixture("polar-exercise-summary-deprecated.json"))).toMatchObject({
      providerActivityId: "1937529874",
      sport: "run",
      name: "Running",
      startTime: new Date("2008-10-13T07:40:02Z"),
      elapsedSeconds: 9885, // PT2H44M45S
      distanceMeters: 1600.2,
      averageHeartRate: 129,
    });
  });

  it("handles fractional ISO durations and west-of-UTC offsets", () => {
    const e = normalizePolarExercise({ id: "x", start_time: "2025-03-01T18:00:00", start_time_utc_offset: -300, duration: "PT45M30.5S", sport: "CYCLING" });
    expect(e).toMatchObject({ startTime: new Date("2025-03-01T23:00:00Z"), elapsedSeconds: 2730.5, sport: "ride" });
  });

  it("reads the detailed sport first, as sent in either key style, and falls back to the coarse sport", () => {
    const base = { id: "x", start_time: "2025-03-01T18:00:00", start_time_utc_offset: 0 };
    expect(normalizePolarExercise({ ...base, sport: "RUNNING", detailed_sport_info: "TRAIL_RUNNING" })).toMatchObject({ sport: "run", sportType: "TRAIL_RUNNING" });
    expect(normalizePolarExercise({ ...base, sport: "OTHER", "detailed-sport-info": "TRAIL_RUNNING" })).toMatchObject({ sport: "run", sportType: "TRAIL_RUNNING" });
    expect(normalizePolarExercise({ ...base, sport: "OTHER", detailed_sport_info: "XC_SKIING_CLASSIC" }).sport).toBe("nordic_ski");
    expect(normalizePolarExercise({ ...base, sport: "OTHER", detailed_sport_info: "RIDING" }).sport).toBe("equestrian");
    // A detailed value the table does not know leaves the coarse sport to decide.
    expect(normalizePolarExercise({ ...base, sport: "CYCLING", detailed_sport_info: "CYCLING_ROAD" })).toMatchObject({ sport: "ride", sportType: "CYCLING_ROAD" });
    expect(normalizePolarExercise({ ...base, sport: "OTHER", detailed_sport_info: "OTHER_INDOOR" }).sport).toBe("other");
  });

  it("skips entries that are not exercises (webhook events, transaction lists) and bad start times", () => {
    const batch = normalizeBatch(
      [loadFixture("polar-webhook-exercise.json"), loadFixture("polar-exercise-transaction-list.json"), { id: "y", start_time: "2025-03-01T18:00:00Z" }],
      normalizePolarExercise,
    );
    expect(batch).toMatchObject({ activities: [], skipped: 3 });
  });

  it("takes the account id from the token response; registration answers with the Polar user", () => {
    expect(polarDefinition.oauth.accountIdFromTokenResponse(loadFixture("polar-token-response.json") as Record<string, unknown>)).toBe("10579");
    expect(loadFixture("polar-register-user-response.json")).toMatchObject({ "polar-user-id": 2278512, "first-name": "Eka" });
  });
});
