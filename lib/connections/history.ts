import type { ProviderConnection } from "@/lib/db/schema";
import type { ProviderDefinition } from "@/lib/providers/types";

const DAY = 86_400_000;

/** A backfill goes back month by month, newest first: the feed fills from today backwards. */
export const BACKFILL_CHUNK_MS = 30 * DAY;

/**
 * A new connection imports its history first (as far back as PIERRE_SYNC_BACKFILL_DAYS and the
 * provider allow), then joins the schedule at a random point of its interval, so that people who
 * connected together do not all sync together.
 */
export function historyImport(definition: Pick<ProviderDefinition, "historyDays">, settings: { backfillDays: number; intervalMinutes: number }, now = Date.now(), random = Math.random) {
  const days = Math.min(settings.backfillDays, definition.historyDays ?? Infinity);
  return {
    backfillFrom: new Date(now - days * DAY),
    backfillReached: null,
    backfillDoneAt: null,
    connectedAt: new Date(now),
    nextSyncAt: new Date(now + Math.round(random() * settings.intervalMinutes * 60_000)),
  };
}

/** Where a connection's history import stands, from what it has stored (null once done). */
export function backfillProgress(connection: Pick<ProviderConnection, "backfillFrom" | "backfillReached" | "backfillDoneAt" | "connectedAt">): { done: number; total: number; unit: string } | null {
  if (!connection.backfillFrom || connection.backfillDoneAt) return null;
  const start = connection.connectedAt.getTime();
  const total = Math.max(1, Math.ceil((start - connection.backfillFrom.getTime()) / BACKFILL_CHUNK_MS));
  const done = connection.backfillReached ? Math.min(total, Math.ceil((start - connection.backfillReached.getTime()) / BACKFILL_CHUNK_MS)) : 0;
  return { done, total, unit: "months" };
}

