import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { googleSport, googleSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** Codes the Google Health API treats as generic or unspecified. */
const generic = ["EXERCISE_TYPE_UNSPECIFIED", "OTHER", "OUTDOOR_WORKOUT", "SPORT", "WORKOUT"];
/** Documented types with no sport in the shared vocabulary (chores, motorised, target, air, equestrian…). */
const notInVocabulary = [
  "ARCHERY",
  "BILLIARDS",
  "BOWLING",
  "CARPENTRY",
  "CLEANING",
  "CROQUET",
  "ELECTRIC_SCOOTER",
  "EQUESTRIAN_SPORTS",
  "FISHING",
  "GARDENING",
  "HOEING",
  "HOUSEHOLD_CHORES",
  "HUNTING",
  "MEDITATE",
  "MOTOCROSS",
  "MOTORCYCLE",
  "MOWING_LAWN",
  "MUSICAL_PERFORMANCE",
  "PAINTING",
  "PARAGLIDING",
  "SHOOTING",
  "SHOVELING",
  "SKYDIVING",
  "SNOWMOBILING",
  "WEEDING",
];

describe("Google Health API sport table", () => {
  it("covers the documented ExerciseType enum", () => {
    expect(codes.length).toBe(182);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(documented.codes.map((entry) => entry.number)).size).toBe(codes.length);
  });

  it.each(codes)("maps %s into the shared vocabulary", (code) => {
    expect(Object.hasOwn(googleSports, code)).toBe(true);
    expect(isSport(googleSport(code))).toBe(true);
  });

  it("has no entry beyond the documented list", () => {
    expect(Object.keys(googleSports).sort()).toEqual([...codes].sort());
  });

  it("sends only the explicit allow-list to other", () => {
    expect(codes.filter((code) => googleSport(code) === "other").sort()).toEqual(
      [...generic, ...notInVocabulary].sort(),
    );
  });

  it("maps indoor and machine variants to the outdoor sport", () => {
    expect(googleSport("BIKING")).toBe("ride");
    for (const code of ["OUTDOOR_BIKE", "STATIONARY_BIKE", "SPINNING", "MOUNTAIN_BIKE", "ELECTRIC_BIKE", "ASSAULT_BIKE"]) {
      expect(googleSport(code)).toBe("ride");
    }
    expect(googleSport("TREADMILL")).toBe(googleSport("RUNNING"));
    expect(googleSport("INCLINE_RUN")).toBe("run");
    expect(googleSport("TRAIL_RUN")).toBe("run");
    expect(googleSport("TREADMILL_WALK")).toBe(googleSport("WALKING"));
    expect(googleSport("ROWING_MACHINE")).toBe(googleSport("ROWING"));
    expect(googleSport("SWIMMING_POOL")).toBe(googleSport("SWIMMING_OPEN_WATER"));
    expect(googleSport("INDOOR_CLIMBING")).toBe(googleSport("ROCK_CLIMBING"));
    expect(googleSport("CROSS_COUNTRY_SKI")).toBe("nordic_ski");
  });

  it("folds case and sends unknown values to other", () => {
    expect(googleSport("running")).toBe("run");
    expect(googleSport(" Yoga_Vinyasa ")).toBe("yoga");
    expect(googleSport("EXERCISE_TYPE_RUNNING")).toBe("other"); // Health Connect's spelling is not this enum
    expect(googleSport(1)).toBe("other");
    expect(googleSport(null)).toBe("other");
    expect(googleSport(undefined)).toBe("other");
  });
});
