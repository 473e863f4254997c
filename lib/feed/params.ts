import { AppError, excerpt } from "@/lib/errors";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { sports } from "@/lib/activity/sports";

export interface FeedQuery {
  limit: number;
  cursor?: { startMs: number; id: string };
  provider?: string;
  sport?: string;
  from?: Date;
  to?: Date;
  /** Words the workout's name contains (case-insensitive for ASCII letters). */
  q?: string;
}

/** Opaque to clients: the last item's (start, id), so pages never skip or repeat under inserts. */
export function encodeCursor(startMs: number, id: string): string {
  return Buffer.from(`${startMs}:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { startMs: number; id: string } | undefined {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([\w-]{1,64})$/.exec(decoded);
  return match ? { startMs: Number(match[1]), id: match[2]! } : undefined;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day (no 30 February) and, for a date-time, a real time of day. */
function validParts(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/**
 * An ISO 8601 date (a whole UTC day; `end` makes it mean the end of that day) or a date-time with
 * a zone (`Z` or `±hh:mm`). Anything else — `1`, `March 5`, `2025-02-30` — is not a date here.
 */
export function parseBound(value: string, end: boolean): Date | undefined {
  const date = isoDate.exec(value);
  if (date) {
    if (!validParts(date[1]!, date[2]!, date[3]!)) return undefined;
    const start = Date.parse(`${value}T00:00:00Z`);
    return new Date(end ? start + 86_400_000 : start);
  }
  const time = isoDateTime.exec(value);
  if (!time || !validParts(time[1]!, time[2]!, time[3]!)) return undefined;
  if (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : new Date(instant);
}

type FeedParameter = "limit" | "cursor" | "provider" | "sport" | "from" | "to" | "q";

export const MAX_SEARCH_LENGTH = 100;

/**
 * Query parameters → a feed query; anything wrong answers 400 naming the parameter. `names` are
 * what the caller calls them (the MCP tool says `after` and `before`), so errors use its words.
 */
export function parseFeedQuery(
  params: URLSearchParams | Record<string, string | undefined>,
  registry: ProviderRegistry,
  names: Partial<Record<FeedParameter, string>> = {},
): FeedQuery {
  const get = (name: string) => (params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name])?.trim() || undefined;
  const bad = (parameter: FeedParameter, problem: string) => new AppError("bad_request", `Invalid ${names[parameter] ?? parameter}: ${problem}`);
  const query: FeedQuery = { limit: 20 };

  const limit = get("limit");
  if (limit !== undefined) {
    // Decimal digits only: `1e2`, `0x10` and ` 5` are not limits.
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) throw bad("limit", "must be a whole number from 1 to 100.");
    query.limit = Number(limit);
  }
  const cursor = get("cursor");
  if (cursor !== undefined) {
    query.cursor = decodeCursor(cursor);
    if (!query.cursor) throw bad("cursor", "use the nextCursor value from the previous page.");
  }
  const provider = get("provider");
  if (provider !== undefined) {
    if (!registry.isSupported(provider)) throw bad("provider", registry.unsupportedError(provider).message);
    query.provider = provider;
  }
  const sport = get("sport");
  if (sport !== undefined) {
    if (!(sports as readonly string[]).includes(sport)) throw bad("sport", `must be one of ${sports.join(", ")}.`);
    query.sport = sport;
  }
  const q = get("q");
  if (q !== undefined) {
    if (q.length > MAX_SEARCH_LENGTH) throw bad("q", `must be at most ${MAX_SEARCH_LENGTH} characters.`);
    // Control characters are never part of a workout's name.
    if (/[\u0000-\u001f\u007f]/.test(q)) throw bad("q", "must be plain text.");
    query.q = q.replace(/\s+/g, " ");
  }
  for (const [name, end] of [["from", false], ["to", true]] as const) {
    const value = get(name);
    if (value === undefined) continue;
    const date = parseBound(value, end);
    if (!date) throw bad(name, "must be a date (2025-03-01) or an ISO 8601 date-time with a zone (2025-03-01T07:30:00Z).");
    query[name] = date;
  }
  if (query.from && query.to && query.from >= query.to) {
    const [from, to] = [names.from ?? "from", names.to ?? "to"];
    throw new AppError("bad_request", `Invalid ${from} and ${to}: ${from} (${excerpt(get("from")!)}) must be before ${to} (${excerpt(get("to")!)}).`);
  }
  return query;
}
