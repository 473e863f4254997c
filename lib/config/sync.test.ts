import { describe, expect, it } from "vitest";
import type { ConfigProblems } from "./core";
import { ConfigError } from "./core";
import { defaultSourcePriority, parseSourcePriority, parseSyncEnv } from "./sync";

const kinds: Record<string, string> = { strava: "platform", garmin: "device", fitbit: "wearable", whoop: "wearable", coros: "device", terra: "aggregator", polar: "device", synthetic: "demo", acme: "device" };
const registered = Object.entries(kinds).map(([id, sourceKind]) => ({ id, sourceKind }));

describe("parseSyncEnv", () => {
  it("has sensible defaults", () => {
    expect(parseSyncEnv({})).toEqual({ backfillDays: 90, lookbackHours: 72, requestTimeoutMs: 15_000, intervalMinutes: 15, runWorker: true });
  });

  it("reads overrides and names bad variables", () => {
    expect(parseSyncEnv({ PIERRE_SYNC_BACKFILL_DAYS: "30", PIERRE_SYNC_REQUEST_TIMEOUT_MS: "5000" })).toMatchObject({ backfillDays: 30, requestTimeoutMs: 5000 });
    expect(parseSyncEnv({ PIERRE_SYNC_INTERVAL_MINUTES: "60", PIERRE_RUN_WORKER: "0" })).toMatchObject({ intervalMinutes: 60, runWorker: false });
    expect(() => parseSyncEnv({ PIERRE_RUN_WORKER: "maybe" })).toThrow(/PIERRE_RUN_WORKER.*1 or 0/);
    const error = (() => {
      try {
        parseSyncEnv({ PIERRE_SYNC_BACKFILL_DAYS: "-3", PIERRE_SYNC_LOOKBACK_HOURS: "1e2" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(["PIERRE_SYNC_BACKFILL_DAYS", "PIERRE_SYNC_LOOKBACK_HOURS"]);
  });
});

describe("source priority", () => {
  it("ranks sport watches, then wearables, aggregators, platforms and the demo, each in registration order", () => {
    expect(defaultSourcePriority(registered)).toEqual(["garmin", "coros", "polar", "acme", "fitbit", "whoop", "terra", "strava", "synthetic"]);
    expect(defaultSourcePriority([{ id: "synthetic", sourceKind: "demo" }, { id: "newcomer", sourceKind: "device" }])).toEqual(["newcomer", "synthetic"]);
  });

  it("puts the providers PIERRE_SOURCE_PRIORITY lists first, the others in the default order", () => {
    const problems: ConfigProblems = [];
    expect(parseSourcePriority({ PIERRE_SOURCE_PRIORITY: "strava, garmin" }, registered, problems).slice(0, 4)).toEqual(["strava", "garmin", "coros", "polar"]);
    expect(problems).toEqual([]);
  });

  it("names an unknown entry and lists the registered providers", () => {
    const problems: ConfigProblems = [];
    parseSourcePriority({ PIERRE_SOURCE_PRIORITY: "garmin,nike" }, registered, problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ variable: "PIERRE_SOURCE_PRIORITY" });
    expect(problems[0]!.problem).toContain("(nike)");
    expect(problems[0]!.problem).toContain("Registered providers: strava, garmin");
  });
});
