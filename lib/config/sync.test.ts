import { describe, expect, it } from "vitest";
import { ConfigError } from "./core";
import { defaultSourcePriority, parseSyncEnv } from "./sync";

const registered = ["strava", "garmin", "fitbit", "whoop", "coros", "terra", "polar", "synthetic", "acme"];

describe("parseSyncEnv", () => {
  it("has sensible defaults and ranks providers missing from the priority last", () => {
    expect(parseSyncEnv({}, registered)).toEqual({
      backfillDays: 90,
      lookbackHours: 72,
      requestTimeoutMs: 15_000,
      sourcePriority: [...defaultSourcePriority, "acme"],
    });
  });

  it("reads overrides", () => {
    const settings = parseSyncEnv({ PIERRE_SYNC_BACKFILL_DAYS: "30", PIERRE_SOURCE_PRIORITY: "strava, garmin", PIERRE_SYNC_REQUEST_TIMEOUT_MS: "5000" }, registered);
    expect(settings.backfillDays).toBe(30);
    expect(settings.requestTimeoutMs).toBe(5000);
    expect(settings.sourcePriority.slice(0, 3)).toEqual(["strava", "garmin", "fitbit"]);
  });

  it("names bad variables and lists registered providers for an unknown priority entry", () => {
    try {
      parseSyncEnv({ PIERRE_SYNC_BACKFILL_DAYS: "-3", PIERRE_SOURCE_PRIORITY: "garmin,nike" }, registered);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.variable)).toEqual(["PIERRE_SYNC_BACKFILL_DAYS", "PIERRE_SOURCE_PRIORITY"]);
      expect(problems[1]?.problem).toContain("(nike)");
      expect(problems[1]?.problem).toContain("Registered providers: strava, garmin");
    }
  });
});
