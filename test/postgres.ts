import pg from "pg";

/**
 * `PIERRE_TEST_DATABASE_URL` (a PostgreSQL server the tests may create databases on) runs the
 * integration tests on PostgreSQL: each test app gets a database of its own, dropped when it closes.
 */
export const testPostgresUrl = process.env.PIERRE_TEST_DATABASE_URL?.trim() || undefined;

let counter = 0;

export interface ThrowawayDatabase {
  url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function throwawayDatabase(serverUrl: string, label = "test"): ThrowawayDatabase {
  const name = `pierre_${label}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    create: () => onServer(serverUrl, `CREATE DATABASE ${name}`),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
