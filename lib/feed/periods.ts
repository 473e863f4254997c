/**
 * Calendar periods on the local wall clock, for training totals: weeks start on the person's first
 * day of the week (Monday unless they chose otherwise), months on the 1st. Times here are epoch milliseconds of a local date and time written as if it were UTC,
 * the form the totals queries compare each workout's start plus its offset against.
 */
export type GroupBy = "week" | "month";

const DAY_MS = 86_400_000;

/** `weekStart`: 0 Sunday … 6 Saturday. */
export function periodStart(localMs: number, groupBy: GroupBy, weekStart = 1): number {
  const date = new Date(localMs);
  if (groupBy === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return day - ((date.getUTCDay() - weekStart + 7) % 7) * DAY_MS;
}

export function shiftPeriod(start: number, groupBy: GroupBy, by: number): number {
  if (groupBy === "week") return start + by * 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + by, 1);
}

/**
 * The boundaries of every whole period from the one containing `fromMs` to the one containing
 * `lastMs`: n+1 values for n periods.
 */
export function periodBounds(fromMs: number, lastMs: number, groupBy: GroupBy, weekStart = 1): number[] {
  const bounds = [periodStart(fromMs, groupBy, weekStart)];
  const end = periodStart(lastMs, groupBy, weekStart);
  while (bounds.at(-1)! <= end) bounds.push(shiftPeriod(bounds.at(-1)!, groupBy, 1));
  return bounds;
}

/** How many periods `periodBounds` would give, without building them. */
export function countPeriods(fromMs: number, lastMs: number, groupBy: GroupBy, weekStart = 1): number {
  const first = new Date(periodStart(fromMs, groupBy, weekStart));
  const last = new Date(periodStart(lastMs, groupBy, weekStart));
  if (groupBy === "week") return Math.round((last.getTime() - first.getTime()) / (7 * DAY_MS)) + 1;
  return (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + (last.getUTCMonth() - first.getUTCMonth()) + 1;
}

export function isoDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}
