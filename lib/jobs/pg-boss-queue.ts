import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import type { EnqueueOptions, Job, JobProgress, JobQueue, JobStatus } from "./queue";

/**
 * The queue on PostgreSQL: pg-boss, behind the same interface as the SQLite queue. pg-boss stores
 * the jobs (its own `pgboss` schema in the app's database), hands each due job to one worker with
 * `FOR UPDATE SKIP LOCKED`, retries failures with exponential backoff, expires jobs whose worker
 * stopped answering and archives finished ones.
 *
 * What pg-boss has no call for is done with one statement on its job table each: a job's lease is
 * pg-boss's own expiry (`started_on + expire_in`), which a heartbeat pushes out; progress is kept
 * in the job's `output`; and the claim is known by its start time, so a worker whose lease ran out
 * and whose job another worker took can no longer finish or fail it.
 */

const SCHEMA = "pgboss";
/** The channel a new job is announced on, so that idle workers in every process look at once. */
const CHANNEL = "pierre_jobs";
/** At most one queued job per key; a job may be queued while another of its key runs. */
const POLICY = "short";
const RETRY_DELAY_SECONDS = 30;
/** Finished jobs are kept this long (then archived by pg-boss, and deleted a week later). */
const KEEP_FINISHED_SECONDS = 7 * 86_400;

interface BossJob {
  id: string;
  name: string;
  data: unknown;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  retryLimit: number;
  retryCount: number;
  startAfter: Date;
  startedOn: Date | null;
  singletonKey: string | null;
  createdOn: Date;
  completedOn: Date | null;
  output: { progress?: JobProgress; message?: string; value?: { message?: string } } | null;
}

const JOB_COLUMNS =
  'id, name, data, state, retry_limit AS "retryLimit", retry_count AS "retryCount", start_after AS "startAfter", started_on AS "startedOn", ' +
  'singleton_key AS "singletonKey", created_on AS "createdOn", completed_on AS "completedOn", output';

const statusOf: Record<BossJob["state"], JobStatus> = {
  created: "queued",
  retry: "queued",
  active: "running",
  completed: "done",
  cancelled: "failed",
  failed: "failed",
};

function toJob(row: BossJob): Job {
  // pg-boss counts retries: a fetch counts one only when the job has started before. A job put back
  // without spending an attempt has no start (see `fail`).
  const attempts = row.state === "active" || row.startedOn ? row.retryCount + 1 : row.retryCount;
  return {
    id: row.id,
    kind: row.name,
    key: row.singletonKey,
    payload: row.data,
    status: statusOf[row.state],
    runAt: new Date(row.startAfter),
    attempts,
    maxAttempts: row.retryLimit + 1,
    progress: row.output?.progress ?? null,
    lastError: row.output?.message ?? row.output?.value?.message ?? null,
    createdAt: new Date(row.createdOn),
    finishedAt: row.completedOn ? new Date(row.completedOn) : null,
  };
}

export interface PgBossQueue extends JobQueue {
  stop(): Promise<void>;
}

export interface PgBossQueueOptions {
  poolSize?: number;
  maintenanceIntervalSeconds?: number;
  /** Waited for before pg-boss starts (the app's own migrations: the database must exist). */
  before?: () => Promise<void>;
}

export function createPgBossQueue(url: string, options: PgBossQueueOptions = {}): PgBossQueue {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    max: options.poolSize ?? 4,
    application_name: "pierre-connect jobs",
    // The worker (lib/jobs/worker.ts) fetches; pg-boss's own cron and polling stay off.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    archiveCompletedAfterSeconds: KEEP_FINISHED_SECONDS,
    archiveFailedAfterSeconds: KEEP_FINISHED_SECONDS,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => console.error(`[pierre] job queue: ${error.message}`));
  let starting: Promise<unknown> | undefined;
  // Started on first use, so that opening the queue costs nothing until a job is queued or looked for.
  const start = () => (starting ??= (async () => {
    await options.before?.();
    await boss.start();
  })());
  const queues = new Map<string, Promise<void>>();

  const db = async () => {
    await start();
    return boss.getDb();
  };
  const sql = async <T>(text: string, values: unknown[]): Promise<T[]> => (await (await db()).executeSql(text, values)).rows as T[];

  /** pg-boss keeps each kind of job in a queue of its own, created on first use by any process. */
  const queueFor = (kind: string): Promise<void> => {
    let ready = queues.get(kind);
    if (!ready) {
      ready = (async () => {
        await start();
        if (await boss.getQueue(kind)) return;
        try {
          await boss.createQueue(kind, { name: kind, policy: POLICY });
        } catch (error) {
          // Another process created it first.
          if (!(await boss.getQueue(kind))) throw error;
        }
      })();
      ready.catch(() => queues.delete(kind));
      queues.set(kind, ready);
    }
    return ready;
  };

  // One connection per process listens for new jobs and wakes this process's workers.
  const listeners = new Set<() => void>();
  let listener: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  const listen = () =>
    (listening ??= (async () => {
      await start();
      const client = new pg.Client({ connectionString: url, application_name: "pierre-connect jobs listen" });
      client.on("notification", () => {
        for (const wake of listeners) wake();
      });
      // A dropped connection only costs the prompt wake-up: workers still poll.
      client.on("error", () => {
        listening = undefined;
      });
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      listener = client;
    })().catch(() => {
      listening = undefined;
    }));

  /** The claims this process holds: a job's kind and the start time that names this claim of it. */
  const claims = new Map<string, { kind: string; startedOn: Date }>();
  const claimKey = (jobId: string, owner: string) => `${jobId} ${owner}`;
  const holds = async (jobId: string, owner: string): Promise<{ kind: string } | null> => {
    const claim = claims.get(claimKey(jobId, owner));
    if (!claim) return null;
    const [row] = await sql<{ n: number }>(
      `SELECT count(*) AS n FROM ${SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'active' AND date_trunc('milliseconds', started_on) = $3`,
      [
      claim.kind,
      jobId,
        claim.startedOn,
      ],
    );
    return Number(row?.n) > 0 ? claim : null;
  };
  const extendLease = async (kind: string, jobId: string, leaseMs: number): Promise<boolean> => {
    const rows = await sql<{ id: string }>(
      `UPDATE ${SCHEMA}.job SET expire_in = (now() - started_on) + $3 * interval '1 millisecond' WHERE name = $1 AND id = $2 AND state = 'active' RETURNING id`,
      [kind, jobId, leaseMs],
    );
    return rows.length > 0;
  };

  const queue: PgBossQueue = {
    async enqueue<P>(kind: string, payload: P, enqueueOptions: EnqueueOptions = {}) {
      await queueFor(kind);
      const runAt = enqueueOptions.runAt ?? new Date();
      const id = await boss.send(kind, payload as object, {
        singletonKey: enqueueOptions.key,
        startAfter: runAt,
        retryLimit: (enqueueOptions.maxAttempts ?? 5) - 1,
        retryDelay: RETRY_DELAY_SECONDS,
        retryBackoff: true,
      });
      if (id) {
        await sql("SELECT pg_notify($1, $2)", [CHANNEL, kind]);
        return { id, created: true };
      }
      // One of this key is queued already: it stays the one, moved earlier if this one is sooner.
      const [queued] = await sql<{ id: string }>(
        `UPDATE ${SCHEMA}.job SET start_after = LEAST(start_after, $3) WHERE name = $1 AND singleton_key = $2 AND state = 'created' RETURNING id`,
        [kind, enqueueOptions.key ?? null, runAt],
      );
      return { id: queued?.id ?? "", created: false };
    },

    async claim(owner, kinds, leaseMs) {
      const fetchOne = async (): Promise<Job | null> => {
        for (const kind of kinds) {
          await queueFor(kind);
          const [job] = (await boss.fetch<unknown>(kind, { batchSize: 1, includeMetadata: true })) as unknown as BossJob[];
          if (!job) continue;
          claims.set(claimKey(job.id, owner), { kind, startedOn: job.startedOn! });
          // The owner is written down so that a worker on this machine can tell when it died (reclaim).
          await sql(`UPDATE ${SCHEMA}.job SET output = $3::jsonb WHERE name = $1 AND id = $2 AND state = 'active'`, [kind, job.id, JSON.stringify({ owner })]);
          await extendLease(kind, job.id, leaseMs);
          return toJob(job);
        }
        return null;
      };
      // A job whose lease ran out is due again, as on SQLite, without waiting for maintenance.
      return (await fetchOne()) ?? ((await queue.reclaim(() => false)) > 0 ? fetchOne() : null);
    },

    async heartbeat(jobId, owner, leaseMs) {
      const claim = await holds(jobId, owner);
      return claim ? extendLease(claim.kind, jobId, leaseMs) : false;
    },

    async progress(jobId, owner, progress) {
      const claim = await holds(jobId, owner);
      if (!claim) return;
      await sql(`UPDATE ${SCHEMA}.job SET output = COALESCE(output, '{}'::jsonb) || $3::jsonb WHERE name = $1 AND id = $2 AND state = 'active'`, [
        claim.kind,
        jobId,
        JSON.stringify({ progress }),
      ]);
    },

    async complete(jobId, owner) {
      const claim = await holds(jobId, owner);
      claims.delete(claimKey(jobId, owner));
      if (!claim) return;
      const [row] = await sql<{ output: BossJob["output"] }>(`SELECT output FROM ${SCHEMA}.job WHERE name = $1 AND id = $2`, [claim.kind, jobId]);
      await boss.complete(claim.kind, jobId, { progress: row?.output?.progress });
    },

    async fail(jobId, owner, error, retryAt, failOptions = {}) {
      const claim = await holds(jobId, owner);
      claims.delete(claimKey(jobId, owner));
      if (!claim) return;
      const message = error.slice(0, 500);
      if (retryAt && failOptions.counts === false) {
        // Not a failure (a rate limit, a busy connection): back in the queue for that time, with no
        // start recorded, so that pg-boss does not count its next run as a retry.
        await sql(
          `UPDATE ${SCHEMA}.job SET state = 'retry', start_after = $3, started_on = NULL, output = $4::jsonb WHERE name = $1 AND id = $2 AND state = 'active'`,
          [claim.kind, jobId, retryAt, JSON.stringify({ message })],
        );
        return;
      }
      // pg-boss records the failure and decides between retry and failed by the attempts left.
      await boss.fail(claim.kind, jobId, { message });
      if (retryAt) {
        // The worker's own backoff (or the provider's Retry-After) sets when, as on SQLite.
        await sql(`UPDATE ${SCHEMA}.job SET start_after = $3 WHERE name = $1 AND id = $2 AND state = 'retry'`, [claim.kind, jobId, retryAt]);
      } else {
        await sql(`UPDATE ${SCHEMA}.job SET state = 'failed', completed_on = now() WHERE name = $1 AND id = $2 AND state = 'retry'`, [claim.kind, jobId]);
      }
    },

    async latest(key) {
      const [row] = await sql<BossJob>(`SELECT ${JOB_COLUMNS} FROM ${SCHEMA}.job WHERE singleton_key = $1 ORDER BY created_on DESC, id DESC LIMIT 1`, [key]);
      return row ? toJob(row) : null;
    },

    async pending(keys) {
      if (keys.length === 0) return [];
      const rows = await sql<BossJob>(`SELECT ${JOB_COLUMNS} FROM ${SCHEMA}.job WHERE singleton_key = ANY($1::text[]) AND state < 'completed'`, [[...keys]]);
      return rows.map(toJob);
    },

    async reclaim(isGone) {
      // A worker of this machine that died gives its jobs up now; others' run out with their lease.
      const running = await sql<{ id: string; owner: string | null }>(`SELECT id, output->>'owner' AS owner FROM ${SCHEMA}.job WHERE state = 'active'`, []);
      const gone = running.filter((row) => row.owner && isGone(row.owner)).map((row) => row.id);
      if (gone.length > 0) await sql(`UPDATE ${SCHEMA}.job SET expire_in = now() - started_on WHERE id = ANY($1::uuid[]) AND state = 'active'`, [gone]);
      // Jobs whose lease ran out are due again at once, as on SQLite, rather than after pg-boss's
      // next maintenance round and its retry delay.
      const expired = await sql<{ id: string }>(`SELECT id FROM ${SCHEMA}.job WHERE state = 'active' AND started_on + expire_in <= now()`, []);
      if (expired.length === 0) return 0;
      await boss.expire();
      await sql(`UPDATE ${SCHEMA}.job SET start_after = now() WHERE id = ANY($1::uuid[]) AND state = 'retry'`, [expired.map((row) => row.id)]);
      return expired.length;
    },

    async ping() {
      await sql(`SELECT version FROM ${SCHEMA}.version`, []);
    },

    onEnqueue(wake) {
      listeners.add(wake);
      void listen();
      return () => listeners.delete(wake);
    },

    async prune() {
      // pg-boss archives and deletes finished jobs in its maintenance.
      return 0;
    },

    async stop() {
      listeners.clear();
      await listener?.end().catch(() => undefined);
      listener = undefined;
      if (!starting) return;
      await starting.catch(() => undefined);
      await boss.stop({ graceful: false, wait: true, close: true });
    },
  };
  return queue;
}
