import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as postgresSchema from "./schema/postgres";
import type { Tables } from "./schema";
import type { Db, Sql, Store, StoreOptions, TransactionOptions } from "./store";

export const postgresMigrationsFolder = path.resolve(process.cwd(), "drizzle/postgres");

// Every bigint here is an epoch millisecond or a count, well inside 2^53: read them as numbers, as
// SQLite gives them. (Process-wide: the job queue's client reads its counts the same way.)
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * Advisory lock keys of the two-integer space, apart from the one-integer space other libraries
 * (the job queue) use: one lock that every default transaction takes whole, and a family of keyed
 * locks (a person's activities) whose holders share the whole one.
 */
const WHOLE_LOCK = [0x50_69_65_72, 0] as const;
const KEYED_LOCKS = 0x50_69_65_73;

/** `?` placeholders (the text every query is written in) as PostgreSQL's `$1, $2, …`; quoted text is left alone. */
export function numberedPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}

interface Runner {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

export interface PostgresStoreOptions extends StoreOptions {
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Runs once before the migrations (tests create their throwaway database here). */
  beforeMigrate?: () => Promise<void>;
  /** Runs after the pool is closed (tests drop their database here). */
  afterClose?: () => Promise<void>;
}

/**
 * The store on PostgreSQL: the same `Store` the SQLite one is, over a connection pool. Opening is
 * synchronous and the migrations run in the background; every query waits for them, so callers see
 * one kind of store whichever engine is behind it.
 *
 * SQLite lets one writer in at a time, and the queries were written knowing it. Here a transaction
 * takes an advisory lock that gives the same guarantee by default, and only what declares a
 * narrower need (`lock: { key }` for one person's activities, `lock: "none"` for one atomic
 * statement) runs beside others.
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const ready = (async () => {
    await options.beforeMigrate?.();
    // Many instances may start at once: one of them migrates, the others wait for it.
    const client = new pg.Client({ connectionString: url, application_name: "pierre-connect migrate" });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1, $2)", [WHOLE_LOCK[0], 1]);
      await migrate(drizzle({ client }), { migrationsFolder: options.migrationsFolder ?? postgresMigrationsFolder });
    } finally {
      await client.end();
    }
  })();
  // A failed start-up is reported by the first query that waits for it, not as an unhandled rejection.
  ready.catch(() => undefined);

  class ReadyPool extends pg.Pool {
    // drizzle queries the pool directly; it must not run before the tables exist.
    override async connect(): Promise<pg.PoolClient>;
    override async connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<void>;
    override async connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient | void> {
      await ready;
      return callback ? super.connect(callback) : super.connect();
    }
  }
  const pool = new ReadyPool({ connectionString: url, max: options.poolSize ?? 10, application_name: "pierre-connect" });
  // An idle connection dropped by the server is replaced by the pool; it must not crash the process.
  pool.on("error", () => undefined);

  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  const statementNames = new Map<string, string>();
  const prepared = (text: string): { name: string; text: string } => {
    let name = statementNames.get(text);
    if (!name) {
      name = `p${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      statementNames.set(text, name);
    }
    return { name, text: numberedPlaceholders(text) };
  };

  const sqlOver = (db: NodePgDatabase<typeof postgresSchema>, runner: Runner): Sql => ({
    db: db as unknown as Db,
    t: postgresTables,
    dialect: "postgres",
    rows: async <T>(query: SQL) => (await db.execute(query)).rows as T[],
    run: async (query: SQL) => {
      await db.execute(query);
    },
    query: async <T>(text: string, params: readonly unknown[] = []) => {
      options.logQuery?.(text, [...params]);
      await ready;
      const result = await runner.query({ ...prepared(text), values: [...params] });
      return (result.rows ?? []) as T[];
    },
  });

  const poolSql = sqlOver(drizzle({ client: pool, schema: postgresSchema, logger }), pool);
  const inTransaction = new AsyncLocalStorage<Sql>();
  /** Inside a transaction, reads go through its connection too: they see its writes, and never wait for a second connection. */
  const current = () => inTransaction.getStore() ?? poolSql;

  const store: Store = {
    get db() {
      return current().db;
    },
    t: postgresTables,
    dialect: "postgres",
    rows: (query) => current().rows(query),
    run: (query) => current().run(query),
    query: (text, params) => current().query(text, params),
    async transaction<T>(work: (tx: Sql) => Promise<T>, transactionOptions: TransactionOptions = {}): Promise<T> {
      const joined = inTransaction.getStore();
      if (joined) return work(joined);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const lock = transactionOptions.lock ?? "all";
        if (lock === "all") {
          await client.query("SELECT pg_advisory_xact_lock($1, $2)", [...WHOLE_LOCK]);
        } else if (lock !== "none") {
          await client.query("SELECT pg_advisory_xact_lock_shared($1, $2), pg_advisory_xact_lock($3, hashtext($4))", [...WHOLE_LOCK, KEYED_LOCKS, lock.key]);
        }
        const tx = sqlOver(drizzle({ client, schema: postgresSchema, logger }), client);
        const result = await inTransaction.run(tx, () => work(tx));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async optimize() {
      await ready;
      await pool.query("ANALYZE");
    },
    async ping() {
      await ready;
      await pool.query("SELECT 1");
    },
    async close() {
      await ready.catch(() => undefined);
      await pool.end();
      await options.afterClose?.();
    },
  };
  return store;
}

/** The PostgreSQL tables under the names every query uses (jobs live in the queue's own schema). */
const postgresTables = {
  users: postgresSchema.users,
  providerConnections: postgresSchema.providerConnections,
  oauthStates: postgresSchema.oauthStates,
  activities: postgresSchema.activities,
  workouts: postgresSchema.workouts,
  apiTokens: postgresSchema.apiTokens,
  sessions: postgresSchema.sessions,
  emailTokens: postgresSchema.emailTokens,
  outbox: postgresSchema.outbox,
  rateLimits: postgresSchema.rateLimits,
  matchVerdicts: postgresSchema.matchVerdicts,
  userPreferences: postgresSchema.userPreferences,
  activityStreams: postgresSchema.activityStreams,
  leases: postgresSchema.leases,
  webhookDeliveries: postgresSchema.webhookDeliveries,
  webhookSubscriptions: postgresSchema.webhookSubscriptions,
  userEvents: postgresSchema.userEvents,
  oauthClients: postgresSchema.oauthClients,
  oauthGrants: postgresSchema.oauthGrants,
  oauthCodes: postgresSchema.oauthCodes,
  oauthTokens: postgresSchema.oauthTokens,
} as unknown as Tables;

/** Is this DATABASE_URL a PostgreSQL one? */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}
