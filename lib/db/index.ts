import "server-only";
import { getConfig } from "@/lib/config";
import { openDatabase, type Db } from "./open";

export type { Db } from "./open";

const globalForDb = globalThis as unknown as { pierreDb?: { path: string; db: Db } };

/** The process's one connection; kept on globalThis so `next dev` hot reloads reuse it. */
export function getDb(): Db {
  const { databasePath } = getConfig();
  const existing = globalForDb.pierreDb;
  if (existing && existing.path === databasePath) return existing.db;
  existing?.db.$client.close();
  const db = openDatabase(databasePath);
  globalForDb.pierreDb = { path: databasePath, db };
  return db;
}

/** Tests point the app at a throwaway database. */
export function setDbForTests(db: Db, databasePath: string): void {
  globalForDb.pierreDb = { path: databasePath, db };
}
