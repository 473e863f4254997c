import { defineConfig } from "drizzle-kit";

/** The PostgreSQL migrations, from lib/db/schema/postgres.ts (see drizzle.config.ts). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/postgres.ts",
  out: "./drizzle/postgres",
});
