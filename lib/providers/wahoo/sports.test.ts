import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { wahooSport, wahooSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** The only documented types allowed to map to "other": the ones Wahoo's docs name generically. */
const generic = [42 /* WORKOUT */, 47 /* OTHER */, 255 /* UNKNOWN */];

describe("Wahoo sport table", () => {
  it("covers the documented workout types", () => {
    expect(codes.length).toBe(61);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)("maps workout_type_id %i into the shared vocabulary", (code) => {
    expect(Object.hasOwn(wahooSports, String(code))).toBe(true);
    expect(isSport(wahooSport(code))).toBe(true);
  });

  it("has no entry beyond the documented list", () => {
    expect(Object.keys(wahooSports).sort()).toEqual(codes.map(String).sort());
  });

  it("sends only the generic types to other", () => {
    expect(codes.filter((code) => wahooSport(code) === "other").sort((a, b) => a - b)).toEqual([...generic].sort((a, b) => a - b));
  });

  it("maps types that are not pedalled, walked or named to their own sports", () => {
    expect(wahooSport(17)).toBe("motorsport"); // BIKING_MOTOCYCLING
    expect(wahooSport(45)).toBe("wheelchair"); // WHEELCHAIR
    expect(wahooSport(65)).toBe("cardio"); // TICKR_OFFLINE
    expect(wahooSport(69)).toBe("recovery"); // MENTAL_STRENGTH
  });

  it("maps indoor, virtual and machine variants to the outdoor sport", () => {
    const ride = wahooSport(0);
    expect(ride).toBe("ride");
    for (const id of [11, 12, 13, 15, 21, 49, 61, 64, 68, 70]) expect(wahooSport(id)).toBe(ride);
    const run = wahooSport(1);
    expect(run).toBe("run");
    for (const id of [3, 4, 5, 19, 67, 71]) expect(wahooSport(id)).toBe(run);
    expect(wahooSport(56)).toBe(wahooSport(6)); // WALKING_TREADMILL
    expect(wahooSport(22)).toBe(wahooSport(39)); // FE_ROWER
    expect(wahooSport(25)).toBe(wahooSport(26));
  });

  it("accepts decimal strings and sends unknown ids to other", () => {
    expect(wahooSport("68")).toBe("ride");
    expect(wahooSport(" 5 ")).toBe("run");
    expect(wahooSport(24)).toBe("other");
    expect(wahooSport(9999)).toBe("other");
    expect(wahooSport("BIKING")).toBe("other");
    expect(wahooSport(null)).toBe("other");
    expect(wahooSport(undefined)).toBe("other");
  });
});
