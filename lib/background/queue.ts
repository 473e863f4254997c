import "server-only";
import type { JobQueue } from "@/lib/jobs/queue";
import { createSqliteQueue } from "@/lib/jobs/sqlite-queue";

const globalForQueue = globalThis as unknown as { pierreJobQueue?: JobQueue; pierreWake?: () => void };

/** The process's job queue (the embedded SQLite one). */
export function getJobQueue(): JobQueue {
  globalForQueue.pierreJobQueue ??= createSqliteQueue();
  return globalForQueue.pierreJobQueue;
}

/** A worker in this process looks for work at once after a local enqueue. */
export function setLocalWake(wake: (() => void) | undefined): void {
  globalForQueue.pierreWake = wake;
}

export function wakeLocalWorker(): void {
  globalForQueue.pierreWake?.();
}

export interface SyncJob {
  connectionId: string;
  /** Why: shown in logs and the admin view. */
  reason: "connected" | "schedule" | "webhook" | "retry";
  /** A window a webhook announced (ISO instants); otherwise the backfill or the usual window. */
  window?: { after: string; before: string };
}

/** Queues a sync of one connection; a sync already queued for it is reused (and moved earlier). */
export async function requestSync(job: SyncJob, runAt?: Date): Promise<void> {
  // A window is its own work: it must not be swallowed by a plain sync queued for later.
  const key = job.window ? `sync:${job.connectionId}:${job.window.after}:${job.window.before}` : `sync:${job.connectionId}`;
  await getJobQueue().enqueue("sync", job, { key, runAt, maxAttempts: 5 });
  wakeLocalWorker();
}
