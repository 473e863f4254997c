import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * Core environment variables (provider variables live in lib/providers/env-config.ts).
 * `parseCoreEnv` is pure so every rule is unit-tested; `lib/config/index.ts` adds the
 * generated development secrets and caches the result for the process.
 */

export class ConfigError extends Error {
  readonly problems: ReadonlyArray<{ variable: string; problem: string }>;

  constructor(problems: ReadonlyArray<{ variable: string; problem: string }>) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.problem}`).join("\n")}\n` +
        "See .env.example for every variable and its format.",
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const truthy = new Set(["1", "true", "yes", "on"]);
const falsy = new Set(["", "0", "false", "no", "off"]);

export function parseFlag(env: Env, variable: string, problems: ConfigProblems): boolean {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || falsy.has(raw)) return false;
  if (truthy.has(raw)) return true;
  problems.push({ variable, problem: "must be 1/true/yes or 0/false/no" });
  return false;
}

export type ConfigProblems = Array<{ variable: string; problem: string }>;

const emailSchema = z.email();

/** Loopback hosts may use plain http; everything else needs https unless the demo flag is on. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface CoreConfig {
  nodeEnv: "development" | "production" | "test";
  /** The demo flag: generated secrets and plain-http provider endpoints are allowed. */
  demo: boolean;
  /** Production without the demo flag: nothing is generated, every secret must be given. */
  strict: boolean;
  baseUrl: URL;
  database: DatabaseTarget;
  /** Where generated development secrets are kept (beside the SQLite file, or ./data). */
  dataDir: string;
  authSecret?: string;
  encryptionKey?: Buffer;
  adminEmails: ReadonlySet<string>;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); none by default. */
  trustedProxies: readonly string[];
  /** SMTP server for mail (address verification); without it mail goes to the outbox. */
  smtpUrl?: string;
  mailFrom: string;
}

/** The embedded SQLite file, or a PostgreSQL server for deployments of more than one instance. */
export type DatabaseTarget = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string };

/** How the database is named in logs: a PostgreSQL URL without its password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.path;
  const url = new URL(target.url);
  if (url.password) url.password = "";
  return url.toString().replace(/:@/, "@");
}

/** `file:./data/pierre.db`, `./data/pierre.db` or `:memory:` → a filesystem path (or `:memory:`). */
export function databasePathFromUrl(url: string, cwd: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  const withoutScheme = url.startsWith("file://") ? url.slice("file://".length) : url.startsWith("file:") ? url.slice(5) : url;
  if (!withoutScheme || withoutScheme.includes("://")) throw new Error("not a file path");
  return path.resolve(cwd, withoutScheme);
}

/** 32 bytes, as base64 (44 chars) or hex (64 chars). */
export function decodeEncryptionKey(raw: string): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

export function parseCoreEnv(env: Env, cwd = process.cwd()): CoreConfig {
  const problems: ConfigProblems = [];
  const nodeEnv = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const demo = parseFlag(env, "PIERRE_DEMO", problems);
  const strict = nodeEnv === "production" && !demo;

  let baseUrl = new URL("http://localhost:3000");
  const rawBase = env.PIERRE_BASE_URL?.trim();
  if (rawBase) {
    const parsed = URL.canParse(rawBase) ? new URL(rawBase) : undefined;
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
      problems.push({ variable: "PIERRE_BASE_URL", problem: "must be an absolute http(s) URL such as https://pierre.example.com" });
    } else if (parsed.pathname !== "/" || parsed.search || parsed.hash) {
      problems.push({ variable: "PIERRE_BASE_URL", problem: "must be an origin only (no path, query or fragment)" });
    } else if (strict && parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) {
      problems.push({ variable: "PIERRE_BASE_URL", problem: "must use https outside localhost in production" });
    } else {
      baseUrl = parsed;
    }
  } else if (strict) {
    problems.push({ variable: "PIERRE_BASE_URL", problem: "is required in production (the public origin, e.g. https://pierre.example.com)" });
  }

  let database: DatabaseTarget = { engine: "sqlite", path: path.resolve(cwd, "data/pierre.db") };
  const rawDb = env.DATABASE_URL?.trim();
  if (rawDb && /^postgres(ql)?:\/\//i.test(rawDb)) {
    if (URL.canParse(rawDb) && new URL(rawDb).hostname) database = { engine: "postgres", url: rawDb };
    else problems.push({ variable: "DATABASE_URL", problem: "must be a PostgreSQL URL such as postgres://user:password@host:5432/pierre" });
  } else if (rawDb) {
    try {
      database = { engine: "sqlite", path: databasePathFromUrl(rawDb, cwd) };
    } catch {
      problems.push({ variable: "DATABASE_URL", problem: "must be a SQLite file URL such as file:./data/pierre.db, or a postgres:// URL" });
    }
  }
  const dataDir = database.engine === "postgres" || database.path === ":memory:" ? path.resolve(cwd, "data") : path.dirname(database.path);

  let authSecret: string | undefined;
  const rawSecret = env.AUTH_SECRET?.trim();
  if (rawSecret) {
    if (rawSecret.length < 32) problems.push({ variable: "AUTH_SECRET", problem: "must be at least 32 characters (try: openssl rand -base64 32)" });
    else authSecret = rawSecret;
  } else if (strict) {
    problems.push({ variable: "AUTH_SECRET", problem: "is required in production (try: openssl rand -base64 32)" });
  }

  let encryptionKey: Buffer | undefined;
  const rawKey = env.PIERRE_ENCRYPTION_KEY?.trim();
  if (rawKey) {
    encryptionKey = decodeEncryptionKey(rawKey);
    if (!encryptionKey) {
      problems.push({ variable: "PIERRE_ENCRYPTION_KEY", problem: "must be 32 bytes as base64 or 64 hex characters (try: openssl rand -base64 32)" });
    }
  } else if (strict) {
    problems.push({ variable: "PIERRE_ENCRYPTION_KEY", problem: "is required in production (try: openssl rand -base64 32)" });
  }

  const adminEmails = new Set<string>();
  for (const entry of (env.PIERRE_ADMIN_EMAILS ?? "").split(",")) {
    const email = entry.trim().toLowerCase();
    if (!email) continue;
    if (!emailSchema.safeParse(email).success) {
      problems.push({ variable: "PIERRE_ADMIN_EMAILS", problem: `"${email}" is not an email address (comma-separated list expected)` });
    } else {
      adminEmails.add(email);
    }
  }

  const trustedProxies: string[] = [];
  for (const entry of (env.PIERRE_TRUSTED_PROXIES ?? "").split(",")) {
    const value = entry.trim();
    if (!value) continue;
    const [address, bits] = value.split("/");
    const family = isIP(address ?? "");
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk) problems.push({ variable: "PIERRE_TRUSTED_PROXIES", problem: `"${value}" is not an IP address or CIDR range (comma-separated list expected)` });
    else trustedProxies.push(value);
  }

  let smtpUrl: string | undefined;
  const rawSmtp = env.PIERRE_SMTP_URL?.trim();
  if (rawSmtp) {
    if (!URL.canParse(rawSmtp) || !["smtp:", "smtps:"].includes(new URL(rawSmtp).protocol)) {
      problems.push({ variable: "PIERRE_SMTP_URL", problem: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465" });
    } else {
      smtpUrl = rawSmtp;
    }
  }
  const mailFrom = env.PIERRE_MAIL_FROM?.trim() || `Pierre Connect <no-reply@${baseUrl.hostname}>`;

  if (problems.length > 0) throw new ConfigError(problems);
  return { nodeEnv, demo, strict, baseUrl, database, dataDir, authSecret, encryptionKey, adminEmails, trustedProxies, smtpUrl, mailFrom };
}
