import "server-only";
import { activityValuesToJson, type ActivityValuesJson } from "@/lib/activity/fields";
import { listWorkoutPage, sumWorkouts } from "@/lib/db/queries";
import type { WorkoutRow } from "@/lib/db/schema";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { StoredSource } from "./grouping";
import { encodeCursor, type FeedQuery } from "./params";

/** One workout in the merged feed: the shown values (the primary's, gaps filled from the others) and its sources. */
export type FeedItem = ActivityValuesJson & {
  id: string;
  provider: string;
  providerActivityId: string;
  url: string | null;
  /** The same workout recorded by other sources, and why each is taken for the same workout. */
  alsoOn: { provider: string; id: string; url: string | null; reason: string | null }[];
  /** A multisport workout's legs, in order, as their sources recorded them. */
  legs: { provider: string; id: string; sport: string; startTime: string; elapsedSeconds: number | null; distanceMeters: number | null }[];
};

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

/** Every feed request turns 50 rows into items: one pass over each row's sources, no intermediate copies. */
export function toFeedItem(registry: ProviderRegistry, row: WorkoutRow): FeedItem {
  const sources = JSON.parse(row.sources) as StoredSource[];
  const alsoOn: FeedItem["alsoOn"] = [];
  const legs: FeedItem["legs"] = [];
  sources.forEach((source, i) => {
    // Rows written before roles existed name the primary first and copies after it.
    const role = source.role ?? (i === 0 ? "primary" : "copy");
    if (role === "copy" || role === "part") {
      alsoOn.push({ provider: source.provider, id: source.providerActivityId, url: registry.activityUrl(source.provider, source.providerActivityId), reason: source.reason ?? null });
    }
    if (source.leg) legs.push({ provider: source.provider, id: source.providerActivityId, ...source.leg });
  });
  legs.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return {
    id: row.id,
    ...activityValuesToJson(row),
    provider: row.primaryProvider,
    providerActivityId: row.primaryProviderActivityId,
    url: registry.activityUrl(row.primaryProvider, row.primaryProviderActivityId),
    alsoOn,
    legs,
  };
}

/** The merged, de-duplicated feed: one item per workout, newest first. */
export async function queryFeed(registry: ProviderRegistry, userId: string, query: FeedQuery): Promise<FeedPage> {
  const rows = await listWorkoutPage({ userId, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toFeedItem(registry, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.startTime.getTime(), last.id) : null,
  };
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Monday 1970-01-05 00:00 UTC: weeks are counted from a Monday so bucket boundaries fall on Mondays. */
const MONDAY_ORIGIN_MS = 4 * DAY_MS;

export interface WeeklyTraining {
  weeks: { weekStart: string; secondsBySport: Record<string, number> }[];
}

/** Training time per week (Monday first, in each workout's own local time) and sport, oldest week first. */
export async function weeklyTrainingTime(userId: string, weeks = 12, now = new Date()): Promise<WeeklyTraining> {
  const currentWeek = Math.floor((now.getTime() - MONDAY_ORIGIN_MS) / WEEK_MS);
  const firstWeek = currentWeek - (weeks - 1);
  // A day early: a workout's local date can be the day before its UTC date.
  const since = new Date(MONDAY_ORIGIN_MS + firstWeek * WEEK_MS - DAY_MS);
  const buckets = new Map<number, Record<string, number>>();
  for (let week = firstWeek; week <= currentWeek; week++) buckets.set(week, {});
  for (const row of await sumWorkouts(userId, since, WEEK_MS, MONDAY_ORIGIN_MS)) {
    const bucket = buckets.get(row.bucket);
    if (!bucket || row.seconds <= 0) continue;
    bucket[row.sport] = (bucket[row.sport] ?? 0) + row.seconds;
  }
  return {
    weeks: [...buckets].map(([week, secondsBySport]) => ({
      weekStart: new Date(MONDAY_ORIGIN_MS + week * WEEK_MS).toISOString().slice(0, 10),
      secondsBySport,
    })),
  };
}
