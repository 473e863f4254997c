import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { suuntoSport, suuntoSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);
const nameOf = new Map(documented.codes.map((entry) => [entry.code, entry.name]));

/** The only documented ids allowed to map to "other": Suunto's six generic "Other" sports. */
const GENERIC = [4, 5, 6, 7, 8, 9];

describe("suuntoSports", () => {
  it("has the whole documented activity id list, once each", () => {
    expect(codes.length).toBe(121);
    expect(new Set(codes).size).toBe(codes.length);
    expect(GENERIC.map((code) => nameOf.get(code))).toEqual(["Other1", "Other2", "Other3", "Other4", "Other5", "Other6"]);
  });

  it("maps every documented activity id to a sport of the shared vocabulary", () => {
    for (const code of codes) {
      expect(Object.hasOwn(suuntoSports, String(code)), `${code} ${nameOf.get(code)}`).toBe(true);
      expect(isSport(suuntoSport(code)), `${code} ${nameOf.get(code)}`).toBe(true);
    }
  });

  it("maps only the generic allow-list to other", () => {
    expect(codes.filter((code) => suuntoSport(code) === "other")).toEqual(GENERIC);
  });

  it("has no table key outside the documented list", () => {
    expect(Object.keys(suuntoSports).filter((key) => !codes.includes(Number(key)))).toEqual([]);
  });

  it("maps indoor variants to the same sport as outdoors", () => {
    expect(suuntoSport(53)).toBe("run"); // Treadmill
    expect(suuntoSport(53)).toBe(suuntoSport(1)); // Running
    expect(suuntoSport(52)).toBe("ride"); // Indoor cycling
    expect(suuntoSport(52)).toBe(suuntoSport(2)); // Cycling
    expect(suuntoSport(57)).toBe(suuntoSport(15)); // Indoor rowing, Rowing
    expect(suuntoSport(85)).toBe(suuntoSport(21)); // Openwater swimming, Swimming
  });

  it("spot checks", () => {
    expect(suuntoSport(0)).toBe("walk"); // 0 is Walking, not 1
    expect(suuntoSport(3)).toBe("nordic_ski");
    expect(suuntoSport(10)).toBe("ride"); // Mountain biking
    expect(suuntoSport(13)).toBe("ski"); // Downhill skiing
    expect(suuntoSport(22)).toBe("run"); // Trail running
    expect(suuntoSport(23)).toBe("strength"); // Gym
    expect(suuntoSport(61)).toBe("paddle"); // Standup paddling
    expect(suuntoSport(68)).toBe("multisport");
    expect(suuntoSport(74)).toBe("multisport"); // Triathlon
    expect(suuntoSport(83)).toBe("hike"); // Mountaineering
    expect(suuntoSport(25)).toBe("equestrian"); // Horseback riding
    expect(suuntoSport(88)).toBe("air_sport"); // Paragliding
    expect(suuntoSport(97)).toBe("fishing_hunting"); // Hunting
    expect(suuntoSport(112)).toBe("recovery"); // Meditation
  });

  it("reads decimal strings like integers and sends unknown or missing ids to other", () => {
    expect(suuntoSport("1")).toBe("run");
    expect(suuntoSport(89)).toBe("other"); // a gap in the documented list
    expect(suuntoSport(500)).toBe("other");
    expect(suuntoSport("Running")).toBe("other");
    expect(suuntoSport(null)).toBe("other");
    expect(suuntoSport(undefined)).toBe("other");
  });
});
