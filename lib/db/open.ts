import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

/**
 * Opens (creating the folder and file if needed) a SQLite database with the settings the app
 * relies on, then applies pending migrations. Migrating is idempotent: drizzle records applied
 * migrations in `__drizzle_migrations` and skips them.
 */
export function openDatabase(databasePath: string, options: { migrationsFolder?: string } = {}): Db {
  if (databasePath !== ":memory:") fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Several route handlers and a sync may write at once; wait for the lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: options.migrationsFolder ?? migrationsFolder });
  return db;
}
