// `npm run db:copy -- --from file:./data/pierre.db --to postgres://user:password@host:5432/pierre`
// Moves a deployment from one database to another (SQLite to PostgreSQL, or back). The target is
// migrated first and must hold no people; the source is brought up to date as the app would at
// start-up, and otherwise only read.
import { parseArgs } from "node:util";
import { ConfigError, describeDatabase, parseCoreEnv } from "../lib/config/core";
import { copyDatabase } from "../lib/db/copy";
import { openPostgresStore } from "../lib/db/postgres-store";
import { openSqliteStore } from "../lib/db/store";

function open(url: string) {
  const { database } = parseCoreEnv({ DATABASE_URL: url });
  return { database, store: database.engine === "postgres" ? openPostgresStore(database.url) : openSqliteStore(database.path) };
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  if (!values.from || !values.to) {
    console.error("Usage: npm run db:copy -- --from <DATABASE_URL> --to <DATABASE_URL>\n  e.g. --from file:./data/pierre.db --to postgres://pierre:secret@localhost:5432/pierre");
    process.exit(2);
  }
  const source = open(values.from);
  const target = open(values.to);
  console.log(`Copying ${describeDatabase(source.database)} → ${describeDatabase(target.database)}`);
  try {
    const report = await copyDatabase(source.store, target.store, { log: (line) => console.log(`  ${line}`) });
    console.log(`Done: ${report.reduce((sum, table) => sum + table.rows, 0)} rows in ${report.length} tables. Point DATABASE_URL at the target and start the app.`);
  } finally {
    await source.store.close();
    await target.store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
