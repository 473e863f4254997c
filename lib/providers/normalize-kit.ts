/**
 * Building blocks every provider's normalizer shares: tolerant field schemas, unit conversions
 * and the batch loop that skips (and counts) a malformed entry without losing its neighbours.
 */
import { parse as parseIsoDuration } from "tinyduration";
import { z } from "zod";
import type { ActivityBatch, NormalizedActivity } from "./types";

export class MalformedActivityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedActivityError";
  }
}

/** An id sent as a number or a string (big ids arrive as strings from parseProviderJson). */
export const idField = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** A number that may be missing or null; NaN/Infinity are rejected. */
export const optionalNumber = z.number().finite().nullish().transform((value) => value ?? null);

/** Like optionalNumber, but a negative value means "unknown" (e.g. -1 sentinels). */
export const optionalNonNegative = optionalNumber.transform((value) => (value !== null && value < 0 ? null : value));

export const optionalString = z.string().nullish().transform((value) => (value && value.trim() ? value.trim() : null));

/** ISO-8601 duration ("PT2H44M45.5S") in seconds. */
export function isoDurationToSeconds(value: string): number {
  const d = parseIsoDuration(value);
  const seconds =
    (d.years ?? 0) * 365 * 86400 +
    (d.months ?? 0) * 30 * 86400 +
    (d.weeks ?? 0) * 7 * 86400 +
    (d.days ?? 0) * 86400 +
    (d.hours ?? 0) * 3600 +
    (d.minutes ?? 0) * 60 +
    (d.seconds ?? 0);
  return d.negative ? -seconds : seconds;
}

export const KILOJOULES_PER_KILOCALORIE = 4.184;
export const METERS_PER_MILE = 1609.344;
export const METERS_PER_FOOT = 0.3048;

export function kilojoulesToKilocalories(kilojoules: number): number {
  return kilojoules / KILOJOULES_PER_KILOCALORIE;
}

/** "+05:30" / "-05:00" / "Z" → minutes east of UTC. */
export function offsetToMinutes(offset: string): number {
  if (offset === "Z" || offset === "z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!match) throw new MalformedActivityError(`"${offset}" is not a UTC offset`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The offset written at the end of an ISO-8601 date-time, or null when it has none. */
export function offsetOfIsoDateTime(value: string): number | null {
  const match = /(Z|[+-]\d{2}:?\d{2})$/i.exec(value.trim());
  return match?.[1] ? offsetToMinutes(match[1]) : null;
}

/** An instant from a string; rejects anything Date cannot read. */
export function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new MalformedActivityError(`"${value}" is not a date-time`);
  return date;
}

/** Rounds to a sensible precision so stored values do not carry float noise from conversions. */
export function round(value: number | null, decimals = 2): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function describeProblem(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`)
      .join("; ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** Normalizes every entry; a malformed one is skipped and counted, never fatal. */
export function normalizeBatch(items: readonly unknown[], normalizeOne: (raw: unknown) => NormalizedActivity | null): ActivityBatch {
  const batch: ActivityBatch = { activities: [], skipped: 0, problems: [] };
  items.forEach((item, index) => {
    try {
      const activity = normalizeOne(item);
      if (activity) batch.activities.push(activity);
    } catch (error) {
      batch.skipped += 1;
      if (batch.problems.length < 10) batch.problems.push(`entry ${index}: ${describeProblem(error)}`);
    }
  });
  return batch;
}

export function mergeBatches(batches: readonly ActivityBatch[]): ActivityBatch {
  return {
    activities: batches.flatMap((b) => b.activities),
    skipped: batches.reduce((sum, b) => sum + b.skipped, 0),
    problems: batches.flatMap((b) => b.problems).slice(0, 10),
  };
}
