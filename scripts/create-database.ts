// `tsx scripts/create-database.ts postgres://…/name`: creates that PostgreSQL database if it does
// not exist yet (the app creates its tables, not the database itself). A SQLite URL needs nothing.
import pg from "pg";

async function main() {
  const target = process.argv[2] ?? process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//i.test(target)) return;
  const url = new URL(target);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
