import "server-only";
import { v7 as timeOrderedId } from "uuid";
import { getStore } from "@/lib/db";
import type { EnqueueOptions, Job, JobProgress, JobQueue, JobStatus } from "./queue";

/**
 * The queue in the app's own SQLite file (table `jobs`). Chosen over the SQLite queue libraries
 * (liteque, plainjob) after reading them: they open their own connection, a second writer on the
 * file, and lack pieces this app needs (per-key deduplication, progress, backoff). Each state
 * change is one statement in the store's transaction, so a killed process leaves a job either
 * queued, or running under a lease that runs out and makes it due again.
 */

interface JobRecord {
  id: string;
  kind: string;
  key: string | null;
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: number;
  max_attempts: number;
  progress: string | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

function toJob(row: JobRecord): Job {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    runAt: new Date(Number(row.run_at)),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    progress: row.progress ? (JSON.parse(row.progress) as JobProgress) : null,
    lastError: row.last_error,
    createdAt: new Date(Number(row.created_at)),
    finishedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)),
  };
}

const COLUMNS = "id, kind, key, payload, status, run_at, attempts, max_attempts, progress, last_error, created_at, finished_at";
const DEFAULT_ATTEMPTS = 5;

export function createSqliteQueue(): JobQueue {
  const write = <T>(text: string, params: readonly unknown[]) => getStore().transaction((tx) => tx.query<T>(text, params));

  return {
    async enqueue(kind, payload, options: EnqueueOptions = {}) {
      const now = Date.now();
      const id = timeOrderedId();
      const runAt = options.runAt?.getTime() ?? now;
      const rows = await write<{ id: string }>(
        "INSERT INTO jobs (id, kind, key, payload, status, run_at, attempts, max_attempts, created_at, updated_at) " +
          "VALUES (?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?) " +
          "ON CONFLICT (key) WHERE status = 'queued' DO UPDATE SET run_at = MIN(jobs.run_at, excluded.run_at) RETURNING id",
        [id, kind, options.key ?? null, JSON.stringify(payload), runAt, options.maxAttempts ?? DEFAULT_ATTEMPTS, now, now],
      );
      return { id: rows[0]!.id, created: rows[0]!.id === id };
    },

    async claim(owner, kinds, leaseMs) {
      if (kinds.length === 0) return null;
      const now = Date.now();
      const list = kinds.map(() => "?").join(", ");
      const [row] = await write<JobRecord>(
        `UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? ` +
          `WHERE id = (SELECT id FROM jobs WHERE kind IN (${list}) AND ((status = 'queued' AND run_at <= ?) OR (status = 'running' AND lease_until < ?)) ` +
          `ORDER BY run_at, id LIMIT 1) RETURNING ${COLUMNS}`,
        [owner, now + leaseMs, now, ...kinds, now, now],
      );
      return row ? toJob(row) : null;
    },

    async heartbeat(jobId, owner, leaseMs) {
      const rows = await write<{ id: string }>("UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'running' RETURNING id", [
        Date.now() + leaseMs,
        jobId,
        owner,
      ]);
      return rows.length > 0;
    },

    async progress(jobId, owner, progress) {
      await write("UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND lease_owner = ?", [JSON.stringify(progress), Date.now(), jobId, owner]);
    },

    async complete(jobId, owner) {
      const now = Date.now();
      await write("UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?", [
        now,
        now,
        jobId,
        owner,
      ]);
    },

    async fail(jobId, owner, error, retryAt, options = {}) {
      const now = Date.now();
      const message = error.slice(0, 500);
      if (retryAt) {
        await write(
          "UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?" +
            (options.counts === false ? ", attempts = MAX(attempts - 1, 0)" : "") +
            " WHERE id = ? AND lease_owner = ?",
          [retryAt.getTime(), message, now, jobId, owner],
        );
      } else {
        await write(
          "UPDATE jobs SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?",
          [message, now, now, jobId, owner],
        );
      }
    },

    async latest(key) {
      const [row] = await getStore().query<JobRecord>(`SELECT ${COLUMNS} FROM jobs WHERE key = ? ORDER BY created_at DESC, id DESC LIMIT 1`, [key]);
      return row ? toJob(row) : null;
    },

    async pending(keys) {
      if (keys.length === 0) return [];
      const rows = await getStore().query<JobRecord>(
        `SELECT ${COLUMNS} FROM jobs WHERE key IN (${keys.map(() => "?").join(", ")}) AND status IN ('queued', 'running')`,
        keys,
      );
      return rows.map(toJob);
    },

    async reclaim(isGone) {
      const running = await getStore().query<{ id: string; lease_owner: string }>("SELECT id, lease_owner FROM jobs WHERE status = 'running' AND lease_owner IS NOT NULL");
      let reclaimed = 0;
      for (const job of running.filter((row) => isGone(row.lease_owner))) {
        const rows = await write<{ id: string }>("UPDATE jobs SET lease_until = 0 WHERE id = ? AND lease_owner = ? AND status = 'running' RETURNING id", [job.id, job.lease_owner]);
        reclaimed += rows.length;
      }
      return reclaimed;
    },

    async ping() {
      await getStore().query("SELECT id FROM jobs LIMIT 1");
    },

    async prune(before) {
      const rows = await write<{ id: string }>("DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ? RETURNING id", [before.getTime()]);
      return rows.length;
    },
  };
}
