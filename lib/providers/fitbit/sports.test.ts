import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { fitbitSport, fitbitSports } from "./sports";

const codes = documented.codes.map((entry) => entry.code);

/** Codes Fitbit uses as catch-alls: the "Sport" parent activity and the "Workout" exercise. */
const generic = ["15000", "Sport", "Workout"];

describe("Fitbit sport table", () => {
  it("lists catalog ids and activity names once each", () => {
    expect(codes.filter((code) => typeof code === "number")).toHaveLength(15);
    expect(codes.filter((code) => typeof code === "string")).toHaveLength(18);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)("maps %s into the shared vocabulary", (code) => {
    expect(Object.hasOwn(fitbitSports, String(code))).toBe(true);
    expect(isSport(fitbitSport(code))).toBe(true);
  });

  it("has no entry beyond the documented list", () => {
    expect(Object.keys(fitbitSports).sort()).toEqual(codes.map(String).sort());
  });

  it("sends only the generic codes to other", () => {
    expect(codes.filter((code) => fitbitSport(code) === "other").map(String).sort()).toEqual([...generic].sort());
  });

  it("maps a parent activity and its levels to the same sport", () => {
    expect(fitbitSport(12030)).toBe(fitbitSport(90009));
    expect(fitbitSport(17151)).toBe(fitbitSport(90013));
    expect(fitbitSport(51007)).toBe(fitbitSport(90019));
    expect(fitbitSport(1010)).toBe(fitbitSport(90001));
  });

  it("maps indoor variants to the outdoor sport", () => {
    expect(fitbitSport("Treadmill")).toBe(fitbitSport("Run"));
    expect(fitbitSport(90019)).toBe("run");
    expect(fitbitSport("Spinning")).toBe(fitbitSport("Outdoor Bike"));
    expect(fitbitSport(55001)).toBe("ride");
    expect(fitbitSport("Bike")).toBe("ride");
    expect(fitbitSport(1071)).toBe("ride");
  });

  it("reads ids as numbers or decimal strings, names without regard to case", () => {
    expect(fitbitSport("90009")).toBe("run");
    expect(fitbitSport("outdoor bike")).toBe("ride");
    expect(fitbitSport(" WALK ")).toBe("walk");
    expect(fitbitSport(123456789)).toBe("other");
    expect(fitbitSport("Underwater Hockey")).toBe("other");
    expect(fitbitSport(null)).toBe("other");
    expect(fitbitSport(undefined)).toBe("other");
  });
});
