import "server-only";
import { AppError, describeError } from "@/lib/errors";
import { isAbandoned, newOwner } from "./leases";
import type { Job, JobProgress, JobQueue } from "./queue";

export interface JobContext {
  job: Job;
  /** Reports how far the job has come (shown on the card). */
  progress(progress: JobProgress): Promise<void>;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

/** Thrown by a handler that cannot run yet (a rate limit, a busy lease): re-queued without spending an attempt. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

export interface WorkerOptions {
  /** Jobs run at once in this process; they mostly wait on providers. */
  concurrency?: number;
  /** How often an idle worker looks for due jobs (a local enqueue wakes it sooner). */
  pollMs?: number;
  /** How long a claimed job stays this worker's without a heartbeat. */
  leaseMs?: number;
  log?: (line: string) => void;
}

const RECLAIM_EVERY_MS = 10_000;

/** Exponential backoff with jitter: 30 s, 1 min, 2 min, … capped at an hour. */
export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Runs jobs from the queue: claims due ones, keeps their leases alive, and records the outcome. A
 * job whose process dies is claimed again once its lease runs out; handlers are written so that
 * running one twice stores nothing twice.
 */
export class Worker {
  private readonly owner = newOwner();
  private running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private looking = false;
  private lastReclaim = 0;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    options: WorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.log = options.log ?? ((line) => console.log(line));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now (after an enqueue in this process). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops claiming and waits for the jobs under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
  }

  get busy(): number {
    return this.running.size;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fill(), ms);
    this.timer.unref();
  }

  private async fill(): Promise<void> {
    if (this.stopped || this.looking) return;
    this.looking = true;
    try {
      // Jobs of a process on this machine that died mid-job are taken over now, not when their lease runs out.
      if (Date.now() - this.lastReclaim > RECLAIM_EVERY_MS) {
        this.lastReclaim = Date.now();
        const reclaimed = await this.queue.reclaim(isAbandoned);
        if (reclaimed > 0) this.log(`[pierre] took over ${reclaimed} job${reclaimed === 1 ? "" : "s"} of a process that stopped`);
      }
      while (!this.stopped && this.running.size < this.concurrency) {
        const job = await this.queue.claim(this.owner, Object.keys(this.handlers), this.leaseMs);
        if (!job) break;
        const run = this.run(job).finally(() => {
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
    } catch (error) {
      this.log(`[pierre] the job queue could not be read: ${describeError(error)}`);
    } finally {
      this.looking = false;
      if (!this.stopped) this.schedule(this.pollMs);
    }
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers[job.kind]!;
    if (job.attempts > job.maxAttempts) {
      // Its earlier attempts died with their process: stop rather than try for ever.
      await this.queue.fail(job.id, this.owner, job.lastError ?? `stopped after ${job.maxAttempts} attempts`, null);
      return;
    }
    const heartbeat = setInterval(() => {
      this.queue.heartbeat(job.id, this.owner, this.leaseMs).catch(() => undefined);
    }, Math.max(1000, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      await handler(job.payload, { job, progress: (progress) => this.queue.progress(job.id, this.owner, progress) });
      await this.queue.complete(job.id, this.owner);
    } catch (error) {
      if (error instanceof RetryLater) {
        await this.queue.fail(job.id, this.owner, error.message, error.retryAt, { counts: false });
      } else if (error instanceof AppError && error.code === "rate_limited" && error.retryAt) {
        await this.queue.fail(job.id, this.owner, error.message, error.retryAt, { counts: false });
      } else {
        const message = error instanceof AppError ? error.message : describeError(error);
        const last = job.attempts >= job.maxAttempts;
        if (last || !(error instanceof AppError)) this.log(`[pierre] job ${job.kind} ${job.key ?? job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}): ${message}`);
        await this.queue.fail(job.id, this.owner, message, last ? null : new Date(Date.now() + backoff(job.attempts)));
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
