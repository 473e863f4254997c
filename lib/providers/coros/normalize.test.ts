import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { corosDefinition } from "./definition";
import { normalizeCorosWorkout } from "./normalize";

describe("normalizeCorosWorkout", () => {
  it("reads the documented sport list example (18-digit labelId kept as a string)", () => {
    const { data, result } = loadFixture("coros-list-workouts.json") as { data: unknown[]; result: string };
    expect(result).toBe("0000");
    expect(normalizeCorosWorkout(data[0])).toMatchObject({
      provider: "coros",
      providerActivityId: "406974289395351552",
      name: "Outdoor Run",
      sport: "run",
      sportType: "81",
      startTime: new Date("2018-01-16T10:01:09Z"),
      utcOffsetMinutes: 480, // 32 × 15 minutes = UTC+8
      elapsedSeconds: 493, // endTime − startTime
      movingSeconds: 491,
      distanceMeters: 3014,
      calories: null,
      device: "COROS PACE",
    });
  });

  it("reads a webhook push item the same way", () => {
    const { sportDataList } = loadFixture("coros-webhook-push.json") as { sportDataList: unknown[] };
    expect(normalizeCorosWorkout(sportDataList[0])).toMatchObject({ providerActivityId: "1234", sport: "run", elapsedSeconds: 493, distanceMeters: null });
  });

  it("maps mode and subMode, with unknown codes as other", () => {
    const base = { labelId: "1", startTime: 1_700_000_000, endTime: 1_700_003_600 };
    expect(normalizeCorosWorkout({ ...base, mode: 9, subMode: 2 })).toMatchObject({ sport: "ride", name: "Indoor Bike" });
    expect(normalizeCorosWorkout({ ...base, mode: 23, subMode: 2 }).sport).toBe("strength");
    expect(normalizeCorosWorkout({ ...base, mode: 99, subMode: 9 })).toMatchObject({ sport: "other", name: "Workout" });
    expect(normalizeBatch([{ ...base, mode: 8 }], normalizeCorosWorkout).skipped).toBe(1);
  });

  it("sends documented mode/subMode pairs through the sport table and names them as documented", () => {
    const base = { labelId: "1", startTime: 1_700_000_000, endTime: 1_700_003_600 };
    const of = (mode: number, subMode: number) => normalizeCorosWorkout({ ...base, mode, subMode });
    expect(of(15, 1)).toMatchObject({ sport: "run", name: "Trail Run", sportType: "151" });
    expect(of(19, 1)).toMatchObject({ sport: "nordic_ski", name: "XC Ski" });
    expect(of(13, 1)).toMatchObject({ sport: "multisport", name: "Triathlon" });
    expect(of(32, 2)).toMatchObject({ sport: "fishing_hunting", name: "Shore Fishing" });
    expect(of(21, 2)).toMatchObject({ sport: "snowboard", name: "Snowboard" });
    // subMode 11 would read as mode 9's code 91 (Outdoor Bike) if combined blindly.
    expect(of(8, 11)).toMatchObject({ sport: "other", name: "Workout", sportType: "8/11" });
  });
});

describe("COROS token responses", () => {
  const adapt = corosDefinition.oauth.adaptTokenResponse;

  it("reads the documented code-exchange answer and its openId", () => {
    const body = loadFixture("coros-token-response.json") as Record<string, unknown>;
    expect(adapt(body, { grant: "authorization_code" })).toMatchObject({
      access_token: "db0214b6006e7570bdxx",
      refresh_token: "08a06b7df38d0d2852e5xx5",
      expires_in: 2592000,
      token_type: "bearer",
    });
    expect(corosDefinition.oauth.accountIdFromTokenResponse(body)).toBe("b93ac3b5df6b4db3bexx");
  });

  it("turns the documented refresh acknowledgement into the current tokens, extended 30 days", () => {
    const body = loadFixture("coros-refresh-response.json") as Record<string, unknown>;
    const current = { accessToken: "at", refreshToken: "rt" };
    expect(adapt(body, { grant: "refresh_token", current })).toEqual({ access_token: "at", refresh_token: "rt", token_type: "bearer", expires_in: 2592000 });
  });

  it("reads camelCase fields and turns result codes into OAuth errors", () => {
    expect(adapt({ accessToken: "a", refreshToken: "r", expiresIn: 10, openId: "o" }, { grant: "authorization_code" })).toMatchObject({
      access_token: "a",
      refresh_token: "r",
      expires_in: 10,
    });
    expect(adapt({ result: "1001", message: "invalid code" }, { grant: "authorization_code" })).toEqual({ error: "invalid_grant", error_description: "invalid code" });
  });
});
