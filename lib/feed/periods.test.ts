import { describe, expect, it } from "vitest";
import { countPeriods, isoDate, periodBounds, periodStart, shiftPeriod } from "./periods";

const at = (iso: string) => Date.parse(`${iso}Z`);

describe("calendar periods", () => {
  it("weeks start on Monday, months on the 1st", () => {
    expect(isoDate(periodStart(at("2025-03-05T23:59:00"), "week"))).toBe("2025-03-03");
    expect(isoDate(periodStart(at("2025-03-03T00:00:00"), "week"))).toBe("2025-03-03");
    expect(isoDate(periodStart(at("2025-03-09T12:00:00"), "week"))).toBe("2025-03-03");
    expect(isoDate(periodStart(at("2025-03-31T23:00:00"), "month"))).toBe("2025-03-01");
  });

  it("months have their own lengths, across year ends", () => {
    expect(periodBounds(at("2024-12-15T00:00:00"), at("2025-02-20T00:00:00"), "month").map(isoDate)).toEqual(["2024-12-01", "2025-01-01", "2025-02-01", "2025-03-01"]);
    expect(isoDate(shiftPeriod(at("2025-01-01T00:00:00"), "month", -11))).toBe("2024-02-01");
    expect(countPeriods(at("2024-12-15T00:00:00"), at("2025-02-20T00:00:00"), "month")).toBe(3);
  });

  it("bounds cover whole periods from the first to the last, and count them", () => {
    const bounds = periodBounds(at("2025-03-05T00:00:00"), at("2025-03-17T00:00:00"), "week");
    expect(bounds.map(isoDate)).toEqual(["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24"]);
    expect(countPeriods(at("2025-03-05T00:00:00"), at("2025-03-17T00:00:00"), "week")).toBe(3);
    expect(periodBounds(at("2025-03-05T00:00:00"), at("2025-03-05T00:00:00"), "week")).toHaveLength(2);
  });
});
