import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "./store";

function tempDbPath() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pierre-db-")), "nested", "folder", "pierre.db");
}

const journal = () => JSON.parse(fs.readFileSync(path.resolve("drizzle/sqlite/meta/_journal.json"), "utf8")) as { entries: unknown[] };

describe("the SQLite store", () => {
  it("creates the folder and a private file, applies every migration, and sets WAL and foreign keys", async () => {
    const file = tempDbPath();
    const store = openSqliteStore(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const [mode] = await store.query<{ journal_mode: string }>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const tables = await store.query<{ name: string }>("select name from sqlite_master where type = 'table' order by name");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "provider_connections", "oauth_states", "activities", "workouts", "api_tokens", "__drizzle_migrations"]));
    const [applied] = await store.query<{ n: number }>("select count(*) as n from __drizzle_migrations");
    expect(applied?.n).toBe(journal().entries.length);
    await store.close();
  });

  it("is idempotent: reopening applies nothing twice and keeps the data", async () => {
    const file = tempDbPath();
    const first = openSqliteStore(file);
    await first.transaction((tx) => tx.query("insert into users (id, email, password_hash, role, created_at) values ('u1', 'a@b.co', 'h', 'user', 0)"));
    await first.close();
    const second = openSqliteStore(file);
    const [applied] = await second.query<{ n: number }>("select count(*) as n from __drizzle_migrations");
    expect(applied?.n).toBe(journal().entries.length);
    expect(await second.query("select email from users")).toEqual([{ email: "a@b.co" }]);
    await second.close();
  });

  it("enforces foreign keys (deleting a user deletes their connections)", async () => {
    const store = openSqliteStore(tempDbPath());
    const insertConnection = (id: string, user: string) =>
      store.transaction((tx) =>
        tx.query("insert into provider_connections (id, user_id, provider, status, connected_at, updated_at) values (?, ?, 'strava', 'connected', 0, 0)", [id, user]),
      );
    await store.transaction((tx) => tx.query("insert into users (id, email, password_hash, role, created_at) values ('u1', 'a@b.co', 'h', 'user', 0)"));
    await insertConnection("c1", "u1");
    await expect(insertConnection("c2", "ghost")).rejects.toThrow(/FOREIGN KEY/);
    await store.transaction((tx) => tx.query("delete from users where id = 'u1'"));
    expect(await store.query("select count(*) as n from provider_connections")).toEqual([{ n: 0 }]);
    await store.close();
  });

  it("refuses writes outside a transaction, so none can slip into another one", async () => {
    const store = openSqliteStore(tempDbPath());
    await expect(store.query("insert into users (id, email, password_hash, role, created_at) values ('u1', 'a@b.co', 'h', 'user', 0)")).rejects.toThrow(/readonly/);
    await store.close();
  });

  it("runs transactions one at a time, rolls back a failed one whole, and lets a nested one join", async () => {
    const store = openSqliteStore(tempDbPath());
    const { t } = store;
    const order: string[] = [];
    const slow = store.transaction(async (tx) => {
      order.push("a:start");
      await tx.db.insert(t.users).values({ id: "a", email: "a@x.co", passwordHash: "h" });
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Nested: joins this transaction instead of waiting for itself.
      await store.transaction((inner) => inner.db.insert(t.users).values({ id: "a2", email: "a2@x.co", passwordHash: "h" }));
      order.push("a:end");
    });
    const fast = store.transaction(async (tx) => {
      order.push("b:start");
      await tx.db.insert(t.users).values({ id: "b", email: "b@x.co", passwordHash: "h" });
      order.push("b:end");
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(["a:start", "a:end", "b:start", "b:end"]);

    await expect(
      store.transaction(async (tx) => {
        await tx.db.insert(t.users).values({ id: "c", email: "c@x.co", passwordHash: "h" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.db.select().from(t.users).where(eq(t.users.id, "c"))).toEqual([]);
    expect((await store.db.select().from(t.users)).map((u) => u.id).sort()).toEqual(["a", "a2", "b"]);
    await store.close();
  });
});
