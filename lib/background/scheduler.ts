import "server-only";
import { claimScheduledSync, listDueConnections } from "@/lib/db/queries/connections";
import { describeError } from "@/lib/errors";
import { pruneEvents } from "@/lib/events";
import { getSyncSettings } from "@/lib/sync/settings";
import { pruneDeliveries } from "@/lib/webhooks/deliveries";
import { getJobQueue, requestSync } from "./queue";

const DUE_PER_TICK = 500;
const MAX_BATCHES_PER_TICK = 40;
const DAY = 86_400_000;

/** Within ±10 % of the interval, so people who connected together drift apart. */
export function nextScheduledSync(now: number, intervalMinutes: number, random = Math.random): Date {
  const interval = intervalMinutes * 60_000;
  return new Date(now + Math.round(interval * (0.9 + random() * 0.2)));
}

/**
 * One pass of the schedule: every connection whose time has come gets a sync job. Any number of
 * processes may run it; each due connection is claimed by one of them.
 */
export async function scheduleDueSyncs(now = new Date()): Promise<number> {
  const { intervalMinutes } = getSyncSettings();
  let queued = 0;
  // Batches keep each read small; a claimed connection is no longer due, so the next batch moves on.
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
    const due = await listDueConnections(now, DUE_PER_TICK);
    for (const { id } of due) {
      if (!(await claimScheduledSync(id, now, nextScheduledSync(now.getTime(), intervalMinutes)))) continue;
      await requestSync({ connectionId: id, reason: "schedule" });
      queued++;
    }
    if (due.length < DUE_PER_TICK) break;
  }
  return queued;
}

/** Old finished jobs, delivered events and webhook receipts go (providers retry deliveries for up to a week). */
export async function pruneOldRecords(now = Date.now()): Promise<void> {
  await getJobQueue().prune(new Date(now - 7 * DAY));
  await pruneEvents(new Date(now - 60 * 60_000));
  await pruneDeliveries(new Date(now - 8 * DAY));
}

/** Runs the schedule every `tickMs` until stopped. */
export function startScheduler(options: { tickMs?: number; log?: (line: string) => void } = {}): () => void {
  const tickMs = options.tickMs ?? 30_000;
  const log = options.log ?? ((line) => console.log(line));
  let lastPrune = 0;
  const tick = async () => {
    try {
      const queued = await scheduleDueSyncs();
      if (queued > 0) log(`[pierre] scheduled ${queued} sync${queued === 1 ? "" : "s"}`);
      if (Date.now() - lastPrune > 60 * 60_000) {
        lastPrune = Date.now();
        await pruneOldRecords();
      }
    } catch (error) {
      log(`[pierre] scheduling failed: ${describeError(error)}`);
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
