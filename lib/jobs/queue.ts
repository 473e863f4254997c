/**
 * The one job queue interface. The embedded default keeps jobs in the app's SQLite database
 * (sqlite-queue.ts); a PostgreSQL deployment puts another engine behind the same methods.
 */

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobProgress {
  done: number;
  total: number;
  /** What is counted ("months"). */
  unit: string;
}

export interface Job<P = unknown> {
  id: string;
  kind: string;
  /** The work this is ("sync:<connection>"): one job per key is queued at a time (and one more may run). */
  key: string | null;
  payload: P;
  status: JobStatus;
  runAt: Date;
  /** Attempts started so far, this one included. */
  attempts: number;
  maxAttempts: number;
  progress: JobProgress | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  key?: string;
  /** Not before this time (default: now). A pending job of the same key moves earlier, never later. */
  runAt?: Date;
  maxAttempts?: number;
}

export interface JobQueue {
  /**
   * Adds a job, or finds the queued one with the same key (`created: false`). A job of the key that
   * is running does not count: what was asked for while it runs is queued after it.
   */
  enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<{ id: string; created: boolean }>;
  /**
   * Takes the next due job of these kinds for `owner`, leased until `leaseMs` from now. A running
   * job whose lease ran out (its worker died) is due again.
   */
  claim(owner: string, kinds: readonly string[], leaseMs: number): Promise<Job | null>;
  /** Keeps a claimed job's lease; false when the lease was lost (another worker took the job). */
  heartbeat(jobId: string, owner: string, leaseMs: number): Promise<boolean>;
  progress(jobId: string, owner: string, progress: JobProgress): Promise<void>;
  complete(jobId: string, owner: string): Promise<void>;
  /**
   * A failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null.
   * `counts: false` re-queues without spending an attempt (a rate limit is not a failure).
   */
  fail(jobId: string, owner: string, error: string, retryAt: Date | null, options?: { counts?: boolean }): Promise<void>;
  /** The newest job of a key, pending or finished. */
  latest(key: string): Promise<Job | null>;
  /** Jobs of the given keys that are queued or running. */
  pending(keys: readonly string[]): Promise<Job[]>;
  /** Running jobs whose owner is known to be gone are due again at once; returns how many. */
  reclaim(isGone: (owner: string) => boolean): Promise<number>;
  /** Deletes finished jobs older than `before`. */
  prune(before: Date): Promise<number>;
  /**
   * Calls `wake` when any process queues a job, where the engine can tell (PostgreSQL's NOTIFY);
   * workers elsewhere otherwise find new jobs at their next poll. Returns the unsubscribe.
   */
  onEnqueue?(wake: () => void): () => void;
  /** Answers when the queue can be read (the health check); throws otherwise. */
  ping(): Promise<void>;
}
