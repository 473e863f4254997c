// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the app also does this at start-up).
import { ConfigError, describeDatabase, parseCoreEnv } from "../lib/config/core";
import { openPostgresStore } from "../lib/db/postgres-store";
import { openSqliteStore } from "../lib/db/store";

async function main() {
  const { database } = parseCoreEnv(process.env);
  const store = database.engine === "postgres" ? openPostgresStore(database.url) : openSqliteStore(database.path);
  const table = database.engine === "postgres" ? "drizzle.__drizzle_migrations" : "__drizzle_migrations";
  const [applied] = await store.query<{ n: number }>(`select count(*) as n from ${table}`);
  await store.close();
  console.log(`Database ${describeDatabase(database)} is up to date (${applied?.n ?? 0} migrations applied).`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
