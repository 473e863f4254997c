import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { ouraSport, ouraSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** The only listed values allowed to map to "other": the ones that name no particular activity. */
const generic = ["activity", "other", "workout"];

describe("Oura sport table", () => {
  it("covers the listed activity values", () => {
    expect(codes.length).toBe(68);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)("maps %s into the shared vocabulary", (code) => {
    expect(Object.hasOwn(ouraSports, code)).toBe(true);
    expect(isSport(ouraSport(code))).toBe(true);
  });

  it("has no entry beyond the listed values", () => {
    expect(Object.keys(ouraSports).sort()).toEqual([...codes].sort());
  });

  it("sends only the generic values to other", () => {
    expect(codes.filter((code) => ouraSport(code) === "other").sort()).toEqual([...generic].sort());
  });

  it("maps rest, recovery and niche activities to their own sports", () => {
    expect(ouraSport("meditation")).toBe("recovery");
    expect(ouraSport("breathwork")).toBe("recovery");
    expect(ouraSport("rest")).toBe("recovery");
    expect(ouraSport("recovery")).toBe("recovery");
    expect(ouraSport("horseback_riding")).toBe("equestrian");
    expect(ouraSport("stretching")).toBe("mobility");
    expect(ouraSport("gymnastics")).toBe("gymnastics");
  });

  it("maps indoor and trail variants to the outdoor sport", () => {
    expect(ouraSport("indoor_cycling")).toBe(ouraSport("cycling"));
    expect(ouraSport("mountain_biking")).toBe("ride");
    expect(ouraSport("trail_running")).toBe(ouraSport("running"));
    expect(ouraSport("cross_country_skiing")).toBe("nordic_ski");
  });

  it("folds spelling variants and sends unknown values to other", () => {
    expect(ouraSport("Indoor Cycling")).toBe("ride");
    expect(ouraSport("indoorCycling")).toBe("ride");
    expect(ouraSport("strength-training")).toBe("strength");
    expect(ouraSport("underwater_basket_weaving")).toBe("other");
    expect(ouraSport(null)).toBe("other");
    expect(ouraSport(undefined)).toBe("other");
  });
});
