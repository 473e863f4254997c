import { describe, expect, it } from "vitest";
import { defaultMatcher, isSameWorkout, type DedupCandidate } from "./dedup";
import { groupActivities, type GroupMember } from "./grouping";

const priority = ["garmin", "coros", "polar", "whoop", "fitbit", "terra", "strava", "synthetic"];
const t0 = Date.parse("2025-03-01T07:00:00Z");

function activity(overrides: Partial<DedupCandidate> & Pick<DedupCandidate, "id" | "provider">): DedupCandidate {
  return { sport: "run", startMs: t0, elapsedSeconds: 3600, movingSeconds: 3500, distanceMeters: 10_000, ...overrides };
}

describe("isSameWorkout", () => {
  it("matches a watch run mirrored to Strava a few seconds later with a slightly different distance", () => {
    expect(isSameWorkout(activity({ id: "g", provider: "garmin" }), activity({ id: "s", provider: "strava", startMs: t0 + 4_000, distanceMeters: 10_040 }))).toBe(true);
  });

  it("compares instants: the same run written in two time zones is one workout", () => {
    // 09:00+02:00 and 07:00Z are the same instant; providers give us instants, offsets are display only.
    const berlin = activity({ id: "p", provider: "polar", startMs: Date.parse("2025-03-01T09:00:00+02:00") });
    expect(isSameWorkout(berlin, activity({ id: "g", provider: "garmin" }))).toBe(true);
  });

  it("tolerates clock drift and different labels within a sport family (indoor ride vs ride, walk vs hike)", () => {
    expect(
      isSameWorkout(activity({ id: "a", provider: "garmin", sport: "ride", distanceMeters: 30_000 }), activity({ id: "b", provider: "strava", sport: "ride", startMs: t0 - 75_000, distanceMeters: 29_500 })),
    ).toBe(true);
    expect(isSameWorkout(activity({ id: "a", provider: "garmin", sport: "walk" }), activity({ id: "b", provider: "fitbit", sport: "hike" }))).toBe(true);
  });

  it("does not merge back-to-back workouts", () => {
    const first = activity({ id: "a", provider: "garmin", elapsedSeconds: 1800, distanceMeters: 5_000 });
    const second = activity({ id: "b", provider: "strava", startMs: t0 + 1800_000, elapsedSeconds: 1800, distanceMeters: 5_000 });
    expect(isSameWorkout(first, second)).toBe(false);
    // Even short intervals with starts within the window: they do not overlap.
    const short1 = activity({ id: "c", provider: "garmin", elapsedSeconds: 120, distanceMeters: null });
    const short2 = activity({ id: "d", provider: "whoop", startMs: t0 + 125_000, elapsedSeconds: 120, distanceMeters: null });
    expect(isSameWorkout(short1, short2)).toBe(false);
  });

  it("near misses stay apart: other sport, far starts, little overlap, different distance, same provider", () => {
    const garmin = activity({ id: "g", provider: "garmin" });
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "strava", sport: "ride" }))).toBe(false);
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "strava", startMs: t0 + 6 * 60_000 }))).toBe(false);
    // A 10-minute recording inside an hour-long run overlaps fully but is not the same workout.
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "strava", startMs: t0 + 60_000, elapsedSeconds: 600, distanceMeters: null }))).toBe(false);
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "strava", startMs: t0 + 60_000, elapsedSeconds: 3000 }))).toBe(true);
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "strava", distanceMeters: 12_000 }))).toBe(false);
    expect(isSameWorkout(garmin, activity({ id: "x", provider: "garmin" }))).toBe(false);
  });

  it("without durations, only starts within two minutes match", () => {
    const a = activity({ id: "a", provider: "garmin", elapsedSeconds: null, movingSeconds: null });
    expect(isSameWorkout(a, activity({ id: "b", provider: "strava", startMs: t0 + 90_000 }))).toBe(true);
    expect(isSameWorkout(a, activity({ id: "b", provider: "strava", startMs: t0 + 3 * 60_000 }))).toBe(false);
  });
});

/** Groups candidates the way the regrouping does; answers each one's group and whether it is the primary. */
function groupDuplicates(candidates: DedupCandidate[], priority: readonly string[]) {
  const members = candidates.map(
    (c): GroupMember => ({
      id: c.id,
      provider: c.provider,
      providerActivityId: c.id,
      name: "x",
      sport: c.sport,
      sportType: null,
      startTime: new Date(c.startMs),
      utcOffsetMinutes: null,
      elapsedSeconds: c.elapsedSeconds,
      movingSeconds: c.movingSeconds,
      distanceMeters: c.distanceMeters,
      elevationGainMeters: null,
      averageHeartRate: null,
      maxHeartRate: null,
      calories: null,
      device: null,
      groupId: null,
      groupStart: null,
      isPrimary: true,
    }),
  );
  const assignments = new Map<string, { groupId: string; isPrimary: boolean }>();
  for (const group of groupActivities(members, defaultMatcher, priority)) {
    for (const member of group.members) assignments.set(member.id, { groupId: group.primary.id, isPrimary: member === group.primary });
  }
  return assignments;
}

describe("grouping with the default rule", () => {
  it("groups one workout from four providers and makes the device maker primary", () => {
    const groups = groupDuplicates(
      [
        activity({ id: "s", provider: "strava", startMs: t0 + 3_000 }),
        activity({ id: "w", provider: "whoop", startMs: t0 - 60_000, distanceMeters: null }),
        activity({ id: "g", provider: "garmin" }),
        activity({ id: "f", provider: "fitbit", startMs: t0 + 30_000, distanceMeters: 9_800 }),
        activity({ id: "later", provider: "strava", startMs: t0 + 5 * 3600_000 }),
      ],
      priority,
    );
    expect(groups.get("g")).toEqual({ groupId: "g", isPrimary: true });
    for (const id of ["s", "w", "f"]) expect(groups.get(id)).toEqual({ groupId: "g", isPrimary: false });
    expect(groups.get("later")).toEqual({ groupId: "later", isPrimary: true });
  });

  it("follows the configured priority", () => {
    const groups = groupDuplicates([activity({ id: "g", provider: "garmin" }), activity({ id: "s", provider: "strava", startMs: t0 + 2_000 })], ["strava", "garmin"]);
    expect(groups.get("s")?.isPrimary).toBe(true);
    expect(groups.get("g")).toEqual({ groupId: "s", isPrimary: false });
  });

  it("does not chain: a member must match every other member", () => {
    // a~b (3 min apart) and b~c (3 min apart) but a and c are 6 min apart.
    const groups = groupDuplicates(
      [
        activity({ id: "a", provider: "garmin", distanceMeters: null }),
        activity({ id: "b", provider: "strava", startMs: t0 + 180_000, distanceMeters: null }),
        activity({ id: "c", provider: "whoop", startMs: t0 + 360_000, distanceMeters: null }),
      ],
      priority,
    );
    expect(groups.get("a")?.groupId).toBe(groups.get("b")?.groupId);
    expect(groups.get("c")?.groupId).toBe("c");
  });

  it("never puts two recordings from the same provider in one group", () => {
    const groups = groupDuplicates(
      [
        activity({ id: "g1", provider: "garmin" }),
        activity({ id: "g2", provider: "garmin", startMs: t0 + 10_000 }),
        activity({ id: "s", provider: "strava", startMs: t0 + 9_000 }),
      ],
      priority,
    );
    expect(groups.get("g1")?.groupId).not.toBe(groups.get("g2")?.groupId);
    expect([groups.get("g1")?.groupId, groups.get("g2")?.groupId]).toContain(groups.get("s")?.groupId);
    expect(groups.get("s")?.isPrimary).toBe(false);
  });
});
