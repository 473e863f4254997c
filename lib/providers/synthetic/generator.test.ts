import { describe, expect, it } from "vitest";
import { generateWorkouts } from "./generator";

const now = Date.parse("2026-06-15T12:00:00Z");
const year = { after: new Date(now - 365 * 86_400_000), before: new Date(now) };

describe("synthetic generator", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = generateWorkouts("seed-a", year, now);
    expect(generateWorkouts("seed-a", year, now)).toEqual(a);
    const b = generateWorkouts("seed-b", year, now);
    expect(b.map((x) => x.startTime.getTime())).not.toEqual(a.map((x) => x.startTime.getTime()));
  });

  it("gives the same day the same workouts whatever window asks", () => {
    const month = { after: new Date(now - 30 * 86_400_000), before: new Date(now - 10 * 86_400_000) };
    const fromYear = generateWorkouts("seed-a", year, now).filter((w) => w.startTime >= month.after && w.startTime < month.before);
    expect(generateWorkouts("seed-a", month, now)).toEqual(fromYear);
  });

  it("makes a realistic year: a sensible count, every sport, plausible figures", () => {
    const workouts = generateWorkouts("seed-a", year, now);
    expect(workouts.length).toBeGreaterThan(150);
    expect(workouts.length).toBeLessThan(450);
    expect(new Set(workouts.map((w) => w.sport))).toEqual(new Set(["run", "ride", "walk", "strength", "swim", "yoga", "hike"]));
    for (const run of workouts.filter((w) => w.sport === "run")) {
      const paceMinPerKm = run.movingSeconds! / 60 / (run.distanceMeters! / 1000);
      expect(paceMinPerKm).toBeGreaterThan(3);
      expect(paceMinPerKm).toBeLessThan(8);
    }
    for (const w of workouts) {
      expect(w.maxHeartRate!).toBeGreaterThan(w.averageHeartRate!);
      expect(w.elapsedSeconds!).toBeGreaterThanOrEqual(w.movingSeconds!);
      expect(new Set(workouts.map((x) => x.providerActivityId)).size).toBe(workouts.length);
    }
  });

  it("never invents the future nor more than a year back", () => {
    const wide = { after: new Date(now - 800 * 86_400_000), before: new Date(now + 30 * 86_400_000) };
    const workouts = generateWorkouts("seed-a", wide, now);
    expect(Math.max(...workouts.map((w) => w.startTime.getTime()))).toBeLessThan(now);
    expect(Math.min(...workouts.map((w) => w.startTime.getTime()))).toBeGreaterThanOrEqual(now - 365 * 86_400_000);
  });
});
