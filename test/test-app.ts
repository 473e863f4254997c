import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeJobQueue } from "@/lib/background/queue";
import { resetConfigForTests } from "@/lib/config";
import { parseSyncEnv, type SyncSettings } from "@/lib/config/sync";
import { setStoreForTests } from "@/lib/db";
import { insertUser } from "@/lib/db/queries";
import { openPostgresStore } from "@/lib/db/postgres-store";
import { openSqliteStore, type Store, type StoreOptions } from "@/lib/db/store";
import { forgetOutages } from "@/lib/connections/budget";
import { resetCircuitBreakers } from "@/lib/providers/http";
import { setProviderCatalogForTests } from "@/lib/providers";
import { buildProviderCatalog, type ProviderCatalog } from "@/lib/providers/catalog";
import type { ProviderModule } from "@/lib/providers/types";
import { setSyncSettingsForTests } from "@/lib/sync/settings";
import { testPostgresUrl, throwawayDatabase } from "./postgres";

export interface TestApp {
  store: Store;
  /** The database's engine: PostgreSQL when PIERRE_TEST_DATABASE_URL is set. */
  engine: "sqlite" | "postgres";
  /** The SQLite file (SQLite only). */
  databasePath: string;
  databaseUrl: string;
  catalog: ProviderCatalog;
  syncSettings: SyncSettings;
  createUser(email?: string): Promise<string>;
  /** Plain SQL on the test database (for arranging and inspecting what services do not expose). */
  sql<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Everything the database holds, as stored (the SQLite file and its journal, or every row of every table as text). */
  storedBytes(): Promise<Buffer>;
  /** Points the app's services at another store (and back, with `app.store`). */
  useStore(store: Store): void;
  /** The jobs of one kind, oldest first, with their payload as JSON text, whichever queue holds them. */
  jobs(kind: string): Promise<{ kind: string; payload: string }[]>;
  close(): Promise<void>;
}

let userCounter = 0;

/**
 * A throwaway app for service tests: its own database (a SQLite file, or a PostgreSQL database when
 * PIERRE_TEST_DATABASE_URL is set), secrets, providers and sync settings. Everything real except the
 * network, which tests stub below the HTTP line.
 */
export async function createTestApp(options: {
  modules: readonly ProviderModule[];
  env?: Record<string, string>;
  logQuery?: StoreOptions["logQuery"];
}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-test-"));
  const databasePath = path.join(dir, "pierre.db");
  const postgres = testPostgresUrl ? throwawayDatabase(testPostgresUrl) : undefined;
  const databaseUrl = postgres ? postgres.url : `file:${databasePath}`;
  const env = {
    NODE_ENV: "test",
    PIERRE_BASE_URL: "http://localhost:3000",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "test-auth-secret-test-auth-secret-123",
    PIERRE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    PIERRE_DEFAULT_PROVIDER: options.modules[0]!.definition.id,
    ...options.env,
  };
  Object.assign(process.env, env);
  resetConfigForTests();
  resetCircuitBreakers();
  const store = postgres
    ? openPostgresStore(postgres.url, { logQuery: options.logQuery, poolSize: 4, beforeMigrate: postgres.create, afterClose: postgres.drop })
    : openSqliteStore(databasePath, { logQuery: options.logQuery });
  setStoreForTests(store, postgres ? postgres.url : databasePath);
  // The database exists and is migrated before the first test measures time against it.
  await store.ping();
  const catalog = buildProviderCatalog(options.modules, env, { baseUrl: new URL(env.PIERRE_BASE_URL), demo: false });
  setProviderCatalogForTests(catalog);
  const syncSettings: SyncSettings = parseSyncEnv(env);
  setSyncSettingsForTests(syncSettings);
  return {
    store,
    engine: postgres ? "postgres" : "sqlite",
    databasePath,
    databaseUrl,
    catalog,
    syncSettings,
    async createUser(email = `user${++userCounter}@example.com`) {
      return (await insertUser({ email, name: null, passwordHash: "scrypt$1$1$1$x$y" })).id;
    },
    sql: (text, params) => store.transaction((tx) => tx.query(text, params)),
    async storedBytes() {
      if (!postgres) return Buffer.concat([databasePath, `${databasePath}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)));
      const tables = await store.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
      const rows: string[] = [];
      for (const { name } of tables) for (const row of await store.query<{ text: string }>(`SELECT t::text AS text FROM "${name}" t`)) rows.push(row.text);
      return Buffer.from(rows.join("\n"));
    },
    useStore: (other) => setStoreForTests(other, postgres ? postgres.url : databasePath),
    async jobs(kind) {
      if (!postgres) return store.query("SELECT kind, payload FROM jobs WHERE kind = ? ORDER BY created_at", [kind]);
      // pg-boss makes its schema when the queue is first used.
      const [installed] = await store.query<{ table: string | null }>("SELECT to_regclass('pgboss.job')::text AS table");
      if (!installed?.table) return [];
      return store.query("SELECT name AS kind, data::text AS payload FROM pgboss.job WHERE name = ? ORDER BY created_on", [kind]);
    },
    async close() {
      await closeJobQueue();
      setStoreForTests(undefined);
      await store.close();
      setProviderCatalogForTests(undefined);
      setSyncSettingsForTests(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Between tests the sandbox's providers are well again: no breaker open in memory or in the database. */
export async function resetProviderHealth(): Promise<void> {
  resetCircuitBreakers();
  await forgetOutages();
}
