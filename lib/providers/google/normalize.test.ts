import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProviderJson } from "@/lib/providers/json";
import { fixturesDirOf, loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { GOOGLE_HEALTH_SCOPE_PREFIX, googleDefinition } from "./definition";
import { googleDurationSeconds, normalizeGoogleExercise } from "./normalize";

type Page = { dataPoints: Record<string, unknown>[]; nextPageToken: string };
const page = () => loadFixture("list-exercise-sessions.constructed.json", "google") as Page;

/** A minimal exercise data point, with `exercise` fields overridden. */
function point(exercise: Record<string, unknown> = {}, name = "users/u1/dataTypes/exercise/dataPoints/42") {
  return {
    name,
    exercise: {
      displayName: "Walk",
      exerciseType: "WALKING",
      interval: { startTime: "2026-01-01T10:00:00Z", endTime: "2026-01-01T10:30:00Z", startUtcOffset: "0s" },
      ...exercise,
    },
  };
}

describe("normalizeGoogleExercise", () => {
  it("reads the constructed list page: a run recorded on a Pixel Watch", () => {
    const [run] = page().dataPoints;
    expect(normalizeGoogleExercise(run)).toEqual({
      provider: "google",
      providerActivityId: "2026443605080188808", // the id part of `name`, above 2^53 and kept exact
      name: "Morning Run",
      sport: "run",
      sportType: "RUNNING",
      startTime: new Date("2026-03-07T06:58:12Z"),
      utcOffsetMinutes: 60, // "3600s"
      elapsedSeconds: 2014, // 07:31:46 − 06:58:12 = 33 min 34 s
      movingSeconds: 1994, // activeDuration "1994s": the 20 s auto-pause (07:14:03–07:14:23) left out
      distanceMeters: 6021.45, // 6 021 450 mm
      elevationGainMeters: 38, // 38 000 mm
      averageHeartRate: 151, // int64 "151"
      maxHeartRate: null,
      calories: 412.6,
      device: "Pixel Watch 3",
      raw: run,
    });
  });

  it("reads the constructed list page: a swim imported through Health Connect, without a device", () => {
    const swim = page().dataPoints[1];
    expect(normalizeGoogleExercise(swim)).toEqual({
      provider: "google",
      providerActivityId: "2026401198837340112",
      name: "Lap swim",
      sport: "swim",
      sportType: "SWIMMING",
      startTime: new Date("2026-03-05T18:30:00Z"),
      utcOffsetMinutes: 60,
      elapsedSeconds: 2700, // 19:15 − 18:30
      movingSeconds: 2700,
      distanceMeters: 1500, // 1 500 000 mm
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: 388,
      device: null,
      raw: swim,
    });
    expect(page().nextPageToken).toBe("CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA");
  });

  it("keeps the id exact when the page is parsed from text the way the HTTP client parses it", () => {
    const text = fs.readFileSync(path.join(fixturesDirOf("google"), "list-exercise-sessions.constructed.json"), "utf8");
    const { dataPoints } = parseProviderJson(text) as Page;
    expect(dataPoints.map((p) => normalizeGoogleExercise(p).providerActivityId)).toEqual(["2026443605080188808", "2026401198837340112"]);
  });

  it("reads proto3 durations, negative offsets and int64 sent as numbers", () => {
    expect(googleDurationSeconds("1834s")).toBe(1834);
    expect(googleDurationSeconds("1.5s")).toBe(1.5);
    expect(googleDurationSeconds("-25200s")).toBe(-25200);
    expect(() => googleDurationSeconds("PT5M")).toThrow("not a duration");
    const west = normalizeGoogleExercise(
      point({
        interval: { startTime: "2026-01-01T17:00:00Z", endTime: "2026-01-01T18:00:00.5Z", startUtcOffset: "-25200s" },
        activeDuration: "3590.25s",
        metricsSummary: { averageHeartRateBeatsPerMinute: 120, caloriesKcal: 300, distanceMillimeters: 1234.4 },
      }),
    );
    expect(west).toMatchObject({
      utcOffsetMinutes: -420,
      elapsedSeconds: 3600.5,
      movingSeconds: 3590.25,
      averageHeartRate: 120,
      calories: 300,
      distanceMeters: 1.234, // 1234.4 mm, to the millimetre
    });
  });

  it("names a session without a display name after its type and maps unknown types to other", () => {
    expect(normalizeGoogleExercise(point({ displayName: undefined, exerciseType: "STRENGTH_TRAINING" }))).toMatchObject({
      name: "Strength training",
      sport: "strength",
    });
    expect(normalizeGoogleExercise(point({ displayName: " ", exerciseType: "A_TYPE_NEWER_THAN_THE_TABLE" }))).toMatchObject({
      name: "A type newer than the table",
      sport: "other",
      sportType: "A_TYPE_NEWER_THAN_THE_TABLE",
    });
    expect(normalizeGoogleExercise(point({ displayName: null, exerciseType: undefined }))).toMatchObject({ name: "Exercise", sport: "other", sportType: null });
    expect(normalizeGoogleExercise(point({ exerciseType: "SPINNING" })).sport).toBe("ride");
  });

  it("an offset in an unexpected form loses only the local offset", () => {
    const interval = { startTime: "2026-01-01T10:00:00Z", endTime: "2026-01-01T10:30:00Z" };
    expect(normalizeGoogleExercise(point({ interval: { ...interval, startUtcOffset: "+01:00" } }))).toMatchObject({ utcOffsetMinutes: null, elapsedSeconds: 1800 });
    expect(normalizeGoogleExercise(point({ interval })).utcOffsetMinutes).toBeNull();
  });

  it("treats a negative heart rate or distance as unknown", () => {
    const a = normalizeGoogleExercise(point({ metricsSummary: { averageHeartRateBeatsPerMinute: "-1", distanceMillimeters: -5 } }));
    expect(a).toMatchObject({ averageHeartRate: null, distanceMeters: null });
  });

  it("skips malformed data points without dropping their neighbours", () => {
    const [run] = page().dataPoints;
    const batch = normalizeBatch(
      [
        run,
        point({}, "users/u1/dataTypes/exercise"),
        point({ interval: { startTime: "2026-01-01T11:00:00Z", endTime: "2026-01-01T10:00:00Z" } }),
        point({ activeDuration: "PT30M" }),
        point({ metricsSummary: { averageHeartRateBeatsPerMinute: "fast" } }),
        { name: "users/u1/dataTypes/exercise/dataPoints/9" },
        "junk",
      ],
      normalizeGoogleExercise,
    );
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["2026443605080188808"]);
    expect(batch.skipped).toBe(6);
    expect(batch.problems[0]).toContain("name");
    expect(batch.problems[1]).toContain("before it starts");
  });
});

describe("Google token response", () => {
  it("the constructed offline answer has a refresh token, space-separated scope URLs and no user id", () => {
    const body = loadFixture("token-response.json", "google") as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599, refresh_token: "1//0gEXAMPLE-placeholder-refresh-token" });
    const scopes = String(body.scope).split(" ");
    expect(scopes).toHaveLength(3);
    for (const scope of scopes) expect(scope.startsWith(GOOGLE_HEALTH_SCOPE_PREFIX)).toBe(true);
    expect(scopes).toContain(googleDefinition.defaultScopes[0]);
    expect(body).not.toHaveProperty("user_id");
    expect(googleDefinition.oauth).not.toHaveProperty("accountIdFromTokenResponse");
  });

  it("asks for offline access with a forced consent screen, PKCE and space-joined scope URLs", () => {
    expect(googleDefinition.oauth).toMatchObject({
      scopeSeparator: " ",
      pkce: true,
      clientAuth: "client_secret_post",
      authorizeParams: { access_type: "offline", prompt: "consent" },
    });
  });
});
