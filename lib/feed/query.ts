import "server-only";
import { TZDate } from "@date-fns/tz";
import { startOfISOWeek, subWeeks } from "date-fns";
import { listFeedPrimaries, listGroupMembers, listPrimariesSince } from "@/lib/db/queries";
import type { ActivityRow } from "@/lib/db/schema";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { priorityRank } from "./dedup";
import { encodeCursor, type FeedQuery } from "./params";

export interface FeedItem {
  id: string;
  name: string;
  sport: string;
  sportType: string | null;
  startTime: string;
  utcOffsetMinutes: number | null;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
  calories: number | null;
  device: string | null;
  provider: string;
  providerActivityId: string;
  url: string | null;
  alsoOn: { provider: string; id: string; url: string | null }[];
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

const fillable = [
  "utcOffsetMinutes",
  "elapsedSeconds",
  "movingSeconds",
  "distanceMeters",
  "elevationGainMeters",
  "averageHeartRate",
  "maxHeartRate",
  "calories",
  "device",
] as const;

/** The merged, de-duplicated feed: one item per workout, gaps filled from the other sources. */
export function queryFeed(registry: ProviderRegistry, userId: string, query: FeedQuery, sourcePriority: readonly string[]): FeedPage {
  const rows = listFeedPrimaries({ userId, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const members = listGroupMembers(
    userId,
    page.map((row) => row.groupId ?? row.id),
  );
  const membersByGroup = new Map<string, ActivityRow[]>();
  for (const member of members) {
    const list = membersByGroup.get(member.groupId!) ?? [];
    list.push(member);
    membersByGroup.set(member.groupId!, list);
  }
  const urlOf = (provider: string, id: string) => registry.getDefinition(provider)?.activityUrl?.(id) ?? null;

  const items = page.map((primary): FeedItem => {
    const others = (membersByGroup.get(primary.groupId ?? primary.id) ?? []).sort(
      (a, b) => priorityRank(sourcePriority, a.provider) - priorityRank(sourcePriority, b.provider),
    );
    const merged = { ...primary };
    for (const field of fillable) {
      if (merged[field] !== null) continue;
      const source = others.find((other) => other[field] !== null);
      if (source) (merged as Record<string, unknown>)[field] = source[field];
    }
    return {
      id: primary.id,
      name: primary.name,
      sport: primary.sport,
      sportType: primary.sportType,
      startTime: primary.startTime.toISOString(),
      utcOffsetMinutes: merged.utcOffsetMinutes,
      elapsedSeconds: merged.elapsedSeconds,
      movingSeconds: merged.movingSeconds,
      distanceMeters: merged.distanceMeters,
      elevationGainMeters: merged.elevationGainMeters,
      averageHeartRate: merged.averageHeartRate,
      maxHeartRate: merged.maxHeartRate,
      calories: merged.calories,
      device: merged.device,
      provider: primary.provider,
      providerActivityId: primary.providerActivityId,
      url: urlOf(primary.provider, primary.providerActivityId),
      alsoOn: others.map((other) => ({ provider: other.provider, id: other.providerActivityId, url: urlOf(other.provider, other.providerActivityId) })),
    };
  });

  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.startTime.getTime(), last.id) : null };
}

export interface WeeklyTraining {
  weeks: { weekStart: string; secondsBySport: Record<string, number> }[];
}

/** Training time per ISO week (in each workout's own local time) and sport, oldest week first. */
export function weeklyTrainingTime(userId: string, weeks = 12, now = new Date()): WeeklyTraining {
  // Weeks are computed in UTC so the server's own time zone never shifts a bucket.
  const weekOf = (date: Date) => startOfISOWeek(new TZDate(date.getTime(), "UTC"));
  const firstWeek = subWeeks(weekOf(now), weeks - 1);
  const buckets = new Map<string, Record<string, number>>();
  for (let i = 0; i < weeks; i++) {
    const week = new Date(firstWeek.getTime() + i * 7 * 86_400_000);
    buckets.set(week.toISOString().slice(0, 10), {});
  }
  // Read a day early: a workout's local date can be the day before its UTC date.
  for (const row of listPrimariesSince(userId, new Date(firstWeek.getTime() - 86_400_000))) {
    // Shifting by the offset makes the UTC calendar date equal the workout's local date.
    const local = new Date(row.startTime.getTime() + (row.utcOffsetMinutes ?? 0) * 60_000);
    const key = weekOf(local).toISOString().slice(0, 10);
    const bucket = buckets.get(key);
    const seconds = row.movingSeconds ?? row.elapsedSeconds;
    if (!bucket || !seconds) continue;
    bucket[row.sport] = (bucket[row.sport] ?? 0) + seconds;
  }
  return { weeks: [...buckets].map(([weekStart, secondsBySport]) => ({ weekStart, secondsBySport })) };
}
