import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { sports } from "@/lib/activity/sports";

export interface FeedQuery {
  limit: number;
  cursor?: { startMs: number; id: string };
  provider?: string;
  sport?: string;
  from?: Date;
  to?: Date;
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

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A date (whole day, UTC) or a date-time; `end` makes a bare date mean the end of that day. */
function parseBound(value: string, end: boolean): Date | undefined {
  const date = new Date(dateOnly.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  return end && dateOnly.test(value) ? new Date(date.getTime() + 86_400_000) : date;
}

const bad = (parameter: string, problem: string) => new AppError("bad_request", `Invalid ${parameter}: ${problem}`);

/** Query parameters → a feed query; anything wrong answers 400 naming the parameter. */
export function parseFeedQuery(params: URLSearchParams | Record<string, string | undefined>, registry: ProviderRegistry): FeedQuery {
  const get = (name: string) => (params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name])?.trim() || undefined;
  const query: FeedQuery = { limit: 20 };

  const limit = get("limit");
  if (limit !== undefined) {
    const parsed = z.coerce.number().int().min(1).max(100).safeParse(limit);
    if (!parsed.success) throw bad("limit", "must be a whole number from 1 to 100.");
    query.limit = parsed.data;
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
  for (const [name, end] of [["from", false], ["to", true]] as const) {
    const value = get(name);
    if (value === undefined) continue;
    const date = parseBound(value, end);
    if (!date) throw bad(name, "must be a date (2025-03-01) or an ISO 8601 date-time.");
    query[name] = date;
  }
  if (query.from && query.to && query.from >= query.to) throw bad("from", "must be before to.");
  return query;
}
