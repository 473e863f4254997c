import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetConfigForTests } from "@/lib/config";
import { parseSyncEnv, type SyncSettings } from "@/lib/config/sync";
import { setStoreForTests } from "@/lib/db";
import { insertUser } from "@/lib/db/queries";
import { openSqliteStore, type Store, type StoreOptions } from "@/lib/db/store";
import { forgetOutages } from "@/lib/connections/budget";
import { resetCircuitBreakers } from "@/lib/providers/http";
import { setProviderCatalogForTests } from "@/lib/providers";
import { buildProviderCatalog, type ProviderCatalog } from "@/lib/providers/catalog";
import type { ProviderModule } from "@/lib/providers/types";
import { setSyncSettingsForTests } from "@/lib/sync/settings";

export interface TestApp {
  store: Store;
  databasePath: string;
  catalog: ProviderCatalog;
  syncSettings: SyncSettings;
  createUser(email?: string): Promise<string>;
  /** Plain SQL on the test database (for arranging and inspecting what services do not expose). */
  sql<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

let userCounter = 0;

/**
 * A throwaway app for service tests: its own SQLite file, secrets, providers and sync settings.
 * Everything real except the network, which tests stub below the HTTP line.
 */
export function createTestApp(options: { modules: readonly ProviderModule[]; env?: Record<string, string>; logQuery?: StoreOptions["logQuery"] }): TestApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-test-"));
  const databasePath = path.join(dir, "pierre.db");
  const env = {
    NODE_ENV: "test",
    PIERRE_BASE_URL: "http://localhost:3000",
    DATABASE_URL: `file:${databasePath}`,
    AUTH_SECRET: "test-auth-secret-test-auth-secret-123",
    PIERRE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    PIERRE_DEFAULT_PROVIDER: options.modules[0]!.definition.id,
    ...options.env,
  };
  Object.assign(process.env, env);
  resetConfigForTests();
  resetCircuitBreakers();
  const store = openSqliteStore(databasePath, { logQuery: options.logQuery });
  setStoreForTests(store, databasePath);
  const catalog = buildProviderCatalog(options.modules, env, { baseUrl: new URL(env.PIERRE_BASE_URL), demo: false });
  setProviderCatalogForTests(catalog);
  const syncSettings: SyncSettings = parseSyncEnv(env);
  setSyncSettingsForTests(syncSettings);
  return {
    store,
    databasePath,
    catalog,
    syncSettings,
    async createUser(email = `user${++userCounter}@example.com`) {
      return (await insertUser({ email, name: null, passwordHash: "scrypt$1$1$1$x$y" })).id;
    },
    sql: (text, params) => store.transaction((tx) => tx.query(text, params)),
    async close() {
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
