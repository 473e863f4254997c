import "server-only";
import { getConfig } from "@/lib/config";
import { openSqliteStore, type Store } from "./store";

export type { Db, Sql, Store } from "./store";

const globalForStore = globalThis as unknown as { pierreStore?: { key: string; store: Store } };

/** The process's one store; kept on globalThis so `next dev` hot reloads reuse it. */
export function getStore(): Store {
  const { databasePath } = getConfig();
  const existing = globalForStore.pierreStore;
  if (existing && existing.key === databasePath) return existing.store;
  void existing?.store.close();
  const store = openSqliteStore(databasePath);
  globalForStore.pierreStore = { key: databasePath, store };
  return store;
}

/** Tests point the app at a throwaway database. */
export function setStoreForTests(store: Store | undefined, key = "test"): void {
  globalForStore.pierreStore = store ? { key, store } : undefined;
}
