import Database from "better-sqlite3";
import pg from "pg";
import { appEnv } from "./playwright.config";

/**
 * Read-only SQL on the app's database, for tests that check what the app stored (no duplicates,
 * say) rather than what a page shows. The same `?` SQL on either engine.
 */
export async function queryDatabase<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const url = appEnv.DATABASE_URL!;
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(text).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}
