import { describe, expect, it } from "vitest";
import { createFormatter, supportedLocale } from "./format";

const metric = createFormatter({ units: "metric", weekStart: 1, timeZone: null }, "en-GB");
const imperial = createFormatter({ units: "imperial", weekStart: 0, timeZone: null }, "en-US");

describe("the formatter", () => {
  it("shows a workout in its own local time unless a zone is chosen", () => {
    expect(metric.workoutDateTime("2018-05-02T12:15:09Z", -420)).toBe("Wed, 2 May 2018, 05:15");
    expect(metric.workoutDateTime("2018-05-02T22:15:09Z", 330)).toBe("Thu, 3 May 2018, 03:45");
    expect(metric.workoutDateTime("2018-05-02T12:15:09Z", null)).toBe("Wed, 2 May 2018, 12:15 UTC");
    const paris = createFormatter({ units: "metric", weekStart: 1, timeZone: "Europe/Paris" }, "en-GB");
    expect(paris.workoutDateTime("2018-05-02T12:15:09Z", -420)).toBe("Wed, 2 May 2018, 14:15");
    expect(paris.workoutTime("2018-05-02T12:15:09Z", null)).toBe("14:15");
  });

  it("follows the locale for dates and numbers", () => {
    expect(imperial.workoutDate("2026-11-24T07:00:00Z", 60)).toBe("Tue, Nov 24, 2026");
    expect(metric.day("2026-09-07")).toBe("7 Sept");
    expect(imperial.day("2026-09-07")).toBe("Sep 7");
    expect(metric.month("2026-11-01")).toBe("Nov 2026");
    const german = createFormatter(undefined, "de-DE");
    expect(german.distance(24931.4)).toBe("24,93 km");
    expect(german.date("2026-11-25T10:00:00Z")).toBe("25. Nov. 2026");
  });

  it("reads the first supported language of an Accept-Language header", () => {
    expect(supportedLocale("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr-CH");
    expect(supportedLocale(undefined)).toBe("en-GB");
    expect(supportedLocale("not a tag!")).toBe("en-GB");
  });

  it("formats durations and distances in the person's units", () => {
    expect(metric.duration(4410)).toBe("1:13:30");
    expect(metric.duration(491)).toBe("8:11");
    expect(metric.duration(null)).toBeNull();
    expect(metric.distance(24931.4)).toBe("24.93 km");
    expect(metric.distance(850)).toBe("850 m");
    expect(metric.distance(0)).toBeNull();
    expect(imperial.distance(24931.4)).toBe("15.49 mi");
    expect(imperial.distance(100)).toBe("328 ft");
    expect(metric.elevation(85.4)).toBe("85 m");
    expect(imperial.elevation(100)).toBe("328 ft");
    expect(metric.hours(5400)).toBe("1.5 h");
  });

  it("uses pace on foot and in water, speed on wheels", () => {
    expect(metric.paceOrSpeed("run", 10_000, 3000)).toBe("5:00 /km");
    expect(metric.paceOrSpeed("swim", 1500, 1800)).toBe("2:00 /100 m");
    expect(metric.paceOrSpeed("ride", 24931.4, 4500)).toBe("19.9 km/h");
    expect(metric.paceOrSpeed("run", null, 3000)).toBeNull();
    expect(imperial.paceOrSpeed("run", 10_000, 3000)).toBe("8:03 /mi");
    expect(imperial.paceOrSpeed("ride", 24931.4, 4500)).toBe("12.4 mph");
    expect(imperial.paceOrSpeed("swim", 1500, 1800)).toBe("1:50 /100 yd");
  });

  it("says how long ago or how soon, in words", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(metric.relative("2026-11-25T11:55:00Z", now)).toBe("5 minutes ago");
    expect(metric.relative("2026-11-25T12:12:00Z", now)).toBe("in 12 minutes");
    expect(metric.relative("2026-11-25T11:59:50Z", now)).toBe("now");
    expect(metric.relative("2026-11-23T12:00:00Z", now)).toBe("2 days ago");
  });
});
