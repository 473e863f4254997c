import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptTokens, encryptTokens } from "@/lib/connections/tokens";
import { findConnection, insertApiToken, upsertConnection } from "@/lib/db/queries";
import { listWorkoutPage } from "@/lib/db/queries/workouts";
import { splitFromWorkout } from "@/lib/feed/corrections";
import { setDisplayPreferences } from "@/lib/preferences";
import { synthetic } from "@/lib/providers/synthetic";
import { generateWorkouts } from "@/lib/providers/synthetic/generator";
import { ingestPage } from "@/lib/sync/engine";
import { testPostgresUrl, throwawayDatabase, type ThrowawayDatabase } from "@/test/postgres";
import { createTestApp, type TestApp } from "@/test/test-app";
import { copyDatabase } from "./copy";
import { openPostgresStore } from "./postgres-store";
import * as sqliteSchema from "./schema/sqlite";
import { openSqliteStore, type Store } from "./store";

/**
 * A populated database moved to the other engine and back: every lasting row arrives as it was,
 * and the app reads the moved copy (its encrypted tokens, its feed) as it read the original.
 * Without PIERRE_TEST_DATABASE_URL the middle database is a second SQLite file.
 */
let app: TestApp;
let userId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-copy-"));
const opened: Store[] = [];
let middleDatabase: ThrowawayDatabase | undefined;

function openMiddle(): Store {
  if (!testPostgresUrl) return openSqliteStore(path.join(dir, "middle.db"));
  middleDatabase = throwawayDatabase(testPostgresUrl, "copy");
  return openPostgresStore(middleDatabase.url, { poolSize: 2, beforeMigrate: middleDatabase.create, afterClose: middleDatabase.drop });
}

beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
  userId = await app.createUser("runner@example.com");
  const other = await app.createUser("rider@example.com");
  for (const [person, providers] of [
    [userId, ["garmin", "strava"]],
    [other, ["whoop"]],
  ] as const) {
    for (const provider of providers) {
      await upsertConnection(person, provider, {
        ...encryptTokens({ userId: person, provider }, { accessToken: `access-${provider}`, refreshToken: `refresh-${provider}`, expiresAt: new Date(Date.now() + 3_600_000) }),
        status: "connected",
        providerUserId: `${provider}-athlete`,
      });
      const workouts = generateWorkouts(`copy-${person}`, { after: new Date("2025-06-01"), before: new Date("2026-06-01") }, Date.parse("2026-06-01"));
      await ingestPage(person, provider, workouts.map((w) => ({ ...w, provider })));
    }
  }
  const [first] = await listWorkoutPage({ userId, limit: 1 });
  const members = await app.sql<{ id: string }>("SELECT id FROM activities WHERE group_id = ? AND is_primary = 0", [first!.id]);
  if (members[0]) await splitFromWorkout(userId, members[0].id, first!.id);
  await insertApiToken({ userId, name: "laptop", tokenHash: "a".repeat(64), tokenPrefix: "pc_aaaa" });
  await setDisplayPreferences(userId, { units: "imperial", weekStart: 0, timeZone: "Europe/Paris" });
});

afterAll(async () => {
  for (const store of opened) await store.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tables = Object.values(sqliteSchema)
  .filter((value) => typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value)
  .map((table) => getTableConfig(table as Parameters<typeof getTableConfig>[0]))
  .filter((config) => !["jobs", "leases", "rate_limits", "user_events"].includes(config.name));

/** Every row of every lasting table, in one order, values as numbers and strings. */
async function contents(store: Store): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of tables) {
    const columns = table.columns.map((column) => column.name);
    const rows = await store.query<Record<string, unknown>>(`SELECT ${columns.join(", ")} FROM ${table.name}`);
    all[table.name] = rows.map((row) => JSON.stringify(columns.map((column) => row[column] ?? null))).sort();
  }
  return all;
}

describe("npm run db:copy", () => {
  it("moves every lasting row to the other engine and back unchanged, and the app reads the copy as the original", async () => {
    const original = await contents(app.store);
    expect(original.activities!.length).toBeGreaterThan(50);
    expect(original.match_verdicts!.length).toBeGreaterThan(0);
    const feedBefore = await listWorkoutPage({ userId, limit: 100 });

    const middle = openMiddle();
    opened.push(middle);
    const report = await copyDatabase(app.store, middle, { batch: 37 });
    expect(report.find((row) => row.table === "activities")!.rows).toBe(original.activities!.length);
    expect(await contents(middle)).toEqual(original);

    // The app on the copy: the same feed, and tokens that decrypt with the same key.
    app.useStore(middle);
    try {
      expect(await listWorkoutPage({ userId, limit: 100 })).toEqual(feedBefore);
      const connection = (await findConnection(userId, "strava"))!;
      expect(decryptTokens(connection).accessToken).toBe("access-strava");
    } finally {
      app.useStore(app.store);
    }

    const back = openSqliteStore(path.join(dir, "back.db"));
    opened.push(back);
    await copyDatabase(middle, back);
    expect(await contents(back)).toEqual(original);
  });

  it("refuses a target that already holds people", async () => {
    const target = openSqliteStore(path.join(dir, "taken.db"));
    opened.push(target);
    await copyDatabase(app.store, target);
    await expect(copyDatabase(app.store, target)).rejects.toThrow(/already holds people/);
  });
});
