import { describe, expect, it } from "vitest";
import { isSport } from "@/lib/activity/sports";
import documented from "./fixtures/documented-sport-codes.json";
import { whoopNameKey, whoopSport, whoopSports } from "./sports";

const ids = documented.codes.map((entry) => entry.code);
const names = documented.codes.map((entry) => entry.name);

/** Sports WHOOP's table treats as generic. */
const generic = ["Activity", "Other"];
/** Documented "sports" that are not exercise, or have no sport in the shared vocabulary. */
const notInVocabulary = [
  "Air Compression",
  "Coaching",
  "Commuting",
  "Cooking",
  "Cleaning",
  "Dedicated Parenting",
  "Gaming",
  "High Stress Work",
  "Horseback Riding",
  "Ice Bath",
  "Manual Labor",
  "Massage Therapy",
  "Meditation",
  "Motocross",
  "Motor Racing",
  "Musical Performance",
  "Operations - Flying",
  "Operations - Medical",
  "Operations - Tactical",
  "Operations - Water",
  "Percussive Massage",
  "Public Speaking",
  "Sauna",
  "Watching Sports",
  "Yard Work",
];

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

  it("sends only the explicit allow-list to other", () => {
    const others = documented.codes.filter(({ code }) => whoopSport(code) === "other").map(({ name }) => name);
    expect(others.sort()).toEqual([...generic, ...notInVocabulary].sort());
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
