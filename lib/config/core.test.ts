import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, databasePathFromUrl, decodeEncryptionKey, describeDatabase, parseCoreEnv } from "./core";
import { loadOrCreateDevSecrets } from "./dev-secrets";

const key = Buffer.alloc(32, 7);

function variablesIn(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.variable);
  }
}

describe("parseCoreEnv", () => {
  it("runs on embedded defaults in development", () => {
    const config = parseCoreEnv({}, "/srv/app");
    expect(config.baseUrl.toString()).toBe("http://localhost:3000/");
    expect(config.database).toEqual({ engine: "sqlite", path: "/srv/app/data/pierre.db" });
    expect(config.dataDir).toBe("/srv/app/data");
    expect(config.authSecret).toBeUndefined();
    expect(config.strict).toBe(false);
    expect(config.adminEmails.size).toBe(0);
  });

  it("reads every core variable", () => {
    const config = parseCoreEnv(
      {
        NODE_ENV: "production",
        PIERRE_BASE_URL: "https://pierre.example.com",
        DATABASE_URL: "file:/var/lib/pierre/app.db",
        AUTH_SECRET: "x".repeat(40),
        PIERRE_ENCRYPTION_KEY: key.toString("base64"),
        PIERRE_ADMIN_EMAILS: " Admin@Example.com, ops@example.com ,",
      },
      "/srv/app",
    );
    expect(config.strict).toBe(true);
    expect(config.baseUrl.origin).toBe("https://pierre.example.com");
    expect(config.database).toEqual({ engine: "sqlite", path: "/var/lib/pierre/app.db" });
    expect(config.encryptionKey?.equals(key)).toBe(true);
    expect([...config.adminEmails]).toEqual(["admin@example.com", "ops@example.com"]);
  });

  it("requires the secrets and the public origin in production, naming each variable", () => {
    expect(variablesIn(() => parseCoreEnv({ NODE_ENV: "production" }))).toEqual(["PIERRE_BASE_URL", "AUTH_SECRET", "PIERRE_ENCRYPTION_KEY"]);
  });

  it("does not require them in production with the demo flag", () => {
    expect(parseCoreEnv({ NODE_ENV: "production", PIERRE_DEMO: "1" }).strict).toBe(false);
  });

  it("names each malformed variable without echoing secret values", () => {
    const env = {
      PIERRE_BASE_URL: "localhost:3000/app",
      DATABASE_URL: "mysql://db/pierre",
      AUTH_SECRET: "short-secret-value",
      PIERRE_ENCRYPTION_KEY: "not-a-key-value",
      PIERRE_ADMIN_EMAILS: "admin@example.com,not-an-email",
      PIERRE_DEMO: "maybe",
    };
    expect(variablesIn(() => parseCoreEnv(env))).toEqual([
      "PIERRE_DEMO",
      "PIERRE_BASE_URL",
      "DATABASE_URL",
      "AUTH_SECRET",
      "PIERRE_ENCRYPTION_KEY",
      "PIERRE_ADMIN_EMAILS",
    ]);
    try {
      parseCoreEnv(env);
    } catch (error) {
      expect(String(error)).not.toContain("short-secret-value");
      expect(String(error)).not.toContain("not-a-key-value");
      expect(String(error)).toContain(".env.example");
    }
  });

  it("refuses a base URL with a path and plain http outside localhost in production", () => {
    expect(variablesIn(() => parseCoreEnv({ PIERRE_BASE_URL: "https://example.com/app" }))).toEqual(["PIERRE_BASE_URL"]);
    const prod = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), PIERRE_ENCRYPTION_KEY: key.toString("hex") };
    expect(variablesIn(() => parseCoreEnv({ ...prod, PIERRE_BASE_URL: "http://pierre.example.com" }))).toEqual(["PIERRE_BASE_URL"]);
    expect(parseCoreEnv({ ...prod, PIERRE_BASE_URL: "http://127.0.0.1:3100" }).baseUrl.port).toBe("3100");
  });
});

describe("helpers", () => {
  it("accepts the encryption key as base64, base64url or hex, 32 bytes only", () => {
    expect(decodeEncryptionKey(key.toString("base64"))?.equals(key)).toBe(true);
    expect(decodeEncryptionKey(key.toString("base64url"))?.equals(key)).toBe(true);
    expect(decodeEncryptionKey(key.toString("hex"))?.equals(key)).toBe(true);
    expect(decodeEncryptionKey(Buffer.alloc(16).toString("base64"))).toBeUndefined();
  });

  it("turns DATABASE_URL into a path", () => {
    expect(databasePathFromUrl("file:./data/pierre.db", "/app")).toBe("/app/data/pierre.db");
    expect(databasePathFromUrl("./x.db", "/app")).toBe("/app/x.db");
    expect(databasePathFromUrl(":memory:", "/app")).toBe(":memory:");
    expect(() => databasePathFromUrl("mysql://h/db", "/app")).toThrow();
  });

  it("runs on PostgreSQL for a postgres:// URL, and never logs its password", () => {
    const url = "postgres://pierre:s3cret-pass@db.internal:5432/pierre";
    const config = parseCoreEnv({ DATABASE_URL: url }, "/app");
    expect(config.database).toEqual({ engine: "postgres", url });
    expect(config.dataDir).toBe("/app/data");
    expect(describeDatabase(config.database)).toBe("postgres://pierre@db.internal:5432/pierre");
    expect(parseCoreEnv({ DATABASE_URL: "postgresql://localhost/pierre" }).database.engine).toBe("postgres");
    expect(variablesIn(() => parseCoreEnv({ DATABASE_URL: "postgres://" }))).toEqual(["DATABASE_URL"]);
  });

  it("generates development secrets once and keeps them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-secrets-"));
    const first = loadOrCreateDevSecrets(dir);
    const second = loadOrCreateDevSecrets(dir);
    expect(second).toEqual(first);
    expect(decodeEncryptionKey(first.encryptionKey)).toBeDefined();
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
  });

  it("closes up a secrets file that others could read, even under a permissive umask", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-secrets-"));
    const previous = process.umask(0);
    try {
      const first = loadOrCreateDevSecrets(path.join(dir, "data"));
      expect(fs.statSync(path.join(dir, "data", "secrets.json")).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dir, "data")).mode & 0o777).toBe(0o700);
      fs.chmodSync(path.join(dir, "data", "secrets.json"), 0o644);
      expect(loadOrCreateDevSecrets(path.join(dir, "data"))).toEqual(first);
      expect(fs.statSync(path.join(dir, "data", "secrets.json")).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
