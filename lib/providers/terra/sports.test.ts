import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { terraSport, terraSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);
const nameOf = new Map(documented.codes.map((entry) => [entry.code, entry.name]));

/** The only documented types allowed to map to "other": the ones the enum itself calls Unknown and Other. */
const GENERIC = [4, 108];

describe("terraSports", () => {
  it("has the whole documented ActivityType enum, once each", () => {
    expect(codes.length).toBe(146);
    expect(new Set(codes).size).toBe(codes.length);
    expect(GENERIC.map((code) => nameOf.get(code))).toEqual(["Unknown", "Other"]);
  });

  it("maps every documented type to a sport of the shared vocabulary", () => {
    for (const code of codes) {
      expect(Object.hasOwn(terraSports, String(code)), `${code} ${nameOf.get(code)}`).toBe(true);
      expect(isSport(terraSport(code)), `${code} ${nameOf.get(code)}`).toBe(true);
    }
  });

  it("maps only the generic allow-list to other", () => {
    expect(codes.filter((code) => terraSport(code) === "other")).toEqual(GENERIC);
  });

  it("has no table key outside the documented enum", () => {
    expect(Object.keys(terraSports).filter((key) => !codes.includes(Number(key)))).toEqual([]);
  });

  it("maps indoor variants to the same sport as outdoors", () => {
    expect(terraSport(58)).toBe("run"); // Treadmill Running
    expect(terraSport(133)).toBe(terraSport(8)); // Indoor Running, Running
    expect(terraSport(17)).toBe("ride"); // Spinning
    expect(terraSport(18)).toBe(terraSport(16)); // Stationary Biking, Road Biking
    expect(terraSport(54)).toBe(terraSport(53)); // Rowing Machine, Rowing
    expect(terraSport(83)).toBe(terraSport(84)); // Swimming in Pool, Open Water Swimming
    expect(terraSport(95)).toBe(terraSport(7)); // Treadmill Walking, Walking
  });

  it("spot checks", () => {
    expect(terraSport(1)).toBe("ride"); // Biking, not running
    expect(terraSport(67)).toBe("nordic_ski");
    expect(terraSport(73)).toBe("snowboard");
    expect(terraSport(79)).toBe("paddle");
    expect(terraSport(114)).toBe("hiit");
    expect(terraSport(151)).toBe("multisport");
    expect(terraSport(152)).toBe("ride"); // E-Biking
    expect(terraSport(37)).toBe("equestrian"); // Horseback Riding
    expect(terraSport(48)).toBe("air_sport"); // Paragliding
    expect(terraSport(119)).toBe("target_sport"); // Archery
    expect(terraSport(137)).toBe("motorsport"); // Motorbiking
    expect(terraSport(0)).toBe("lifestyle"); // In Vehicle
    expect(terraSport(154)).toBe("mobility"); // Physical Therapy
  });

  it("reads decimal strings like integers and sends unknown or missing types to other", () => {
    expect(terraSport("8")).toBe("run");
    expect(terraSport(" 149 ")).toBe("run");
    expect(terraSport(2)).toBe("other"); // not in the enum
    expect(terraSport(999)).toBe("other");
    expect(terraSport("running")).toBe("other");
    expect(terraSport(null)).toBe("other");
    expect(terraSport(undefined)).toBe("other");
  });
});
