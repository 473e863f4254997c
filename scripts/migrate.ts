// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the app also does this at start-up).
import { ConfigError, parseCoreEnv } from "../lib/config/core";
import { openDatabase } from "../lib/db/open";

try {
  const { databasePath } = parseCoreEnv(process.env);
  const db = openDatabase(databasePath);
  const applied = db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
  db.$client.close();
  console.log(`Database ${databasePath} is up to date (${applied.n} migrations applied).`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
