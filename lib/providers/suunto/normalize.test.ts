import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { suuntoDefinition } from "./definition";
import { normalizeSuuntoWorkout } from "./normalize";

const detail = () => (loadFixture("suunto-workout-detail-v3.json") as { payload: Record<string, unknown> }).payload;

const workout = (fields: Record<string, unknown> = {}) => ({ workoutKey: "k-1", activityId: 1, startTime: 1_700_000_000_000, totalTime: 1800, ...fields });

describe("normalizeSuuntoWorkout", () => {
  const expected = {
    provider: "suunto",
    providerActivityId: "test-workout-key-0001", // workoutKey; the legacy workoutId is 0
    name: "Walking",
    sport: "walk", // activityId 0 is Walking
    sportType: "0",
    startTime: new Date("2026-05-17T13:37:22.670Z"), // 1779025042670 ms
    utcOffsetMinutes: 120,
    elapsedSeconds: 12.144, // totalTime; the payload has no stopTime
    movingSeconds: null,
    distanceMeters: 53,
    elevationGainMeters: 2.4,
    averageHeartRate: 78, // hrdata.workoutAvgHR
    maxHeartRate: 79, // hrdata.workoutMaxHR, not the user's configured 196 (`max` / `userMaxHR`)
    calories: 0, // energyConsumption
    device: null, // no `gear` in this payload
  };

  it("reads the captured v3 detail payload", () => {
    const raw = detail();
    expect(normalizeSuuntoWorkout(raw)).toEqual({ ...expected, raw });
  });

  it("reads the same record in the constructed list envelope", () => {
    const list = loadFixture("suunto-list-workouts.constructed.json") as { error: null; payload: unknown[] };
    expect(list.error).toBeNull();
    expect(list.payload.map(normalizeSuuntoWorkout)).toEqual([{ ...expected, raw: list.payload[0] }]);
  });

  it("falls back to the older hrdata names and to stopTime, and names the device from gear", () => {
    const a = normalizeSuuntoWorkout(
      workout({
        activityId: 22,
        totalTime: undefined,
        stopTime: 1_700_000_000_000 + 3_723_500,
        hrdata: { avg: 150, hrmax: 181, max: 195 },
        gear: { manufacturer: "Suunto", name: "Suunto 9 Peak Pro", displayName: "Suunto 9 Peak Pro Titanium" },
        energyConsumption: 812.5,
        timeOffsetInMinutes: -300,
      }),
    );
    expect(a).toMatchObject({
      name: "Trail running",
      sport: "run",
      sportType: "22",
      elapsedSeconds: 3723.5,
      averageHeartRate: 150,
      maxHeartRate: 181,
      calories: 812.5,
      utcOffsetMinutes: -300,
      device: "Suunto 9 Peak Pro Titanium",
    });
    expect(normalizeSuuntoWorkout(workout({ gear: { name: "Suunto Race" } })).device).toBe("Suunto Race");
  });

  it("reads 0 bpm as no heart rate", () => {
    expect(normalizeSuuntoWorkout(workout({ hrdata: { workoutAvgHR: 0, workoutMaxHR: 0, userMaxHR: 190 } }))).toMatchObject({ averageHeartRate: null, maxHeartRate: null });
  });

  it("names generic and unknown activities Workout and sends them to other", () => {
    expect(normalizeSuuntoWorkout(workout({ activityId: 4 }))).toMatchObject({ name: "Workout", sport: "other", sportType: "4" });
    expect(normalizeSuuntoWorkout(workout({ activityId: 9999 }))).toMatchObject({ name: "Workout", sport: "other", sportType: "9999" });
    expect(normalizeSuuntoWorkout(workout({ activityId: null }))).toMatchObject({ name: "Workout", sport: "other", sportType: null });
    expect(normalizeSuuntoWorkout(workout({ activityId: "2" }))).toMatchObject({ name: "Cycling", sport: "ride" });
  });

  it("skips malformed workouts without dropping their neighbours", () => {
    const batch = normalizeBatch(
      [
        detail(),
        workout({ workoutKey: undefined }),
        workout({ startTime: "2026-05-17T13:37:22Z" }),
        workout({ stopTime: 1_600_000_000_000 }),
        workout({ totalDistance: "far" }),
        { username: "exampleuser", workoutid: "abc" }, // the older webhook shape names a workout, it is not one
      ],
      normalizeSuuntoWorkout,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["test-workout-key-0001"]);
    expect(batch.skipped).toBe(5);
    expect(batch.problems[0]).toContain("workoutKey");
    expect(batch.problems[2]).toContain("before it starts");
  });
});

describe("Suunto token response", () => {
  it("the constructed answer names the account by username, which becomes the connection's id", () => {
    const body = loadFixture("suunto-token-response.constructed.json") as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "bearer", scope: "workout", user: "exampleuser", expires_in: 86399 });
    expect(suuntoDefinition.oauth.accountIdFromTokenResponse(body)).toBe("exampleuser");
    expect(suuntoDefinition.oauth.accountIdFromTokenResponse({ ...body, user: undefined })).toBeUndefined();
  });

  it("authenticates with HTTP Basic and sends no scope", () => {
    expect(suuntoDefinition.oauth).toMatchObject({ clientAuth: "client_secret_basic", omitScope: true, pkce: false });
    expect(suuntoDefinition.defaultScopes).toEqual([]);
  });
});
