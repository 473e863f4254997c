import { describe, expect, it } from "vitest";
import { fitbitDefinition } from "@/lib/providers/fitbit/definition";
import { stravaDefinition } from "@/lib/providers/strava/definition";
import { whoopDefinition } from "@/lib/providers/whoop/definition";
import { createMatcher, defaultMatcher, detectionLookup, explainMatch, isSameWorkout } from "./dedup";
import { groupActivities, groupComponent, linkedComponents, type GroupMember } from "./grouping";
import { formatSeconds, formatShare } from "./matcher/evidence";

const priority = ["garmin", "coros", "polar", "whoop", "fitbit", "terra", "strava", "synthetic"];
const t0 = Date.parse("2025-03-01T07:00:00Z");
const minute = 60_000;
const hour = 60 * minute;

type Overrides = Partial<Omit<GroupMember, "startTime">> & { id: string; provider: string; at?: number };

/** A 60-minute, 10 km run starting at t0 + `at` ms, with heart rate and no device unless given. */
function activity({ at = 0, ...overrides }: Overrides): GroupMember {
  return {
    providerActivityId: overrides.id,
    name: "x",
    sport: "run",
    sportType: null,
    startTime: new Date(t0 + at),
    utcOffsetMinutes: 60,
    elapsedSeconds: 3600,
    movingSeconds: null,
    distanceMeters: 10_000,
    elevationGainMeters: null,
    averageHeartRate: 150,
    maxHeartRate: null,
    calories: null,
    device: null,
    groupId: null,
    groupStart: null,
    isPrimary: true,
    ...overrides,
  };
}

const same = (a: GroupMember, b: GroupMember) => isSameWorkout(a, b);

/** Groups the way the regrouping does; answers each one's group and whether it is the primary. */
function groupDuplicates(members: GroupMember[], order: readonly string[] = priority, matcher = defaultMatcher) {
  const assignments = new Map<string, { groupId: string; isPrimary: boolean }>();
  for (const group of groupActivities(members, matcher, order)) {
    for (const member of group.members) assignments.set(member.id, { groupId: group.primary.id, isPrimary: member === group.primary });
  }
  return assignments;
}
const together = (groups: ReturnType<typeof groupDuplicates>, ...ids: string[]) => new Set(ids.map((id) => groups.get(id)?.groupId)).size === 1;

describe("time", () => {
  it("matches a watch run mirrored to Strava seconds later with a slightly different distance", () => {
    expect(same(activity({ id: "g", provider: "garmin" }), activity({ id: "s", provider: "strava", at: 4_000, distanceMeters: 10_040 }))).toBe(true);
  });

  it("compares instants: the same run written in two time zones is one workout", () => {
    const berlin = activity({ id: "p", provider: "polar", utcOffsetMinutes: 120 });
    berlin.startTime = new Date("2025-03-01T09:00:00+02:00");
    expect(same(berlin, activity({ id: "g", provider: "garmin" }))).toBe(true);
  });

  it("keeps back-to-back workouts apart, even short ones a few seconds apart", () => {
    const first = activity({ id: "a", provider: "garmin", elapsedSeconds: 1800, distanceMeters: 5_000 });
    expect(same(first, activity({ id: "b", provider: "strava", at: 30 * minute, elapsedSeconds: 1800, distanceMeters: 5_000 }))).toBe(false);
    const interval = activity({ id: "c", provider: "garmin", elapsedSeconds: 120, distanceMeters: null });
    expect(same(interval, activity({ id: "d", provider: "whoop", at: 125_000, elapsedSeconds: 120, distanceMeters: null }))).toBe(false);
  });

  it("keeps sessions that only touch at the edges apart (a commute ride into the gym)", () => {
    const gym = activity({ id: "gym", provider: "garmin", sport: "strength", distanceMeters: null, elapsedSeconds: 3000 });
    const ride = activity({ id: "ride", provider: "strava", sport: "ride", at: -15 * minute, elapsedSeconds: 20 * 60, distanceMeters: 7_000, averageHeartRate: null });
    expect(same(gym, ride)).toBe(false);
    // The same sport does not help when only a few minutes overlap.
    const run = activity({ id: "r", provider: "garmin" });
    expect(same(run, activity({ id: "r2", provider: "fitbit", at: 55 * minute, elapsedSeconds: 1500, distanceMeters: 4_000 }))).toBe(false);
  });

  it("keeps two swims in one morning apart", () => {
    const masters = activity({ id: "a", provider: "garmin", sport: "swim", elapsedSeconds: 3000, distanceMeters: 2_200 });
    const technique = activity({ id: "b", provider: "strava", sport: "swim", at: 76 * minute, elapsedSeconds: 1700, distanceMeters: 1_100 });
    const groups = groupDuplicates([masters, technique, activity({ id: "w", provider: "whoop", sport: "swim", at: 77 * minute, elapsedSeconds: 1650, distanceMeters: null })]);
    expect(together(groups, "a", "b")).toBe(false);
    expect(together(groups, "b", "w")).toBe(true);
  });

  it("accepts a detector's late start as the source's documented lag, named in no code", () => {
    // WHOOP opened the record 12 min late and closed it 5 min late, under a generic label, without distance.
    const watch = activity({ id: "g", provider: "garmin", elapsedSeconds: 3000 });
    const detected = (provider: string) =>
      activity({ id: "d", provider, sport: "other", sportType: "activity", at: 12 * minute, elapsedSeconds: 2580, distanceMeters: null, averageHeartRate: null });
    const knowing = createMatcher({ detection: detectionLookup([whoopDefinition, stravaDefinition]) });
    const blind = createMatcher();
    expect(knowing.score(watch, detected("whoop"))).not.toBeNull();
    expect(knowing.explain(watch, detected("whoop"))).toContain("within detection lag");
    expect(blind.score(watch, detected("whoop"))).toBeNull();
    // Any provider whose definition declares detection is treated alike.
    const acme = createMatcher({ detection: detectionLookup([{ id: "acme", detection: { startLagSeconds: 720, endLagSeconds: 600 } }]) });
    expect(acme.score(watch, detected("acme"))).toBe(knowing.score(watch, detected("whoop")));
  });

  it("reads detection timing from the WHOOP and Fitbit definitions only", () => {
    const lookup = detectionLookup([whoopDefinition, fitbitDefinition, stravaDefinition]);
    expect(lookup("whoop")?.startLagSeconds).toBeGreaterThan(0);
    expect(lookup("fitbit")?.endLagSeconds).toBeGreaterThan(0);
    expect(lookup("strava")).toBeUndefined();
  });
});

describe("hour shift", () => {
  it("matches a copy whose clock is off by whole hours when duration and distance agree", () => {
    // Terra relays the watch's local start without offset; read as UTC it lands two hours late.
    const garmin = activity({ id: "g", provider: "garmin", elapsedSeconds: 2706, distanceMeters: 3_693, utcOffsetMinutes: 120 });
    const terra = activity({ id: "t", provider: "terra", at: 2 * hour + 2_000, elapsedSeconds: 2707, distanceMeters: 3_690, utcOffsetMinutes: null });
    expect(same(garmin, terra)).toBe(true);
    expect(explainMatch(garmin, terra)).toMatch(/^clock off by 2 h \(one has no UTC offset\)/);
    // Up to fourteen hours, the largest UTC offset (Kiribati, +14:00).
    const far = activity({ id: "f", provider: "polar", at: 14 * hour - 30_000, elapsedSeconds: 2706, distanceMeters: 3_700, utcOffsetMinutes: null });
    expect(same({ ...garmin, utcOffsetMinutes: 14 * 60 }, far)).toBe(true);
    // A shift that neither offset explains is two workouts.
    expect(same(garmin, far)).toBe(false);
    expect(defaultMatcher.windowMs).toBe(14 * hour + 2 * minute);
    // Beyond the window nothing matches, so the window is a true bound for the incremental regroup.
    const beyond = activity({ id: "b", provider: "polar", at: 14 * hour + 3 * minute, elapsedSeconds: 2706, distanceMeters: 3_693, utcOffsetMinutes: null });
    expect(defaultMatcher.score({ ...garmin, utcOffsetMinutes: 14 * 60 }, beyond)).toBeNull();
  });

  it("keeps two runs exactly one hour apart with other distances and durations apart", () => {
    const first = activity({ id: "a", provider: "garmin", elapsedSeconds: 3109, distanceMeters: 10_348 });
    expect(same(first, activity({ id: "b", provider: "terra", at: hour, elapsedSeconds: 1542, distanceMeters: 4_444 }))).toBe(false);
    // Same length but another distance: not a copy either.
    expect(same(first, activity({ id: "c", provider: "strava", at: hour, elapsedSeconds: 3100, distanceMeters: 8_600 }))).toBe(false);
  });

  it("keeps the same loop walked twice by one device apart, however well the numbers agree", () => {
    const walk = (id: string, at: number) => activity({ id, provider: "coros", sport: "walk", at, elapsedSeconds: 1_800, distanceMeters: 2_400, utcOffsetMinutes: 0, device: "COROS APEX 2" });
    // Eleven hours: nothing in the offsets explains such a shift.
    expect(same(walk("a", 0), walk("b", 11 * hour + 10_000))).toBe(false);
    // One hour could be a missed DST change, but one device keeps one clock.
    expect(same(walk("a", 0), walk("b", hour + 10_000))).toBe(false);
    expect(explainMatch(walk("a", 0), walk("b", hour + 10_000))).toBe("not the same workout: do not overlap");
  });
});

describe("sport", () => {
  it("lets a generic label match a specific sport", () => {
    const run = activity({ id: "g", provider: "garmin" });
    expect(same(run, activity({ id: "w", provider: "whoop", sport: "other", sportType: "activity", at: 52_000, elapsedSeconds: 3550, distanceMeters: null }))).toBe(true);
    const row = activity({ id: "r", provider: "garmin", sport: "row", elapsedSeconds: 1424, distanceMeters: 5_819 });
    expect(same(row, activity({ id: "h", provider: "whoop", sport: "hiit", sportType: "functional fitness", at: 38_000, elapsedSeconds: 1473, distanceMeters: null }))).toBe(true);
  });

  it("matches sports of one family (walk and hike) and keeps other families apart", () => {
    expect(same(activity({ id: "a", provider: "garmin", sport: "hike" }), activity({ id: "b", provider: "fitbit", sport: "walk", at: 30_000 }))).toBe(true);
    const garmin = activity({ id: "g", provider: "garmin" });
    expect(same(garmin, activity({ id: "x", provider: "strava", sport: "ride" }))).toBe(false);
    expect(defaultMatcher.explain(garmin, activity({ id: "x", provider: "strava", sport: "ride" }))).toContain("different sports (run vs ride)");
  });
});

describe("duration and distance", () => {
  it("matches a Strava copy cropped to drop the last fifth", () => {
    const garmin = activity({ id: "g", provider: "garmin", elapsedSeconds: 3014, distanceMeters: 9_212, device: "Forerunner 955" });
    const cropped = activity({ id: "s", provider: "strava", elapsedSeconds: 2431, distanceMeters: 7_431, device: "Garmin Forerunner 955" });
    expect(same(garmin, cropped)).toBe(true);
  });

  it("matches a treadmill run whose wrist distance is 16 % short when everything else agrees", () => {
    const wrist = activity({ id: "g", provider: "garmin", elapsedSeconds: 1920, distanceMeters: 5_310, averageHeartRate: 159 });
    const treadmill = activity({ id: "s", provider: "strava", at: -21_000, elapsedSeconds: 1928, distanceMeters: 6_197, averageHeartRate: 157 });
    expect(same(wrist, treadmill)).toBe(true);
    expect(explainMatch(wrist, treadmill)).not.toContain("distance within");
  });

  it("matches a detector that saw only part of a hike, and one whose watch was left running in the car", () => {
    const hike = activity({ id: "h", provider: "garmin", sport: "hike", elapsedSeconds: 11_080, distanceMeters: 9_844 });
    const part = activity({ id: "f", provider: "fitbit", sport: "walk", at: 245_000, elapsedSeconds: 5_880, distanceMeters: 5_266, averageHeartRate: 152 });
    expect(same(hike, part)).toBe(true);
    const withCar = activity({ id: "s", provider: "suunto", elapsedSeconds: 6_910, distanceMeters: 46_831 });
    const run = activity({ id: "w", provider: "whoop", at: 86_000, elapsedSeconds: 4_575, distanceMeters: null, averageHeartRate: 152 });
    expect(same(withCar, run)).toBe(true);
  });

  it("matches a paused recording by its moving time", () => {
    const polar = activity({ id: "p", provider: "polar", sport: "hike", elapsedSeconds: 6_306, distanceMeters: 9_847 });
    const strava = activity({ id: "s", provider: "strava", sport: "hike", at: 1_000, elapsedSeconds: 9_933, movingSeconds: 6_076, distanceMeters: 9_861 });
    expect(same(polar, strava)).toBe(true);
    expect(explainMatch(polar, strava)).toContain("moving time within 4 %");
  });

  it("keeps a short recording inside an hour-long run apart when it ran at another pace", () => {
    const garmin = activity({ id: "g", provider: "garmin" });
    expect(same(garmin, activity({ id: "x", provider: "strava", at: minute, elapsedSeconds: 600, distanceMeters: 3_000 }))).toBe(false);
    expect(same(garmin, activity({ id: "x", provider: "strava", at: minute, elapsedSeconds: 3000 }))).toBe(true);
  });
});

describe("heart rate and device", () => {
  it("keeps a partner's simultaneous ride on another device apart", () => {
    const mine = activity({ id: "a", provider: "garmin", sport: "ride", elapsedSeconds: 10_661, distanceMeters: 69_105, averageHeartRate: 135, device: "Edge 1040" });
    const partner = activity({ id: "c", provider: "garmin", sport: "ride", at: -31_000, elapsedSeconds: 10_638, distanceMeters: 68_486, averageHeartRate: 114, device: "Edge 530" });
    expect(same(mine, partner)).toBe(false);
    expect(explainMatch(mine, partner)).toMatch(/^not the same workout: .*heart rates 21 bpm apart.*different devices/);
    // The partner's Strava copy too.
    const partnerCopy = { ...partner, id: "d", provider: "strava", device: "Garmin Edge 530", startTime: new Date(partner.startTime.getTime() + 1_000) };
    const groups = groupDuplicates([mine, partner, partnerCopy, { ...mine, id: "b", provider: "strava", device: "Garmin Edge 1040" }]);
    expect(together(groups, "a", "b")).toBe(true);
    expect(together(groups, "c", "d")).toBe(true);
    expect(together(groups, "a", "c")).toBe(false);
  });

  it("merges one person's two devices on one ride, heart rates a few beats apart", () => {
    const edge = activity({ id: "e", provider: "garmin", sport: "ride", at: 48_000, elapsedSeconds: 10_945, distanceMeters: 43_353, averageHeartRate: 139, device: "Edge 840" });
    const watch = activity({ id: "w", provider: "garmin", sport: "ride", elapsedSeconds: 11_004, distanceMeters: 43_796, averageHeartRate: 143, device: "Venu 3" });
    expect(same(edge, watch)).toBe(true);
  });

  it("recognises one device under a platform's longer name", () => {
    const a = activity({ id: "g", provider: "garmin", at: 0, device: "Forerunner 965" });
    const b = activity({ id: "s", provider: "strava", at: 38_000, device: "Garmin Forerunner 965", distanceMeters: 10_060 });
    expect(explainMatch(a, b)).toContain("same device");
    const other = activity({ id: "o", provider: "strava", at: 38_000, device: "Garmin Forerunner 165", distanceMeters: 10_060 });
    expect(explainMatch(a, other)).not.toContain("same device");
  });
});

describe("explain", () => {
  it("says what decided a merge in a short sentence with rounded numbers", () => {
    const watch = activity({ id: "g", provider: "garmin", device: "Forerunner 965", elapsedSeconds: 3612 });
    const copy = activity({ id: "s", provider: "strava", at: 38_400, device: "Garmin Forerunner 965", distanceMeters: 10_060, elapsedSeconds: 3575 });
    expect(explainMatch(watch, copy)).toBe("starts 38 s apart, distance within 0.6 %, same device, ends 1 s apart");
    // The matcher carries the same sentence for callers that hold only a Matcher.
    expect(defaultMatcher.explain(watch, copy)).toBe(explainMatch(watch, copy));
  });

  it("says why a pair is apart", () => {
    const first = activity({ id: "a", provider: "garmin", elapsedSeconds: 1800 });
    expect(explainMatch(first, activity({ id: "b", provider: "strava", at: 30 * minute }))).toBe("not the same workout: back to back");
  });

  it("rounds seconds, minutes, hours and shares for people", () => {
    expect([formatSeconds(38.4), formatSeconds(89), formatSeconds(451), formatSeconds(2 * 3600), formatSeconds(5400 + 360)]).toEqual(["38 s", "89 s", "8 min", "2 h", "1.6 h"]);
    expect([formatShare(0.006), formatShare(0.0004), formatShare(0.163)]).toEqual(["0.6 %", "0.0 %", "16 %"]);
  });
});

describe("grouping", () => {
  it("groups one workout from four providers and makes the device maker primary", () => {
    const groups = groupDuplicates([
      activity({ id: "s", provider: "strava", at: 3_000 }),
      activity({ id: "w", provider: "whoop", at: 5 * minute, elapsedSeconds: 3300, distanceMeters: null }),
      activity({ id: "g", provider: "garmin" }),
      activity({ id: "f", provider: "fitbit", at: 30_000, distanceMeters: 9_800 }),
      activity({ id: "later", provider: "strava", at: 5 * hour }),
    ]);
    expect(groups.get("g")).toEqual({ groupId: "g", isPrimary: true });
    for (const id of ["s", "w", "f"]) expect(groups.get(id)).toEqual({ groupId: "g", isPrimary: false });
    expect(groups.get("later")).toEqual({ groupId: "later", isPrimary: true });
  });

  it("follows the configured priority", () => {
    const groups = groupDuplicates([activity({ id: "g", provider: "garmin" }), activity({ id: "s", provider: "strava", at: 2_000 })], ["strava", "garmin"]);
    expect(groups.get("s")?.isPrimary).toBe(true);
    expect(groups.get("g")).toEqual({ groupId: "s", isPrimary: false });
  });

  it("does not chain: a member must match every other member", () => {
    // A generic "Workout" matches both the run and the ride beside it; the run and the ride do not match.
    const run = activity({ id: "run", provider: "garmin" });
    const generic = activity({ id: "generic", provider: "fitbit", sport: "other", sportType: "Workout", at: 20_000, distanceMeters: null });
    const ride = activity({ id: "ride", provider: "strava", sport: "ride", at: 40_000, distanceMeters: 30_000, averageHeartRate: null });
    expect(same(run, generic) && same(generic, ride)).toBe(true);
    const groups = groupDuplicates([run, generic, ride]);
    expect(together(groups, "run", "ride")).toBe(false);
    expect(together(groups, "run", "generic") || together(groups, "generic", "ride")).toBe(true);
  });

  it("puts several records of one provider together when they are one workout (Zwift and a head unit on Strava)", () => {
    const groups = groupDuplicates([
      activity({ id: "zwift", provider: "strava", sport: "ride", elapsedSeconds: 4203, distanceMeters: 35_876, averageHeartRate: 148, device: "Zwift" }),
      activity({ id: "unit", provider: "strava", sport: "ride", at: 1_000, elapsedSeconds: 4204, distanceMeters: 33_280, averageHeartRate: 148, device: "Garmin Edge 1040" }),
      activity({ id: "garmin", provider: "garmin", sport: "ride", at: 22_000, elapsedSeconds: 4176, distanceMeters: 33_324, averageHeartRate: 145, device: "Edge 1040" }),
      activity({ id: "cooldown", provider: "strava", sport: "ride", at: 4245_000, elapsedSeconds: 822, distanceMeters: 7_028, averageHeartRate: 128, device: "Zwift" }),
    ]);
    expect(together(groups, "zwift", "unit", "garmin")).toBe(true);
    expect(together(groups, "zwift", "cooldown")).toBe(false);
  });

  it("forms one group of a multisport record and legs recorded elsewhere, leaving the warm-up out", () => {
    const members = [
      activity({ id: "warmup", provider: "garmin", sport: "swim", at: -20 * minute, elapsedSeconds: 732, distanceMeters: 585, device: "Forerunner 265" }),
      activity({ id: "multi", provider: "garmin", sport: "multisport", elapsedSeconds: 5092, distanceMeters: 23_060, device: "Forerunner 265" }),
      activity({ id: "swim", provider: "strava", sport: "swim", at: 1_000, elapsedSeconds: 898, distanceMeters: 823, averageHeartRate: 136, device: "Garmin Forerunner 265" }),
      activity({ id: "t1", provider: "garmin", sport: "multisport", sportType: "SWIM_TO_BIKE_TRANSITION_V2", at: 900_000, elapsedSeconds: 160, distanceMeters: 200 }),
      activity({ id: "ride", provider: "strava", sport: "ride", at: 1066_000, elapsedSeconds: 2324, distanceMeters: 17_145, averageHeartRate: 140, device: "Garmin Forerunner 265" }),
      activity({ id: "unit", provider: "coros", sport: "ride", at: 1080_000, elapsedSeconds: 2300, distanceMeters: 17_000, averageHeartRate: 141, device: "COROS DURA" }),
      activity({ id: "run", provider: "strava", sport: "run", at: 3474_000, elapsedSeconds: 1618, distanceMeters: 4_683, averageHeartRate: 148, device: "Garmin Forerunner 265" }),
    ];
    const groups = groupDuplicates(members);
    expect(together(groups, "multi", "swim", "t1", "ride", "unit", "run")).toBe(true);
    expect(groups.get("multi")?.isPrimary).toBe(true);
    expect(together(groups, "warmup", "multi")).toBe(false);
    expect(defaultMatcher.explain(members[1]!, members[4]!)).toBe("ride leg inside the multisport record, same device");
  });

  it("joins a hike that a detector split into two walks at a break, but not two sessions inside a record left running", () => {
    const hike = activity({ id: "hike", provider: "garmin", sport: "hike", elapsedSeconds: 9137, distanceMeters: 9_927, averageHeartRate: 131 });
    const before = activity({ id: "w1", provider: "fitbit", sport: "walk", at: 107_000, elapsedSeconds: 3840, distanceMeters: 4_110, averageHeartRate: 130 });
    const after = activity({ id: "w2", provider: "fitbit", sport: "walk", at: 5207_000, elapsedSeconds: 3780, distanceMeters: 4_052, averageHeartRate: 135 });
    expect(together(groupDuplicates([hike, before, after]), "hike", "w1", "w2")).toBe(true);

    // WHOOP stopped 41 min late: the run joins it, the cool-down run that followed does not.
    const whoop = activity({ id: "whoop", provider: "whoop", elapsedSeconds: 6183, distanceMeters: null, averageHeartRate: 151 });
    const run = activity({ id: "run", provider: "polar", at: 14_000, elapsedSeconds: 3704, distanceMeters: 10_156, averageHeartRate: 154 });
    const cooldown = activity({ id: "cool", provider: "polar", at: 3719_000, elapsedSeconds: 643, distanceMeters: 1_710, averageHeartRate: 138 });
    const groups = groupDuplicates([whoop, run, cooldown]);
    expect(together(groups, "whoop", "run")).toBe(true);
    expect(together(groups, "run", "cool")).toBe(false);
  });

  it("prefers the stronger explanation when a record could join either of two workouts", () => {
    // The morning after a DST change a Fitbit run is stamped an hour early: it overlaps a shorter
    // run that really took place then, and matches the watch's run an hour later far better.
    const earlier = [
      activity({ id: "d", provider: "suunto", elapsedSeconds: 2706, distanceMeters: 6_930, averageHeartRate: 160 }),
      activity({ id: "e", provider: "strava", at: 1_000, elapsedSeconds: 2705, distanceMeters: 6_935, averageHeartRate: 160 }),
    ];
    const later = [
      activity({ id: "a", provider: "suunto", at: 3600_000, elapsedSeconds: 3503, distanceMeters: 11_080, averageHeartRate: 149 }),
      activity({ id: "b", provider: "strava", at: 3600_000, elapsedSeconds: 3503, distanceMeters: 11_064, averageHeartRate: 149 }),
    ];
    const fitbit = activity({ id: "c", provider: "fitbit", at: 12_000, elapsedSeconds: 3484, distanceMeters: 11_107, averageHeartRate: 147 });
    const groups = groupDuplicates([...earlier, fitbit, ...later]);
    expect(together(groups, "a", "b", "c")).toBe(true);
    expect(together(groups, "d", "e")).toBe(true);
    expect(together(groups, "c", "d")).toBe(false);
  });

  it("gives the same groups whatever order the activities come in", () => {
    const members = [
      activity({ id: "g", provider: "garmin" }),
      activity({ id: "s", provider: "strava", at: 1_000 }),
      activity({ id: "w", provider: "whoop", at: 6 * minute, elapsedSeconds: 3300, distanceMeters: null }),
      activity({ id: "x", provider: "garmin", at: hour, elapsedSeconds: 1200, distanceMeters: 3_000 }),
      activity({ id: "y", provider: "strava", at: hour + 1_000, elapsedSeconds: 1200, distanceMeters: 3_010 }),
    ];
    const canonical = (list: GroupMember[]) =>
      linkedComponents(list, defaultMatcher)
        .flatMap((component) => groupComponent(component, defaultMatcher, priority))
        .map((group) => group.members.map((m) => m.id).sort().join(","))
        .sort();
    const expected = canonical(members);
    expect(expected).toEqual(["g,s,w", "x,y"]);
    for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 3, 0, 2, 4]]) expect(canonical(order.map((i) => members[i]!))).toEqual(expected);
  });
});

describe("the time prefilter", () => {
  it("says no only where every hypothesis says apart (10,000 random pairs), from the times and the sports", async () => {
    const fc = (await import("fast-check")).default;
    const { assess, couldMatch, sportsCouldMatch } = await import("./matcher/evidence");
    const sports = ["run", "ride", "multisport", "swim", "other", "walk"] as const;
    const record = fc.record({
      at: fc.oneof(fc.integer({ min: -15 * hour, max: 15 * hour }), fc.integer({ min: -3, max: 3 }).map((h) => h * hour + 30_000)),
      minutes: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
      km: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      sport: fc.constantFrom(...sports),
      offset: fc.constantFrom(null, 0, 60, 120, -300),
      hr: fc.option(fc.integer({ min: 90, max: 180 }), { nil: null }),
    });
    const detection = detectionLookup([whoopDefinition, fitbitDefinition, stravaDefinition]);
    fc.assert(
      fc.property(record, record, fc.constantFrom("garmin", "whoop", "fitbit"), (x, y, provider) => {
        const make = (r: typeof x, id: string, source: string) => ({
          ...activity({ id, provider: source, at: r.at }),
          sport: r.sport,
          elapsedSeconds: r.minutes === null ? null : r.minutes * 60,
          distanceMeters: r.km === null ? null : r.km * 1000,
          utcOffsetMinutes: r.offset,
          averageHeartRate: r.hr,
          device: "Forerunner 965",
        });
        const a = make(x, "a", "strava");
        const b = make(y, "b", provider);
        if (!couldMatch(a, b) || !sportsCouldMatch(a, b)) expect(assess(a, b, detection).relation).toBe("apart");
      }),
      { numRuns: 10_000, seed: 42 },
    );
  });
});
