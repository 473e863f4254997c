import "server-only";
import { RetryLater, Worker, type JobHandler } from "@/lib/jobs/worker";
import { AppError } from "@/lib/errors";
import { getRegistry } from "@/lib/providers";
import { syncConnection } from "@/lib/sync/engine";
import { getSyncSettings } from "@/lib/sync/settings";
import { processWebhook } from "@/lib/webhooks/process";
import type { WebhookJob } from "@/lib/webhooks/receive";
import { getJobQueue, setLocalWake, type SyncJob } from "./queue";
import { startScheduler } from "./scheduler";

/** A sync that found its connection busy looks again after this long. */
const BUSY_RETRY_MS = 30_000;

export const jobHandlers: Record<string, JobHandler> = {
  async sync(payload, { progress }) {
    const job = payload as SyncJob;
    const window = job.window ? { after: new Date(job.window.after), before: new Date(job.window.before) } : undefined;
    const result = await syncConnection(getRegistry(), job.connectionId, getSyncSettings(), { window, onProgress: progress });
    if (!result) throw new RetryLater("another sync of this connection is running", new Date(Date.now() + BUSY_RETRY_MS));
    // The card already shows the error; the job retries what a retry can fix.
    if (result.error && result.retryAt) throw new RetryLater(result.error, new Date(result.retryAt));
    if (result.error && !result.needsReconnect) throw new AppError("provider_unavailable", result.error);
  },
  async webhook(payload) {
    await processWebhook(getRegistry(), payload as WebhookJob);
  },
};

export interface BackgroundWork {
  /** Jobs running now. */
  readonly busy: number;
  stop(): Promise<void>;
}

/**
 * The worker and the schedule in this process: started by the app (instrumentation.ts) unless
 * PIERRE_RUN_WORKER=0, and by `npm run worker` in deployments that run them apart.
 */
export function startBackgroundWork(options: { concurrency?: number; pollMs?: number; schedulerTickMs?: number } = {}): BackgroundWork {
  const worker = new Worker(getJobQueue(), jobHandlers, { concurrency: options.concurrency ?? 4, pollMs: options.pollMs ?? 1000 });
  setLocalWake(() => worker.wake());
  worker.start();
  const unsubscribe = getJobQueue().onEnqueue?.(() => worker.wake());
  const stopScheduler = startScheduler({ tickMs: options.schedulerTickMs });
  return {
    get busy() {
      return worker.busy;
    },
    async stop() {
      unsubscribe?.();
      stopScheduler();
      setLocalWake(undefined);
      await worker.stop();
    },
  };
}
