import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { wahooDefinition } from "./definition";
import { normalizeWahooWorkout, wahooWorkoutFromWebhook } from "./normalize";

const detail = () => loadFixture("wahoo-workout-detail.json") as Record<string, unknown>;
/** A workout that is kept (not a planned entry). */
function kept(raw: unknown) {
  const activity = normalizeWahooWorkout(raw);
  if (!activity) throw new Error("expected an activity");
  return activity;
}
const summaryOf = (fields: Record<string, unknown>) => ({ ...detail(), workout_summary: { ...(detail().workout_summary as object), ...fields } });

describe("normalizeWahooWorkout", () => {
  it("reads the documented workout detail with its summary", () => {
    const raw = detail();
    expect(normalizeWahooWorkout(raw)).toEqual({
      provider: "wahoo",
      providerActivityId: "56519",
      name: "Friday Fun", // the workout's name, not the summary's "Easy Ride"
      sport: "water_sport", // workout_type_id 40: KITEBOARDING
      sportType: "40",
      startTime: new Date("2015-08-12T09:00:00Z"),
      utcOffsetMinutes: -360, // America/Denver in August (MDT)
      elapsedSeconds: 275, // duration_total_accum "275.00"
      movingSeconds: 179, // duration_active_accum "179.00"
      distanceMeters: 24909.71,
      elevationGainMeters: 450,
      averageHeartRate: 100,
      maxHeartRate: null,
      calories: 1500,
      device: null, // workout_token "123" names no hardware
      raw,
    });
  });

  it("reads the documented list, whose workout has no summary yet", () => {
    const list = loadFixture("wahoo-list-workouts.json") as { workouts: unknown[]; total: number; page: number; per_page: number };
    expect(list).toMatchObject({ total: 1, page: 1, per_page: 30 });
    expect(list.workouts.map(normalizeWahooWorkout)).toEqual([
      {
        provider: "wahoo",
        providerActivityId: "56519",
        name: "Friday afternoon",
        sport: "water_sport",
        sportType: "40",
        startTime: new Date("2015-08-12T09:00:00Z"),
        utcOffsetMinutes: null,
        elapsedSeconds: null, // `minutes: 12` is rounded or planned, not a duration
        movingSeconds: null,
        distanceMeters: null,
        elevationGainMeters: null,
        averageHeartRate: null,
        maxHeartRate: null,
        calories: null,
        device: null,
        raw: list.workouts[0],
      },
    ]);
  });

  it("reads the captured workout_summary webhook: a 9 s ELEMNT ride without a heart-rate strap", () => {
    const body = loadFixture("wahoo-webhook-workout-summary.json") as { workout_summary: { workout: unknown } };
    const reshaped = wahooWorkoutFromWebhook(body);
    expect(reshaped).toMatchObject({ id: 147564736, starts: "2022-06-13T16:38:51.000Z", workout_summary: { id: 140473420, distance_accum: "0.0" } });
    expect(reshaped.workout_summary).not.toHaveProperty("workout");
    expect(normalizeWahooWorkout(reshaped)).toEqual({
      provider: "wahoo",
      providerActivityId: "147564736", // the workout's id, not the summary's 140473420
      name: "Cycling",
      sport: "ride", // workout_type_id 0: BIKING
      sportType: "0",
      startTime: new Date("2022-06-13T16:38:51Z"),
      utcOffsetMinutes: null, // this summary carries no time_zone
      elapsedSeconds: 9,
      movingSeconds: 9,
      distanceMeters: 0,
      elevationGainMeters: 0,
      averageHeartRate: null, // "0.0" bpm: nothing measured
      maxHeartRate: null,
      calories: 0,
      device: "ELEMNT AE48", // from workout_token "ELEMNT AE48:274"
      raw: reshaped,
    });
  });

  it("reads figures sent as numbers, unknown placeholders as null, and heart_rate_max where present", () => {
    expect(
      normalizeWahooWorkout(summaryOf({ distance_accum: 1000.5, calories_accum: "--", ascent_accum: null, heart_rate_max: "171.00", duration_active_accum: "" })),
    ).toMatchObject({ distanceMeters: 1000.5, calories: null, elevationGainMeters: null, maxHeartRate: 171, movingSeconds: null });
    expect(kept(summaryOf({ distance_accum: "-1" })).distanceMeters).toBeNull();
  });

  it("reads the local offset from the IANA zone at the start instant", () => {
    expect(kept(summaryOf({ time_zone: "Europe/Warsaw" })).utcOffsetMinutes).toBe(120); // CEST in August
    expect(kept({ ...summaryOf({ time_zone: "Europe/Warsaw" }), starts: "2015-01-12T09:00:00.000Z" }).utcOffsetMinutes).toBe(60);
    expect(kept(summaryOf({ time_zone: "Mars/Olympus_Mons" })).utcOffsetMinutes).toBeNull();
  });

  it("names hardware only from ELEMNT and KICKR tokens", () => {
    const of = (workout_token: string | null) => kept({ ...detail(), workout_token }).device;
    expect(of("KICKR 1A2B:3")).toBe("KICKR 1A2B");
    expect(of("SYSTM fqf3lvHDvT:0")).toBeNull();
    expect(of(null)).toBeNull();
  });

  it("maps types onto the shared vocabulary and names an untitled workout", () => {
    const of = (fields: Record<string, unknown>) => kept({ ...detail(), ...fields });
    expect(of({ workout_type_id: 1 }).sport).toBe("run");
    expect(of({ workout_type_id: 61 }).sport).toBe("ride");
    expect(of({ workout_type_id: 999 })).toMatchObject({ sport: "other", sportType: "999" });
    expect(of({ name: null })).toMatchObject({ name: "Easy Ride" });
    expect(of({ name: "", workout_summary: null, workout_type_id: null })).toMatchObject({ name: "Workout", sport: "other", sportType: null });
  });

  it("leaves out planned entries that were never done, but keeps a done one from a plan", () => {
    expect(normalizeWahooWorkout({ ...detail(), plan_id: 77, workout_summary: null })).toBeNull();
    expect(normalizeWahooWorkout({ ...detail(), plan_id: 77 })?.elapsedSeconds).toBe(275);
    const batch = normalizeBatch([{ ...detail(), plan_id: 77, workout_summary: null }, detail()], normalizeWahooWorkout);
    expect(batch).toMatchObject({ skipped: 0 });
    expect(batch.activities).toHaveLength(1);
  });

  it("skips malformed workouts without dropping their neighbours", () => {
    const batch = normalizeBatch(
      [detail(), { ...detail(), id: null }, { ...detail(), starts: "someday" }, { ...detail(), starts: undefined }, { ...detail(), workout_summary: "none" }, 42],
      normalizeWahooWorkout,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["56519"]);
    expect(batch.skipped).toBe(5);
    expect(batch.problems[0]).toContain("id");
    expect(batch.problems[1]).toContain("not a date-time");
  });

  it("refuses a webhook body that is not a workout summary", () => {
    expect(() => wahooWorkoutFromWebhook({ event_type: "something_else", workout_summary: { workout: {} } })).toThrow();
    expect(() => wahooWorkoutFromWebhook({ event_type: "workout_summary", workout_summary: { id: 1 } })).toThrow();
  });
});

describe("Wahoo token response", () => {
  it("the captured answer names the account by user_id and grants space-separated scopes", () => {
    const body = loadFixture("wahoo-token-response.json") as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 7199, created_at: 1736182705, user_id: 4112422 });
    expect(wahooDefinition.oauth.accountIdFromTokenResponse(body)).toBe("4112422");
    expect(wahooDefinition.oauth.accountIdFromTokenResponse({ ...body, user_id: undefined })).toBeUndefined();
    const granted = String(body.scope).split(" ");
    for (const scope of wahooDefinition.defaultScopes) expect(granted).toContain(scope);
  });
});
