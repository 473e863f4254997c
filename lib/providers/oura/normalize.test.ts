import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { ouraDefinition } from "./definition";
import { normalizeOuraWorkout } from "./normalize";

const page = () => loadFixture("oura-list-workouts.constructed.json") as { data: Record<string, unknown>[]; next_token: string | null };

const workout = (fields: Record<string, unknown> = {}) => ({
  id: "w-1",
  activity: "walking",
  start_datetime: "2024-05-04T07:00:00+02:00",
  end_datetime: "2024-05-04T07:30:00+02:00",
  ...fields,
});

describe("normalizeOuraWorkout", () => {
  it("reads the constructed list page: an auto-detected run", () => {
    const [run] = page().data;
    expect(normalizeOuraWorkout(run)).toEqual({
      provider: "oura",
      providerActivityId: "CONSTRUCTED-EXAMPLE-ID-1",
      name: "Running", // no label: named after the activity
      sport: "run",
      sportType: "running",
      startTime: new Date("2024-05-04T05:28:09Z"), // 07:28:09+02:00
      utcOffsetMinutes: 120,
      elapsedSeconds: 2672, // 08:12:41 − 07:28:09 = 44 min 32 s
      movingSeconds: null,
      distanceMeters: 7215.3,
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: 412.5,
      device: "Oura Ring",
      raw: run,
    });
  });

  it("reads the constructed list page: a labelled manual strength session", () => {
    const gym = page().data[1];
    expect(normalizeOuraWorkout(gym)).toEqual({
      provider: "oura",
      providerActivityId: "CONSTRUCTED-EXAMPLE-ID-2",
      name: "Gym", // the person's label wins over the activity
      sport: "strength",
      sportType: "strength_training",
      startTime: new Date("2024-05-05T16:20:00Z"), // 18:20+02:00
      utcOffsetMinutes: 120,
      elapsedSeconds: 2700, // 19:05 − 18:20
      movingSeconds: null,
      distanceMeters: null,
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: 180,
      device: null, // entered by hand, not recorded by the ring
      raw: gym,
    });
    expect(page().next_token).toBeNull();
  });

  it("reads other offsets, decimal figures and activities beyond the table", () => {
    expect(
      normalizeOuraWorkout(workout({ start_datetime: "2024-01-10T06:00:00-05:00", end_datetime: "2024-01-10T06:45:30.5-05:00", calories: 312.4, distance: 0 })),
    ).toMatchObject({ startTime: new Date("2024-01-10T11:00:00Z"), utcOffsetMinutes: -300, elapsedSeconds: 2730.5, calories: 312.4, distanceMeters: 0 });
    expect(normalizeOuraWorkout(workout({ start_datetime: "2024-01-10T06:00:00Z", end_datetime: "2024-01-10T07:00:00Z" })).utcOffsetMinutes).toBe(0);
    expect(normalizeOuraWorkout(workout({ activity: "cross_country_skiing" }))).toMatchObject({ sport: "nordic_ski", name: "Cross country skiing" });
    expect(normalizeOuraWorkout(workout({ activity: "underwater_hockey" }))).toMatchObject({ sport: "other", name: "Underwater hockey", sportType: "underwater_hockey" });
    expect(normalizeOuraWorkout(workout({ activity: null, label: "  " }))).toMatchObject({ sport: "other", name: "Workout", sportType: null });
    for (const source of ["autodetected", "confirmed", "workout_heart_rate", undefined]) {
      expect(normalizeOuraWorkout(workout({ source })).device).toBe("Oura Ring");
    }
  });

  it("skips malformed workouts without dropping their neighbours", () => {
    const [run] = page().data;
    const batch = normalizeBatch(
      [
        run,
        workout({ start_datetime: "2024-05-04T07:00:00" }), // no offset: not an instant
        workout({ end_datetime: "2024-05-04T06:00:00+02:00" }),
        workout({ calories: "312.4" }),
        workout({ id: "" }),
        loadFixture("oura-webhook-event.json"), // an event names a document, it is not one
      ],
      normalizeOuraWorkout,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["CONSTRUCTED-EXAMPLE-ID-1"]);
    expect(batch.skipped).toBe(5);
    expect(batch.problems[0]).toContain("no UTC offset");
    expect(batch.problems[1]).toContain("before it starts");
  });
});

describe("Oura samples beside the workouts", () => {
  it("the documented token answer is RFC 6749-shaped and names no account", () => {
    const body = loadFixture("oura-token-response.json") as Record<string, unknown>;
    expect(body).toEqual({ token_type: "bearer", access_token: "ACCESS_TOKEN", expires_in: 86400, refresh_token: "REFRESH_TOKEN" });
    expect(ouraDefinition.oauth).not.toHaveProperty("adaptTokenResponse");
    expect(ouraDefinition.oauth).not.toHaveProperty("accountIdFromTokenResponse");
  });

  it("the documented webhook event carries ids only: which document changed and for whom", () => {
    expect(loadFixture("oura-webhook-event.json")).toEqual({
      event_type: "update",
      data_type: "sleep",
      object_id: "12345abc",
      event_time: "2023-01-01T08:00:00+00:00",
      user_id: "user123",
    });
  });
});
