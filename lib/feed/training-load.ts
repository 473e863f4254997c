import "server-only";
import { trainingLoadByDay, trainingLoadModel } from "@/lib/db/queries/workouts";

const DAY_MS = 86_400_000;

export interface TrainingLoadPoint {
  /** Local calendar day (YYYY-MM-DD). */
  date: string;
  /** That day's heart-rate TRIMP. */
  load: number;
  /** CTL: the 42-day exponentially weighted average of daily load. */
  fitness: number;
  /** ATL: the 7-day average. */
  fatigue: number;
  /** TSB: yesterday's fitness minus yesterday's fatigue (how rested one starts the day). */
  form: number;
}

export { trainingLoadModel };

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Fitness, fatigue and form per day for the `days` up to `until` (a local day, YYYY-MM-DD; today by
 * default). The averages start from zero well before the first day shown (three fitness time
 * constants), so the first values are already settled.
 */
export async function trainingLoad(userId: string, options: { days?: number; until?: string; now?: Date } = {}): Promise<TrainingLoadPoint[]> {
  const days = Math.min(Math.max(options.days ?? 180, 1), 3 * 366);
  const lastDay = options.until ? Math.floor(Date.parse(`${options.until}T00:00:00Z`) / DAY_MS) : Math.floor((options.now ?? new Date()).getTime() / DAY_MS);
  const firstDay = lastDay - days + 1;
  const rows = await trainingLoadByDay(userId, { warmUpDay: firstDay - 1 - 3 * trainingLoadModel.fitnessDays, firstDay: firstDay - 1, lastDay });
  const points: TrainingLoadPoint[] = [];
  for (let i = 1; i < rows.length; i++) {
    const today = rows[i]!;
    const yesterday = rows[i - 1]!;
    points.push({
      date: new Date(today.day * DAY_MS).toISOString().slice(0, 10),
      load: round1(today.load),
      fitness: round1(today.fitness),
      fatigue: round1(today.fatigue),
      form: round1(yesterday.fitness - yesterday.fatigue),
    });
  }
  return points;
}
