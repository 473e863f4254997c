import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { corosSport, corosSportCode, corosSportNames, corosSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);
const nameOf = new Map(documented.codes.map((entry) => [entry.code, entry.name]));

/** Documented codes allowed to map to "other": none, the table has no generic type. */
const GENERIC: number[] = [];

describe("corosSports", () => {
  it("has the whole documented sport type table, once each, coded as mode × 10 + subMode", () => {
    expect(codes.length).toBe(58);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of documented.codes) expect(corosSportCode(entry.mode, entry.subMode), entry.name).toBe(entry.code);
  });

  it("maps every documented sport type to a sport of the shared vocabulary", () => {
    for (const code of codes) {
      expect(Object.hasOwn(corosSports, String(code)), `${code} ${nameOf.get(code)}`).toBe(true);
      expect(isSport(corosSport(code)), `${code} ${nameOf.get(code)}`).toBe(true);
    }
  });

  it("maps only the generic allow-list to other", () => {
    expect(codes.filter((code) => corosSport(code) === "other")).toEqual(GENERIC);
  });

  it("has no table key outside the documented table", () => {
    expect(Object.keys(corosSports).filter((key) => !codes.includes(Number(key)))).toEqual([]);
  });

  it("names every documented sport type as the docs do", () => {
    expect(Object.keys(corosSportNames).sort()).toEqual(Object.keys(corosSports).sort());
    for (const entry of documented.codes) expect(corosSportNames[String(entry.code)]).toBe(entry.name);
  });

  it("maps indoor variants to the same sport as outdoors", () => {
    expect(corosSport(82)).toBe("run"); // Indoor Run
    expect(corosSport(82)).toBe(corosSport(81));
    expect(corosSport(92)).toBe("ride"); // Indoor Bike
    expect(corosSport(92)).toBe(corosSport(91));
    expect(corosSport(102)).toBe(corosSport(101)); // Pool Swim, Open Water
    expect(corosSport(242)).toBe(corosSport(241)); // Indoor Rower, Rowing
    expect(corosSport(182)).toBe(corosSport(181)); // Gym Cardio, GPS Cardio
  });

  it("spot checks", () => {
    expect(corosSport(corosSportCode(15, 1))).toBe("run"); // Trail Run
    expect(corosSport(corosSportCode(20, 1))).toBe("run"); // Track Run
    expect(corosSport(corosSportCode(9, 6))).toBe("ride"); // Gravel Bike
    expect(corosSport(corosSportCode(19, 1))).toBe("nordic_ski"); // XC Ski
    expect(corosSport(corosSportCode(21, 2))).toBe("snowboard");
    expect(corosSport(corosSportCode(13, 1))).toBe("multisport"); // Triathlon
    expect(corosSport(corosSportCode(33, 3))).toBe("climb"); // Bouldering
    expect(corosSport(corosSportCode(31, 1))).toBe("walk");
    expect(corosSport(corosSportCode(22, 1))).toBe("air_sport"); // Pilot
    expect(corosSport(corosSportCode(32, 2))).toBe("fishing_hunting"); // Shore Fishing
  });

  it("reads decimal strings like numbers and sends unknown or missing codes to other", () => {
    expect(corosSport("81")).toBe("run");
    expect(corosSport(83)).toBe("other"); // not documented
    expect(corosSport("8_1")).toBe("other");
    expect(corosSport(null)).toBe("other");
    expect(corosSport(undefined)).toBe("other");
  });
});
