import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { whoopDefinition } from "./definition";
import { normalizeWhoopWorkout } from "./normalize";

const documented = () => loadFixture("whoop-workout-v2.json") as Record<string, unknown>;

describe("normalizeWhoopWorkout", () => {
  const expected = {
    provider: "whoop",
    providerActivityId: "ecfc6a15-4661-442f-a9a4-f160dd7afae8",
    name: "Running",
    sport: "run",
    sportType: "running",
    startTime: new Date("2022-04-24T02:25:44.774Z"),
    utcOffsetMinutes: -300, // "-05:00"
    elapsedSeconds: 28800, // 10:25:44.774 − 02:25:44.774 = 8 h
    movingSeconds: null,
    distanceMeters: 1772.77035916,
    elevationGainMeters: 46.64384460449, // altitude_gain_meter, not the net altitude_change_meter
    averageHeartRate: 123,
    maxHeartRate: 146,
    calories: 375.08, // 1569.34033203125 kJ / 4.184 = 375.0813…
    device: "WHOOP",
  };

  it("reads the documented single WorkoutV2", () => {
    const raw = documented();
    expect(normalizeWhoopWorkout(raw)).toEqual({ ...expected, raw });
  });

  it("reads the documented workout collection", () => {
    const { records, next_token } = loadFixture("whoop-list-workouts.json") as { records: unknown[]; next_token: string };
    expect(next_token).toBe("MTIzOjEyMzEyMw");
    expect(records.map(normalizeWhoopWorkout)).toEqual([{ ...expected, raw: records[0] }]);
  });

  it("keeps a workout that is not scored yet, without its score figures", () => {
    for (const unscored of [{ score_state: "PENDING_SCORE" }, { score_state: "UNSCORABLE", score: null }, { score_state: "SCORED", score: undefined }]) {
      expect(normalizeWhoopWorkout({ ...documented(), ...unscored })).toMatchObject({
        providerActivityId: expected.providerActivityId,
        elapsedSeconds: 28800,
        distanceMeters: null,
        elevationGainMeters: null,
        averageHeartRate: null,
        maxHeartRate: null,
        calories: null,
      });
    }
  });

  it("maps sport names onto the shared vocabulary and names workouts after them", () => {
    const base = { id: "u", start: "2024-01-01T10:00:00Z", end: "2024-01-01T11:00:00Z" };
    const of = (sport_name: string | undefined) => normalizeWhoopWorkout({ ...base, sport_name });
    expect(of("cycling")).toMatchObject({ sport: "ride", name: "Cycling", sportType: "cycling" });
    expect(of("swimming").sport).toBe("swim");
    expect(of("walking").sport).toBe("walk");
    expect(of("hiking/rucking")).toMatchObject({ sport: "hike", name: "Hiking/Rucking" });
    expect(of("weightlifting").sport).toBe("strength");
    expect(of("powerlifting").sport).toBe("strength");
    expect(of("functional fitness")).toMatchObject({ sport: "hiit", name: "Functional Fitness" });
    expect(of("yoga").sport).toBe("yoga");
    expect(of("rowing").sport).toBe("row");
    expect(of("skiing").sport).toBe("ski");
    expect(of("Running")).toMatchObject({ sport: "run", sportType: "Running" });
    expect(of("jiu jitsu")).toMatchObject({ sport: "martial_arts", name: "Jiu Jitsu" });
    expect(of("track & field")).toMatchObject({ sport: "run", name: "Track & Field" });
    expect(of(undefined)).toMatchObject({ sport: "other", name: "Workout", sportType: null, utcOffsetMinutes: null, device: "WHOOP" });
  });

  it("sends documented sports through the sport table by sport_name, then by the deprecated sport_id", () => {
    const base = { id: "u", start: "2024-01-01T10:00:00Z", end: "2024-01-01T11:00:00Z" };
    const of = (fields: { sport_name?: string; sport_id?: number | string }) => normalizeWhoopWorkout({ ...base, ...fields });
    expect(of({ sport_name: "cross country skiing" }).sport).toBe("nordic_ski");
    expect(of({ sport_name: "hiking-rucking" })).toMatchObject({ sport: "hike", sportType: "hiking-rucking" });
    expect(of({ sport_name: "meditation", sport_id: 70 }).sport).toBe("recovery");
    expect(of({ sport_name: "motor racing" }).sport).toBe("motorsport");
    expect(of({ sport_id: 53 })).toMatchObject({ sport: "equestrian", sportType: "53" }); // Horseback Riding
    expect(of({ sport_name: "a sport newer than the table", sport_id: 0 }).sport).toBe("run");
    expect(of({ sport_name: "activity", sport_id: -1 }).sport).toBe("other");
  });

  it("an offset in an unexpected form loses only the local offset", () => {
    expect(normalizeWhoopWorkout({ ...documented(), timezone_offset: "America/Chicago" })).toMatchObject({ utcOffsetMinutes: null, elapsedSeconds: 28800 });
    expect(normalizeWhoopWorkout({ ...documented(), timezone_offset: "+05:30" }).utcOffsetMinutes).toBe(330);
  });

  it("skips malformed records, including the id-only webhook event, and keeps the rest", () => {
    const batch = normalizeBatch(
      [
        documented(),
        loadFixture("whoop-webhook-event.json"), // { user_id, id: 10235, type, trace_id }: nothing to normalize
        { id: "x", start: "soon", end: "later" },
        { id: "y", start: "2024-01-01T11:00:00Z", end: "2024-01-01T10:00:00Z" },
        { ...documented(), id: "z", score: { kilojoule: "lots" } },
      ],
      normalizeWhoopWorkout,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual([expected.providerActivityId]);
    expect(batch.skipped).toBe(4);
    expect(batch.problems[2]).toContain("before it starts");
  });
});

describe("WHOOP token response", () => {
  it("the documented refresh answer is RFC 6749-shaped, rotates the refresh token and names no account", () => {
    const body = loadFixture("whoop-token-refresh-response.json") as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3600, refresh_token: "the-value-of-the-new-refresh-token" });
    expect(String(body.scope).split(" ")).toContain("offline");
    expect(whoopDefinition.oauth).toMatchObject({ refreshParams: { scope: "offline" } });
    expect(whoopDefinition.oauth).not.toHaveProperty("adaptTokenResponse");
    expect(whoopDefinition.oauth).not.toHaveProperty("accountIdFromTokenResponse");
  });
});
