import { getTableConfig } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "./schema/sqlite";
import type { Store } from "./store";

/**
 * Copies every lasting table from one store to another (an embedded deployment moving to
 * PostgreSQL, or back), row by row in storage form: instants stay epoch milliseconds, flags 0/1,
 * tokens stay encrypted as they were (the same PIERRE_ENCRYPTION_KEY reads them on the other side).
 *
 * Left behind, because they are short-lived and rebuilt by the app: the job queue (the schedule
 * queues every connection again; each connection keeps where its history import had got to),
 * leases, rate-limit counters and live dashboard events.
 */
const transient = new Set(["jobs", "leases", "rate_limits", "user_events"]);

/** Parents before children, so foreign keys hold at every step. */
const order = [
  "users",
  "provider_connections",
  "oauth_states",
  "activities",
  "workouts",
  "activity_streams",
  "api_tokens",
  "sessions",
  "email_tokens",
  "outbox",
  "match_verdicts",
  "user_preferences",
  "webhook_deliveries",
  "webhook_subscriptions",
  "oauth_clients",
  "oauth_grants",
  "oauth_codes",
  "oauth_tokens",
];

const ROWS_PER_STATEMENT = 500;

interface CopiedTable {
  name: string;
  columns: string[];
  key: string[];
}

function copiedTables(): CopiedTable[] {
  const tables: CopiedTable[] = [];
  for (const value of Object.values(sqliteSchema)) {
    if (typeof value !== "object" || value === null || !(Symbol.for("drizzle:IsDrizzleTable") in value)) continue;
    const config = getTableConfig(value as Parameters<typeof getTableConfig>[0]);
    if (transient.has(config.name)) continue;
    const key = config.primaryKeys[0]?.columns.map((column) => column.name) ?? config.columns.filter((column) => column.primary).map((column) => column.name);
    tables.push({ name: config.name, columns: config.columns.map((column) => column.name), key });
  }
  const missing = tables.filter((table) => !order.includes(table.name)).map((table) => table.name);
  // A new table must be placed in `order` (or declared transient) before it can be copied.
  if (missing.length > 0) throw new Error(`No copy order for ${missing.join(", ")}`);
  return tables.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

export interface CopyReport {
  table: string;
  rows: number;
}

/** Copies `from` into `to`, which must be migrated and hold no people yet. */
export async function copyDatabase(from: Store, to: Store, options: { log?: (line: string) => void; batch?: number } = {}): Promise<CopyReport[]> {
  const [existing] = await to.query<{ n: number }>("SELECT count(*) AS n FROM users");
  if (Number(existing?.n) > 0) throw new Error("The target database already holds people; copy into an empty database.");
  const batch = options.batch ?? 2000;
  const report: CopyReport[] = [];
  for (const table of copiedTables()) {
    const columns = table.columns.join(", ");
    const key = table.key.join(", ");
    const after = `(${table.key.join(", ")}) > (${table.key.map(() => "?").join(", ")})`;
    let cursor: unknown[] | null = null;
    let rows = 0;
    for (;;) {
      // Keyset pages in key order: a table of millions is never held whole.
      const page: Record<string, unknown>[] = await from.query<Record<string, unknown>>(
        `SELECT ${columns} FROM ${table.name}${cursor ? ` WHERE ${after}` : ""} ORDER BY ${key} LIMIT ?`,
        [...(cursor ?? []), batch],
      );
      if (page.length === 0) break;
      await to.transaction(async (tx) => {
        for (let start = 0; start < page.length; start += ROWS_PER_STATEMENT) {
          const chunk = page.slice(start, start + ROWS_PER_STATEMENT);
          const row = `(${table.columns.map(() => "?").join(", ")})`;
          await tx.query(
            `INSERT INTO ${table.name} (${columns}) VALUES ${chunk.map(() => row).join(", ")}`,
            chunk.flatMap((values) => table.columns.map((column) => values[column] ?? null)),
          );
        }
      });
      rows += page.length;
      const last = page.at(-1)!;
      cursor = table.key.map((column) => last[column]);
      if (page.length < batch) break;
    }
    report.push({ table: table.name, rows });
    options.log?.(`${table.name}: ${rows} rows`);
  }
  await to.optimize();
  return report;
}
