import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { trainingLoad, trainingLoadModel } from "./training-load";
import { trainingSummary } from "./summary";

const DAY = 86_400_000;
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterAll(async () => app.close());

/** Writes workouts straight into the feed's read model (what regrouping would leave there). */
async function insertWorkouts(userId: string, rows: { start: number; offset?: number; minutes: number; hr: number | null; sport?: string; meters?: number; climb?: number }[]) {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    await app.sql(
      `INSERT INTO workouts (id, user_id, name, sport, start_time, utc_offset_minutes, elapsed_seconds, moving_seconds, distance_meters, elevation_gain_meters, average_heart_rate, primary_provider, primary_provider_activity_id, sources, updated_at) VALUES ${chunk
        .map(() => "(?, ?, 'W', ?, ?, ?, ?, ?, ?, ?, ?, 'synthetic', ?, '[]', 0)")
        .join(", ")}`,
      chunk.flatMap((r, j) => [`w-${userId}-${i + j}`, userId, r.sport ?? "run", r.start, r.offset ?? 0, r.minutes * 60, r.minutes * 60, r.meters ?? null, r.climb ?? null, r.hr, `p${i + j}`]),
    );
  }
}

/** The model in plain JavaScript, day by day, to hold the SQL to. */
function reference(loads: Map<number, number>, firstDay: number, lastDay: number) {
  const m = trainingLoadModel;
  let fitness = 0;
  let fatigue = 0;
  const out = new Map<number, { fitness: number; fatigue: number }>();
  for (let day = firstDay; day <= lastDay; day++) {
    const load = loads.get(day) ?? 0;
    fitness += (load - fitness) / m.fitnessDays;
    fatigue += (load - fatigue) / m.fatigueDays;
    out.set(day, { fitness, fatigue });
  }
  return out;
}

function trimp(minutes: number, hr: number): number {
  const m = trainingLoadModel;
  const reserve = Math.min(Math.max((hr - m.restingHeartRate) / (m.maxHeartRate - m.restingHeartRate), 0), 1);
  return minutes * reserve * m.factor * Math.exp(m.exponent * reserve);
}

describe("training load (heart-rate TRIMP, CTL/ATL/TSB) in SQL", () => {
  it("matches the model computed day by day, on each workout's local day", async () => {
    const userId = await app.createUser();
    const now = Date.parse("2026-06-30T12:00:00Z");
    const today = Math.floor(now / DAY);
    const rows: { start: number; offset: number; minutes: number; hr: number | null }[] = [];
    for (let d = 400; d >= 0; d -= 1 + (d % 3)) rows.push({ start: (today - d) * DAY + 7 * 3600_000, offset: 60, minutes: 30 + (d % 50), hr: 120 + (d % 40) });
    // Late in the evening UTC but after midnight locally: counts on the next local day.
    rows.push({ start: (today - 2) * DAY + 23.5 * 3600_000, offset: 60, minutes: 40, hr: 150 });
    // No heart rate: no load.
    rows.push({ start: (today - 1) * DAY + 9 * 3600_000, offset: 60, minutes: 90, hr: null });
    await insertWorkouts(userId, rows);

    const points = await trainingLoad(userId, { days: 60, now: new Date(now) });
    expect(points).toHaveLength(60);
    expect(points.at(-1)!.date).toBe("2026-06-30");

    const loads = new Map<number, number>();
    for (const r of rows) if (r.hr !== null) {
      const day = Math.floor((r.start + r.offset * 60_000) / DAY);
      loads.set(day, (loads.get(day) ?? 0) + trimp(r.minutes, r.hr));
    }
    const firstShown = today - 59;
    const expected = reference(loads, firstShown - 1 - 3 * trainingLoadModel.fitnessDays, today);
    for (const point of points) {
      const day = Math.floor(Date.parse(`${point.date}T00:00:00Z`) / DAY);
      expect(point.load).toBeCloseTo(loads.get(day) ?? 0, 0);
      expect(point.fitness).toBeCloseTo(expected.get(day)!.fitness, 0);
      expect(point.fatigue).toBeCloseTo(expected.get(day)!.fatigue, 0);
      expect(point.form).toBeCloseTo(expected.get(day - 1)!.fitness - expected.get(day - 1)!.fatigue, 0);
    }
    expect(points.at(-1)!.fitness).toBeGreaterThan(10);
  });

  it("is fast at 100,000 workouts, and so are the week and month totals", async () => {
    const userId = await app.createUser();
    const now = Date.parse("2026-06-30T12:00:00Z");
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      start: now - (i * 10 * 365 * DAY) / 100_000,
      minutes: 20 + (i % 70),
      hr: 110 + (i % 60),
      sport: ["run", "ride", "swim", "walk"][i % 4]!,
      meters: 5000 + (i % 7000),
      climb: i % 120,
    }));
    await insertWorkouts(userId, rows);
    await app.sql("ANALYZE");

    const started = performance.now();
    const points = await trainingLoad(userId, { days: 365, now: new Date(now) });
    const loadMs = performance.now() - started;
    expect(points).toHaveLength(365);
    const totalsStarted = performance.now();
    const weeks = await trainingSummary(userId, { groupBy: "week", weekStart: 0 }, new Date(now));
    const months = await trainingSummary(userId, { groupBy: "month", from: "2024-07-01", to: "2026-06-30" }, new Date(now));
    const totalsMs = performance.now() - totalsStarted;
    expect(weeks.periods).toHaveLength(12);
    // Sunday first.
    expect(new Date(`${weeks.periods[0]!.start}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(months.periods).toHaveLength(24);
    expect(months.totals.count).toBeGreaterThan(19_000);
    // Generous bounds for a shared CI machine; locally each takes a few tens of milliseconds.
    expect(loadMs).toBeLessThan(1500);
    expect(totalsMs).toBeLessThan(1500);
  });
});
