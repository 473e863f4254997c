import "server-only";
import { sumWorkoutsByPeriod } from "@/lib/db/queries";
import { AppError, excerpt } from "@/lib/errors";
import { parseBound } from "./params";
import { countPeriods, isoDate, periodBounds, periodStart, shiftPeriod, type GroupBy } from "./periods";

export interface Totals {
  count: number;
  seconds: number;
  distanceMeters: number;
  elevationGainMeters: number;
}

export interface TrainingPeriod {
  /** First local day of the period (YYYY-MM-DD). */
  start: string;
  /** First local day after it. */
  end: string;
  totals: Totals;
  bySport: Record<string, Totals>;
}

export interface TrainingSummary {
  groupBy: GroupBy;
  sport: string | null;
  from: string;
  to: string;
  periods: TrainingPeriod[];
  totals: Totals;
}

/** Enough for two years of weeks; a longer history is asked for in parts (or by month). */
export const MAX_PERIODS = 104;
const DEFAULT_PERIODS = 12;

const zero = (): Totals => ({ count: 0, seconds: 0, distanceMeters: 0, elevationGainMeters: 0 });

function add(into: Totals, row: { count: number; seconds: number; distance: number; elevation: number }): void {
  into.count += row.count;
  into.seconds += row.seconds;
  into.distanceMeters += row.distance;
  into.elevationGainMeters += row.elevation;
}

function rounded(totals: Totals): Totals {
  return { count: totals.count, seconds: Math.round(totals.seconds), distanceMeters: Math.round(totals.distanceMeters), elevationGainMeters: Math.round(totals.elevationGainMeters) };
}

/**
 * Totals per whole week (Monday first) or calendar month, and per sport, in each workout's own
 * local time: from the period containing `from` through the one containing `to` (by default the
 * twelve periods up to now). Errors name `from` and `to` as the caller wrote them.
 */
export async function trainingSummary(
  userId: string,
  input: { from?: string; to?: string; groupBy: GroupBy; sport?: string; weekStart?: number },
  now = new Date(),
): Promise<TrainingSummary> {
  const weekStart = input.weekStart ?? 1;
  const bound = (name: "from" | "to") => {
    const value = input[name]?.trim();
    if (!value) return undefined;
    const date = parseBound(value, name === "to");
    if (!date) throw new AppError("bad_request", `Invalid ${name}: must be a date (2025-03-01) or an ISO 8601 date-time with a zone (2025-03-01T07:30:00Z).`);
    return date;
  };
  const from = bound("from");
  const to = bound("to");
  if (from && to && from >= to) {
    throw new AppError("bad_request", `Invalid from and to: from (${excerpt(input.from!)}) must be before to (${excerpt(input.to!)}).`);
  }
  // `to` is exclusive (a date means the end of that day): its period is the one holding its last moment.
  const lastMs = (to ?? now).getTime() - (to ? 1 : 0);
  const fromMs = from?.getTime() ?? shiftPeriod(periodStart(lastMs, input.groupBy, weekStart), input.groupBy, -(DEFAULT_PERIODS - 1));
  const count = countPeriods(fromMs, lastMs, input.groupBy, weekStart);
  if (count > MAX_PERIODS) {
    throw new AppError("bad_request", `Invalid from: that range holds ${count} ${input.groupBy}s; ask for at most ${MAX_PERIODS} at a time (or group by month).`);
  }

  const bounds = periodBounds(fromMs, lastMs, input.groupBy, weekStart);
  const periods = bounds.slice(0, -1).map((start, i) => ({ start, end: bounds[i + 1]!, totals: zero(), bySport: {} as Record<string, Totals> }));
  const totals = zero();
  for (const row of await sumWorkoutsByPeriod(userId, bounds, { sport: input.sport })) {
    const period = periods[row.period];
    if (!period) continue;
    add(period.totals, row);
    add((period.bySport[row.sport] ??= zero()), row);
    add(totals, row);
  }
  return {
    groupBy: input.groupBy,
    sport: input.sport ?? null,
    from: isoDate(bounds[0]!),
    to: isoDate(bounds.at(-1)!),
    periods: periods.map((period) => ({
      start: isoDate(period.start),
      end: isoDate(period.end),
      totals: rounded(period.totals),
      bySport: Object.fromEntries(Object.entries(period.bySport).map(([sport, value]) => [sport, rounded(value)])),
    })),
    totals: rounded(totals),
  };
}
