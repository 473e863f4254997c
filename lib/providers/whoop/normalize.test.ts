import { describe, expect, it } from "vitest";
import { loadFixture } from "@/lib/testing/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { normalizeWhoopWorkout } from "./normalize";

describe("normalizeWhoopWorkout", () => {
  const expected = {
    provider: "whoop",
    providerActivityId: "ecfc6a15-4661-442f-a9a4-f160dd7afae8",
    name: "Running",
    sport: "run",
    sportType: "running",
    startTime: new Date("2022-04-24T02:25:44.774Z"),
    utcOffsetMinutes: -300,
    elapsedSeconds: 28800, // end − start = 8 h
    movingSeconds: null,
    distanceMeters: 1772.77,
    elevationGainMeters: 46.64,
    averageHeartRate: 123,
    maxHeartRate: 146,
    calories: 375.1, // 1569.34 kJ / 4.184
    device: "WHOOP",
  };

  it("reads the documented single workout", () => {
    expect(normalizeWhoopWorkout(loadFixture("whoop-workout-v2.json"))).toMatchObject(expected);
  });

  it("reads the documented workout collection", () => {
    const { records, next_token } = loadFixture("whoop-list-workouts.json") as { records: unknown[]; next_token: string };
    expect(next_token).toBe("MTIzOjEyMzEyMw");
    expect(records.map(normalizeWhoopWorkout)).toMatchObject([expected]);
  });

  it("keeps an unscored workout without its score figures", () => {
    const pending = { ...(loadFixture("whoop-workout-v2.json") as object), score_state: "PENDING_SCORE" };
    expect(normalizeWhoopWorkout(pending)).toMatchObject({ calories: null, averageHeartRate: null, distanceMeters: null, elapsedSeconds: 28800 });
  });

  it("maps sport names and names workouts after them", () => {
    const base = { id: "u", start: "2024-01-01T10:00:00Z", end: "2024-01-01T11:00:00Z" };
    expect(normalizeWhoopWorkout({ ...base, sport_name: "functional fitness" })).toMatchObject({ sport: "strength", name: "Functional Fitness" });
    expect(normalizeWhoopWorkout({ ...base, sport_name: "hiking/rucking" })).toMatchObject({ sport: "hike", name: "Hiking/Rucking" });
    expect(normalizeWhoopWorkout({ ...base, sport_name: "jiu jitsu" }).sport).toBe("other");
  });

  it("skips malformed records — including the id-only webhook event — and keeps the rest", () => {
    const batch = normalizeBatch([loadFixture("whoop-workout-v2.json"), loadFixture("whoop-webhook-event.json"), { id: "x", start: "soon", end: "later" }], normalizeWhoopWorkout);
    expect(batch.activities).toHaveLength(1);
    expect(batch.skipped).toBe(2);
  });

  it("the documented refresh response carries a rotated refresh token", () => {
    const body = loadFixture("whoop-token-refresh-response.json") as Record<string, unknown>;
    expect(body).toMatchObject({ refresh_token: "the-value-of-the-new-refresh-token", expires_in: 3600 });
  });
});
