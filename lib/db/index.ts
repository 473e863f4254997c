import "server-only";
import { getConfig } from "@/lib/config";
import type { DatabaseTarget } from "@/lib/config/core";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore, type Store } from "./store";

export { ATOMIC, personLock } from "./store";
export type { Db, Sql, Store, TransactionOptions } from "./store";

const globalForStore = globalThis as unknown as { pierreStore?: { key: string; store: Store } };

/** The store for a configured database: the embedded SQLite file or a PostgreSQL server. */
export function openStore(target: DatabaseTarget): Store {
  return target.engine === "postgres" ? openPostgresStore(target.url) : openSqliteStore(target.path);
}

/** The process's one store; kept on globalThis so `next dev` hot reloads reuse it. */
export function getStore(): Store {
  const { database } = getConfig();
  const key = database.engine === "postgres" ? database.url : database.path;
  const existing = globalForStore.pierreStore;
  if (existing && existing.key === key) return existing.store;
  void existing?.store.close();
  const store = openStore(database);
  globalForStore.pierreStore = { key, store };
  return store;
}

/** Tests point the app at a throwaway database. */
export function setStoreForTests(store: Store | undefined, key = "test"): void {
  globalForStore.pierreStore = store ? { key, store } : undefined;
}
