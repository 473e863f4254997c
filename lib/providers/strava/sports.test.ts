import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { stravaSport, stravaSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** Codes Strava's docs treat as generic. */
const generic = ["Workout"];

describe("Strava sport table", () => {
  it("covers the documented SportType and ActivityType enums", () => {
    expect(codes.length).toBe(56);
    expect(new Set(codes).size).toBe(codes.length);
    expect(documented.codes.filter((entry) => entry.enums.includes("ActivityType"))).toHaveLength(37);
  });

  it.each(codes)("maps %s into the shared vocabulary", (code) => {
    expect(Object.hasOwn(stravaSports, code)).toBe(true);
    expect(isSport(stravaSport(code))).toBe(true);
  });

  it("has no entry beyond the documented list", () => {
    expect(Object.keys(stravaSports).sort()).toEqual([...codes].sort());
  });

  it("sends only the generic codes to other", () => {
    expect(codes.filter((code) => stravaSport(code) === "other").sort()).toEqual([...generic].sort());
  });

  it("maps virtual and variant types to the outdoor sport", () => {
    expect(stravaSport("VirtualRide")).toBe("ride");
    expect(stravaSport("VirtualRide")).toBe(stravaSport("Ride"));
    expect(stravaSport("MountainBikeRide")).toBe("ride");
    expect(stravaSport("GravelRide")).toBe("ride");
    expect(stravaSport("EBikeRide")).toBe("ride");
    expect(stravaSport("VirtualRun")).toBe(stravaSport("Run"));
    expect(stravaSport("TrailRun")).toBe("run");
    expect(stravaSport("VirtualRow")).toBe(stravaSport("Rowing"));
    expect(stravaSport("NordicSki")).toBe("nordic_ski");
    expect(stravaSport("Snowboard")).toBe("snowboard");
  });

  it("maps therapy and wheelchair types to their own sports", () => {
    expect(stravaSport("PhysicalTherapy")).toBe("mobility");
    expect(stravaSport("Wheelchair")).toBe("wheelchair");
    expect(stravaSport("Handcycle")).toBe("ride");
  });

  it("matches the legacy type case-insensitively and sends unknown values to other", () => {
    expect(stravaSport("virtualride")).toBe("ride");
    expect(stravaSport(" Run ")).toBe("run");
    expect(stravaSport("Quidditch")).toBe("other");
    expect(stravaSport("constructor")).toBe("other");
    expect(stravaSport("")).toBe("other");
    expect(stravaSport(null)).toBe("other");
    expect(stravaSport(undefined)).toBe("other");
  });
});
