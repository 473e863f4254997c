/**
 * The engines a benchmark runs on: the embedded SQLite file, and PostgreSQL when a server the
 * benchmark may create databases on is known (`PIERRE_TEST_DATABASE_URL`; `npm run bench` starts a
 * throwaway cluster for it when Debian's PostgreSQL is installed, as the tests do).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getStore, setStoreForTests } from "@/lib/db";
import { testPostgresUrl, throwawayDatabase } from "@/test/postgres";

export type Engine = "sqlite" | "postgres";

export const engineLabel: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

export function availableEngines(): Engine[] {
  return testPostgresUrl ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A section's title on an engine: SQLite's keep the titles they always had. */
export function titleOn(title: string, engine: Engine): string {
  return engine === "sqlite" ? title : `${title} on ${engineLabel[engine]}`;
}

export interface BenchDatabase {
  engine: Engine;
  /** DATABASE_URL for the app. */
  url: string;
  drop(): Promise<void>;
}

/** An empty database of its own for one benchmark (a file in a temporary folder, or a PostgreSQL database). */
export async function freshDatabase(engine: Engine, label: string): Promise<BenchDatabase> {
  if (engine === "postgres") {
    if (!testPostgresUrl) throw new Error("PostgreSQL benchmarks need PIERRE_TEST_DATABASE_URL (npm run bench starts a cluster when PostgreSQL is installed)");
    const database = throwawayDatabase(testPostgresUrl, `bench_${label}`);
    await database.create();
    return { engine, url: database.url, drop: () => database.drop() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pierre-bench-${label}-`));
  return { engine, url: `file:${path.join(dir, `${label}.db`)}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Closes this process's store (before its database is dropped, or another engine is measured). */
export async function releaseStore(): Promise<void> {
  await getStore().close();
  setStoreForTests(undefined);
}
