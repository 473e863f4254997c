import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./open";

function tempDbPath() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pierre-db-")), "nested", "folder", "pierre.db");
}

describe("openDatabase (migration runner)", () => {
  it("creates the folder and file, applies every migration, and sets WAL and foreign keys", () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["users", "provider_connections", "oauth_states", "activities", "api_tokens", "__drizzle_migrations"]),
    );
    const journal = JSON.parse(fs.readFileSync(path.resolve("drizzle/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const applied = db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    db.$client.close();
  });

  it("is idempotent: reopening applies nothing twice and keeps the data", () => {
    const file = tempDbPath();
    const first = openDatabase(file);
    first.$client.prepare("insert into users (id, email, password_hash, role, created_at) values ('u1', 'a@b.co', 'h', 'user', 0)").run();
    first.$client.close();
    const second = openDatabase(file);
    const applied = second.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    const journal = JSON.parse(fs.readFileSync(path.resolve("drizzle/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    expect(applied.n).toBe(journal.entries.length);
    expect(second.$client.prepare("select email from users").all()).toEqual([{ email: "a@b.co" }]);
    second.$client.close();
  });

  it("enforces foreign keys (deleting a user deletes their connections)", () => {
    const db = openDatabase(tempDbPath());
    db.$client.prepare("insert into users (id, email, password_hash, role, created_at) values ('u1', 'a@b.co', 'h', 'user', 0)").run();
    db.$client
      .prepare("insert into provider_connections (id, user_id, provider, status, connected_at, updated_at) values ('c1', 'u1', 'strava', 'connected', 0, 0)")
      .run();
    expect(() =>
      db.$client
        .prepare("insert into provider_connections (id, user_id, provider, status, connected_at, updated_at) values ('c2', 'ghost', 'strava', 'connected', 0, 0)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.$client.prepare("delete from users where id = 'u1'").run();
    expect(db.$client.prepare("select count(*) as n from provider_connections").get()).toEqual({ n: 0 });
    db.$client.close();
  });
});
