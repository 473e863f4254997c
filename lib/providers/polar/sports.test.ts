import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { polarSport, polarSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** The only documented values allowed to map to "other": the ones the docs name Other / Other indoor / Other outdoor. */
const GENERIC = ["OTHER_INDOOR", "OTHER_OUTDOOR", "OTHER"];

describe("polarSports", () => {
  it("has the whole documented appendix list (plus the coarse OTHER), once each", () => {
    expect(codes.length).toBe(176);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("maps every documented value to a sport of the shared vocabulary", () => {
    for (const code of codes) {
      expect(Object.hasOwn(polarSports, code), code).toBe(true);
      expect(isSport(polarSport(code)), code).toBe(true);
    }
  });

  it("maps only the generic allow-list to other", () => {
    expect(codes.filter((code) => polarSport(code) === "other")).toEqual(GENERIC);
  });

  it("has no table key outside the documented list", () => {
    expect(Object.keys(polarSports).filter((key) => !codes.includes(key))).toEqual([]);
  });

  it("maps indoor variants to the same sport as outdoors", () => {
    expect(polarSport("TREADMILL_RUNNING")).toBe("run");
    expect(polarSport("TREADMILL_RUNNING")).toBe(polarSport("ROAD_RUNNING"));
    expect(polarSport("INDOOR_CYCLING")).toBe("ride");
    expect(polarSport("SPINNING")).toBe(polarSport("ROAD_BIKING"));
    expect(polarSport("INDOOR_ROWING")).toBe(polarSport("ROWING"));
    expect(polarSport("POOL_SWIMMING")).toBe(polarSport("OPEN_WATER_SWIMMING"));
    expect(polarSport("VERTICALSPORTS_WALLCLIMBING")).toBe(polarSport("VERTICALSPORTS_OUTCLIMBING"));
    expect(polarSport("SKIERG")).toBe(polarSport("XC_SKIING_CLASSIC"));
  });

  it("spot checks", () => {
    expect(polarSport("TRAIL_RUNNING")).toBe("run");
    expect(polarSport("WATERSPORTS_WATERSKI")).toBe("water_sport"); // the docs' own example, not skiing
    expect(polarSport("CROSS-COUNTRY_SKIING")).toBe("nordic_ski"); // the docs spell it with a hyphen
    expect(polarSport("DOWNHILL_SKIING")).toBe("ski");
    expect(polarSport("SUP")).toBe("paddle");
    expect(polarSport("TRIATHLON")).toBe("multisport");
    expect(polarSport("TRIATHLON_SWIMMING")).toBe("swim");
    expect(polarSport("NORDIC_WALKING")).toBe("walk");
    expect(polarSport("PILATES")).toBe("pilates");
    expect(polarSport("RIDING")).toBe("equestrian"); // horseback
    expect(polarSport("STRETCHING")).toBe("mobility");
    expect(polarSport("MOTORSPORTS_MOTOCROSS")).toBe("motorsport");
    expect(polarSport("PARASPORTS_WHEELCHAIR")).toBe("wheelchair");
  });

  it("reads values case-insensitively and sends unknown or missing values to other", () => {
    expect(polarSport("road_running")).toBe("run");
    expect(polarSport("RUNNING_ROAD")).toBe("other"); // not a documented value
    expect(polarSport("")).toBe("other");
    expect(polarSport(null)).toBe("other");
    expect(polarSport(undefined)).toBe("other");
  });
});
