import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { googleSport, googleSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** The only documented types allowed to map to "other": the ones the API leaves unnamed or generic. */
const generic = ["EXERCISE_TYPE_UNSPECIFIED", "OTHER", "OUTDOOR_WORKOUT", "SPORT", "WORKOUT"];

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

  it("sends only the generic types to other", () => {
    expect(codes.filter((code) => googleSport(code) === "other").sort()).toEqual([...generic].sort());
  });

  it("maps target, air, outdoor, recovery and everyday types to their own sports", () => {
    expect(googleSport("ARCHERY")).toBe("target_sport");
    expect(googleSport("BOWLING")).toBe("target_sport");
    expect(googleSport("PARAGLIDING")).toBe("air_sport");
    expect(googleSport("SKYDIVING")).toBe("air_sport");
    expect(googleSport("FISHING")).toBe("fishing_hunting");
    expect(googleSport("HUNTING")).toBe("fishing_hunting");
    expect(googleSport("MEDITATE")).toBe("recovery");
    expect(googleSport("GARDENING")).toBe("lifestyle");
    expect(googleSport("HOUSEHOLD_CHORES")).toBe("lifestyle");
    expect(googleSport("MOTOCROSS")).toBe("motorsport");
    expect(googleSport("EQUESTRIAN_SPORTS")).toBe("equestrian");
    expect(googleSport("STRETCHING")).toBe("mobility");
    expect(googleSport("WHEELCHAIR")).toBe("wheelchair");
    expect(googleSport("GYMNASTICS")).toBe("gymnastics");
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
