import { defineConfig } from "drizzle-kit";

/**
 * `npm run db:generate` writes the migrations of both engines: SQLite's from lib/db/schema/sqlite.ts
 * (this file) and PostgreSQL's from lib/db/schema/postgres.ts (drizzle.postgres.config.ts).
 */
export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema/sqlite.ts",
  out: "./drizzle/sqlite",
});
