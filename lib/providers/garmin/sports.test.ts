import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { garminSport, garminSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** The only documented names allowed to map to "other": the docs' own generic bucket. */
const GENERIC = ["OTHER"];
/** Table keys that are not in Appendix A (each explained where it is mapped). */
const UNDOCUMENTED = ["MULTI_SPORT"];

describe("garminSports", () => {
  it("has the whole documented Appendix A list, once each", () => {
    expect(codes.length).toBe(135);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("maps every documented activityType to a sport of the shared vocabulary", () => {
    for (const code of codes) {
      expect(Object.hasOwn(garminSports, code), code).toBe(true);
      expect(isSport(garminSport(code)), code).toBe(true);
    }
  });

  it("maps only the generic allow-list to other", () => {
    expect(codes.filter((code) => garminSport(code) === "other")).toEqual(GENERIC);
  });

  it("has no table key outside the documented list except the named extras", () => {
    expect(Object.keys(garminSports).filter((key) => !codes.includes(key))).toEqual(UNDOCUMENTED);
  });

  it("maps indoor and virtual variants to the same sport as outdoors", () => {
    expect(garminSport("TREADMILL_RUNNING")).toBe("run");
    expect(garminSport("INDOOR_RUNNING")).toBe(garminSport("RUNNING"));
    expect(garminSport("INDOOR_CYCLING")).toBe("ride");
    expect(garminSport("VIRTUAL_RIDE")).toBe(garminSport("ROAD_BIKING"));
    expect(garminSport("INDOOR_ROWING")).toBe(garminSport("ROWING"));
    expect(garminSport("LAP_SWIMMING")).toBe(garminSport("OPEN_WATER_SWIMMING"));
    expect(garminSport("INDOOR_HANDCYCLING")).toBe(garminSport("HANDCYCLING"));
  });

  it("maps _V2 twins like their plain names", () => {
    for (const code of codes.filter((c) => c.endsWith("_V2"))) {
      const plain = code.slice(0, -3);
      if (codes.includes(plain)) expect(garminSport(code), code).toBe(garminSport(plain));
    }
  });

  it("spot checks", () => {
    expect(garminSport("BMX")).toBe("ride");
    expect(garminSport("TRACK_CYCLING")).toBe("ride");
    expect(garminSport("RUCKING")).toBe("hike");
    expect(garminSport("CROSS_COUNTRY_SKIING_WS")).toBe("nordic_ski");
    expect(garminSport("RESORT_SKIING_SNOWBOARDING_WS")).toBe("ski");
    expect(garminSport("WATERSKIING")).toBe("water_sport");
    expect(garminSport("STAND_UP_PADDLEBOARDING_V2")).toBe("paddle");
    expect(garminSport("PADDELBALL")).toBe("racket");
    expect(garminSport("MULTI_SPORT")).toBe("multisport");
    expect(garminSport("WHEELCHAIR_PUSH_RUN")).toBe("wheelchair");
    expect(garminSport("MOBILITY")).toBe("mobility");
    expect(garminSport("BREATHWORK")).toBe("recovery");
    expect(garminSport("FISHING_V2")).toBe("fishing_hunting");
    expect(garminSport("SNOWMOBILING_WS")).toBe("motorsport");
  });

  it("reads codes case-insensitively and sends unknown or missing codes to other", () => {
    expect(garminSport("trail_running")).toBe("run");
    expect(garminSport("NOT_A_GARMIN_TYPE")).toBe("other");
    expect(garminSport("")).toBe("other");
    expect(garminSport(null)).toBe("other");
    expect(garminSport(undefined)).toBe("other");
  });
});
