import { describe, expect, it } from "vitest";
import { formatDistance, formatDuration, formatLocalDateTime, formatPaceOrSpeed } from "./format";

describe("formatting", () => {
  it("shows date and time in the activity's own local time", () => {
    expect(formatLocalDateTime("2018-05-02T12:15:09Z", -420)).toBe("Wed 2 May 2018, 05:15");
    expect(formatLocalDateTime("2018-05-02T22:15:09Z", 330)).toBe("Thu 3 May 2018, 03:45");
    expect(formatLocalDateTime("2018-05-02T12:15:09Z", null)).toBe("Wed 2 May 2018, 12:15 UTC");
  });

  it("formats durations and distances", () => {
    expect(formatDuration(4410)).toBe("1:13:30");
    expect(formatDuration(491)).toBe("8:11");
    expect(formatDuration(null)).toBeNull();
    expect(formatDistance(24931.4)).toBe("24.93 km");
    expect(formatDistance(850)).toBe("850 m");
    expect(formatDistance(0)).toBeNull();
  });

  it("uses pace on foot and in water, speed on wheels", () => {
    expect(formatPaceOrSpeed("run", 10_000, 3000)).toBe("5:00 /km");
    expect(formatPaceOrSpeed("swim", 1500, 1800)).toBe("2:00 /100 m");
    expect(formatPaceOrSpeed("ride", 24931.4, 4500)).toBe("19.9 km/h");
    expect(formatPaceOrSpeed("run", null, 3000)).toBeNull();
  });
});
