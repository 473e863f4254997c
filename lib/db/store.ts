import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { tables, type Tables } from "./schema";
import * as sqliteSchema from "./schema/sqlite";

/**
 * The one data-access layer. Queries are written once against `Sql`: drizzle's query builder
 * (awaited) and raw SQL through `rows`/`run`. Reads go through `store.db`; every write goes through
 * `store.transaction`, which on SQLite serializes this process's writers on their own connection
 * (the reading connection is read-only, so a stray write fails loudly instead of joining someone
 * else's transaction).
 */
export type Dialect = "sqlite" | "postgres";

/** The query builder's type. Both engines' builders answer the same awaited calls. */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;

export interface Sql {
  readonly db: Db;
  readonly t: Tables;
  readonly dialect: Dialect;
  /** Rows of a raw query, with columns as the SQL names them. */
  rows<T>(query: SQL): Promise<T[]>;
  run(query: SQL): Promise<void>;
  /**
   * The hot paths' plain SQL: `?` placeholders, values already in storage form (instants as epoch
   * milliseconds, booleans as 0/1). Statements are prepared once and reused.
   */
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface TransactionOptions {
  /**
   * What the transaction must not run beside. SQLite has one writer, so this matters on PostgreSQL
   * only, where "all" (the default) keeps every other transaction out, as SQLite does; `{ key }`
   * keeps out only transactions of the same key (one person's activities and groups) and those
   * that take "all"; "none" is for a single statement that is atomic by itself.
   */
  lock?: "all" | "none" | { key: string };
}

/**
 * The lock of everything that rewrites one person's activities and the groups they form: two
 * regroupings of one person must not interleave, those of two people may.
 */
export function personLock(userId: string): TransactionOptions["lock"] {
  return { key: `person:${userId}` };
}

/** For a transaction of one statement that is atomic by itself. */
export const ATOMIC: TransactionOptions = { lock: "none" };

export interface Store extends Sql {
  /**
   * Runs `work` in one transaction. It must not wait on the network: every writer that it keeps
   * out waits for it. A transaction started inside another joins it.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Refreshes the planner's statistics (after start-up and large writes). */
  optimize(): Promise<void>;
  close(): Promise<void>;
  /** For the health check. */
  ping(): Promise<void>;
}

export const sqliteMigrationsFolder = path.resolve(process.cwd(), "drizzle/sqlite");

/** A promise-chain mutex: one holder at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

const inTransaction = new AsyncLocalStorage<Store>();

function configure(connection: Database.Database): void {
  connection.pragma("journal_mode = WAL");
  connection.pragma("foreign_keys = ON");
  // Another process may hold the write lock for a moment (two app processes on one file).
  connection.pragma("busy_timeout = 5000");
  connection.pragma("synchronous = NORMAL");
}

/** The file is created private to its owner; SQLite gives its -wal and -shm files the same mode. */
function createPrivately(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
}

export interface StoreOptions {
  migrationsFolder?: string;
  /** Sees every statement with its parameters (the query-plan test uses it). */
  logQuery?: (sql: string, params: unknown[]) => void;
}

export function openSqliteStore(file: string, options: StoreOptions = {}): Store {
  const memory = file === ":memory:";
  if (!memory) createPrivately(file);
  const writer = new Database(file);
  configure(writer);
  // A batch of a sync reads and writes pages of every index across the weeks it covers; they stay
  // in the process (64 MB) from one batch to the next instead of being read again from the file
  // (the default 2 MB made a 100k history's ingest cost a fifth more per activity than a 10k one's).
  writer.pragma("cache_size = -64000");
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  const writeDb = drizzle(writer, { schema: sqliteSchema, logger });
  migrate(writeDb, { migrationsFolder: options.migrationsFolder ?? sqliteMigrationsFolder });
  writer.pragma("optimize=0x10002");

  // An in-memory database exists only on its own connection.
  const reader = memory ? writer : new Database(file, { readonly: true, fileMustExist: true });
  if (!memory) {
    reader.pragma("busy_timeout = 5000");
    // The feed's hot pages stay in the process (32 MB) rather than being read again from the file.
    reader.pragma("cache_size = -32000");
  }
  const readDb = memory ? writeDb : drizzle(reader, { schema: sqliteSchema, logger });

  const sqlOver = (db: Db, connection: Database.Database): Sql => {
    const statements = new Map<string, Database.Statement>();
    return {
      db,
      t: tables,
      dialect: "sqlite",
      rows: async <T>(query: SQL) => db.all(query) as T[],
      run: async (query: SQL) => {
        db.run(query);
      },
      query: async <T>(text: string, params: readonly unknown[] = []) => {
        options.logQuery?.(text, [...params]);
        let statement = statements.get(text);
        if (!statement) {
          statement = connection.prepare(text);
          if (statements.size > 200) statements.clear();
          statements.set(text, statement);
        }
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [];
      },
    };
  };
  const writeSql = sqlOver(writeDb, writer);
  const mutex = new Mutex();

  const store: Store = {
    ...sqlOver(readDb, reader),
    // One writer at a time whatever the options say.
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      if (inTransaction.getStore() === store) return work(writeSql);
      const release = await mutex.lock();
      try {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await inTransaction.run(store, () => work(writeSql));
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      } finally {
        release();
      }
    },
    async optimize() {
      const release = await mutex.lock();
      try {
        writer.pragma("optimize");
      } finally {
        release();
      }
    },
    async ping() {
      reader.prepare("select 1").get();
    },
    async close() {
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
  return store;
}
