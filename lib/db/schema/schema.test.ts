import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

/**
 * Queries are written once against the table names of `tables` and run on either engine, so the
 * two schemas must describe the same tables: same columns, same nullability, same keys and indexes.
 * The jobs table is SQLite's only: on PostgreSQL, pg-boss keeps the jobs.
 */
const sqliteOnly = new Set(["jobs"]);

function tablesOf<T>(module: Record<string, unknown>, isTable: (value: unknown) => value is T): Map<string, T> {
  const found = new Map<string, T>();
  for (const [name, value] of Object.entries(module)) if (isTable(value)) found.set(name, value);
  return found;
}
const isSqliteTable = (value: unknown): value is SQLiteTable => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value;
const isPgTable = (value: unknown): value is PgTable => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value;

const sqliteTables = tablesOf(sqlite, isSqliteTable);
const postgresTables = tablesOf(postgres, isPgTable);

describe("the two schemas", () => {
  it("have the same tables", () => {
    expect([...postgresTables.keys()].sort()).toEqual([...sqliteTables.keys()].filter((name) => !sqliteOnly.has(name)).sort());
  });

  for (const [name, sqliteTable] of sqliteTables) {
    if (sqliteOnly.has(name)) continue;
    it(`agree on ${name}`, () => {
      const a = sqliteTableConfig(sqliteTable);
      const b = pgTableConfig(postgresTables.get(name)!);
      expect(b.name).toBe(a.name);
      const columns = (config: typeof a | typeof b) =>
        Object.fromEntries(config.columns.map((column) => [column.name, { notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault }]));
      expect(columns(b)).toEqual(columns(a));
      const keys = (config: typeof a | typeof b) => config.primaryKeys.map((key) => key.columns.map((column) => column.name));
      expect(keys(b)).toEqual(keys(a));
      const indexes = (config: typeof a | typeof b) =>
        config.indexes.map((index) => ({ name: index.config.name, unique: index.config.unique, on: index.config.columns.map((column) => ("name" in column ? column.name : "?")) })).sort((x, y) => String(x.name).localeCompare(String(y.name)));
      expect(indexes(b)).toEqual(indexes(a));
    });
  }

  it("read the same JavaScript values: instants as Dates, flags as booleans", () => {
    expect(postgres.activities.startTime.mapFromDriverValue("1700000000000")).toEqual(new Date(1_700_000_000_000));
    expect(postgres.activities.startTime.mapToDriverValue(new Date(1_700_000_000_000))).toBe(1_700_000_000_000);
    expect(postgres.activities.isPrimary.mapFromDriverValue(1)).toBe(true);
    expect(postgres.activities.isPrimary.mapToDriverValue(false)).toBe(0);
  });
});
