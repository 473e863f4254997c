import "server-only";
import { getConfig } from "@/lib/config";
import { getStore } from "@/lib/db";
import { createPgBossQueue } from "@/lib/jobs/pg-boss-queue";
import type { JobQueue } from "@/lib/jobs/queue";
import { createSqliteQueue } from "@/lib/jobs/sqlite-queue";

const globalForQueue = globalThis as unknown as { pierreJobQueue?: { key: string; queue: JobQueue & { stop?(): Promise<void> } }; pierreWake?: () => void };

/** The process's job queue: the table in the SQLite file, or pg-boss on PostgreSQL. */
export function getJobQueue(): JobQueue {
  const { database } = getConfig();
  const key = database.engine === "postgres" ? database.url : "sqlite";
  const existing = globalForQueue.pierreJobQueue;
  if (existing?.key === key) return existing.queue;
  void existing?.queue.stop?.();
  const queue = database.engine === "postgres" ? createPgBossQueue(database.url, { before: () => getStore().ping() }) : createSqliteQueue();
  globalForQueue.pierreJobQueue = { key, queue };
  return queue;
}

/** Stops this process's queue client (tests, between databases). */
export async function closeJobQueue(): Promise<void> {
  const existing = globalForQueue.pierreJobQueue;
  globalForQueue.pierreJobQueue = undefined;
  await existing?.queue.stop?.();
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
