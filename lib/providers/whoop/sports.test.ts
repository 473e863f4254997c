import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { whoopNameKey, whoopSport, whoopSports } from "./sports";

const ids = documented.codes.map((entry) => entry.code);
const names = documented.codes.map((entry) => entry.name);

/** The only documented sports allowed to map to "other": the ones WHOOP itself names generically. */
const generic = ["Activity", "Other"];

describe("WHOOP sport table", () => {
  it("covers the documented sport table", () => {
    expect(ids.length).toBe(122);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names.map(whoopNameKey)).size).toBe(names.length);
  });

  it.each(documented.codes)("maps sport $code ($name) into the shared vocabulary by id and by name", ({ code, name }) => {
    expect(Object.hasOwn(whoopSports, String(code))).toBe(true);
    expect(Object.hasOwn(whoopSports, name.toLowerCase())).toBe(true);
    const sport = whoopSport(code);
    expect(isSport(sport)).toBe(true);
    expect(whoopSport(name)).toBe(sport);
    expect(whoopSport(name.toLowerCase())).toBe(sport);
  });

  it("has no entry beyond the documented list", () => {
    const expected = [...ids.map(String), ...names.map((name) => name.toLowerCase())];
    expect(Object.keys(whoopSports).sort()).toEqual(expected.sort());
  });

  it("sends only the generic sports to other", () => {
    const others = documented.codes.filter(({ code }) => whoopSport(code) === "other").map(({ name }) => name);
    expect(others.sort()).toEqual([...generic].sort());
  });

  it("maps recovery, everyday and niche sports to their own sports rather than other", () => {
    expect(whoopSport("meditation")).toBe("recovery");
    expect(whoopSport("sauna")).toBe("recovery");
    expect(whoopSport("ice bath")).toBe("recovery");
    expect(whoopSport("yard work")).toBe("lifestyle");
    expect(whoopSport("operations-tactical")).toBe("lifestyle");
    expect(whoopSport("motor racing")).toBe("motorsport");
    expect(whoopSport("motocross")).toBe("motorsport");
    expect(whoopSport("horseback riding")).toBe("equestrian");
    expect(whoopSport("wheelchair pushing")).toBe("wheelchair");
    expect(whoopSport("stretching")).toBe("mobility");
    expect(whoopSport("gymnastics")).toBe("gymnastics");
  });

  it("maps indoor and variant sports to the outdoor sport", () => {
    expect(whoopSport("spin")).toBe(whoopSport("cycling"));
    expect(whoopSport("assault bike")).toBe("ride");
    expect(whoopSport("mountain biking")).toBe("ride");
    expect(whoopSport("stroller jogging")).toBe(whoopSport("running"));
    expect(whoopSport("hot yoga")).toBe(whoopSport("yoga"));
    expect(whoopSport("cross country skiing")).toBe("nordic_ski");
  });

  it("reads sport_name in its reported spellings", () => {
    expect(whoopSport("hiking/rucking")).toBe("hike");
    expect(whoopSport("hiking-rucking")).toBe("hike");
    expect(whoopSport("Hiking/Rucking")).toBe("hike");
    expect(whoopSport("functional-fitness")).toBe("hiit");
    expect(whoopSport("track & field")).toBe("run");
    expect(whoopSport("track-and-field")).toBe("run");
    expect(whoopSport("track-field")).toBe("run");
    expect(whoopSport("barry's")).toBe("hiit");
    expect(whoopSport("barry-s")).toBe("hiit");
    expect(whoopSport("hurling-camogie")).toBe("team_sport");
  });

  it("reads sport_id as a number or decimal string and sends unknown values to other", () => {
    expect(whoopSport(0)).toBe("run");
    expect(whoopSport("52")).toBe("hike");
    expect(whoopSport(-1)).toBe("other");
    expect(whoopSport(9999)).toBe("other");
    expect(whoopSport("future sport")).toBe("other");
    expect(whoopSport(null)).toBe("other");
    expect(whoopSport(undefined)).toBe("other");
  });
});
