// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the app also does this at start-up).
import { ConfigError, parseCoreEnv } from "../lib/config/core";
import { openSqliteStore } from "../lib/db/store";

async function main() {
  const { databasePath } = parseCoreEnv(process.env);
  const store = openSqliteStore(databasePath);
  const [applied] = await store.query<{ n: number }>("select count(*) as n from __drizzle_migrations");
  await store.close();
  console.log(`Database ${databasePath} is up to date (${applied?.n ?? 0} migrations applied).`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
