/**
 * The benchmark's world: a database with 99 people of 10,000 activities each (built in-process
 * through the normalizers and the sync's ingest into a SQLite file cached between runs, and for
 * PostgreSQL copied from that file by `npm run db:copy`'s own code), the provider sandbox with no
 * dataset of its own, and `next start` on that database, all on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { getStore } from "@/lib/db";
import { copyDatabase } from "@/lib/db/copy";
import { openPostgresStore } from "@/lib/db/postgres-store";
import { openSqliteStore } from "@/lib/db/store";
import { confirmEmail, sendVerificationLink } from "@/lib/auth/verification";
import { listOutbox } from "@/lib/mail";
import { getProviderCatalog } from "@/lib/providers";
import { historyOf, historyProviders, wireHistory } from "@/sandbox/history";
import { addActivities } from "@/sandbox/control-client";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import type { ProviderId } from "@/sandbox/dataset";
import { freshDatabase, releaseStore, type BenchDatabase, type Engine } from "./engines";
import { applyEnv, benchEnv, connectAll, createPerson, ingestInProcess, PASSWORD, tokenFor } from "./people";
import { root, startServer, type Server } from "./support";

const CACHE = path.join(root, "bench/.cache");
/** Bump when the schema or the history generator changes: the cached base is rebuilt. */
const BASE_VERSION = "v5";
/** Every history is a decade long (PIERRE_SYNC_BACKFILL_DAYS in benchEnv). */
const HISTORY_DAYS = 3650;

export interface Person {
  id: string;
  email: string;
  token: string;
  /** The name typed on each consent page; the sandbox shows this person only their own workouts. */
  owner: string;
  /** The providers this person is connected to. */
  providers: string[];
}

export interface World {
  engine: Engine;
  sandbox: Sandbox;
  server: Server;
  /** The server's environment: a second instance started with it shares the database. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function buildBase(file: string, people: number, perPerson: number): Promise<void> {
  applyEnv(benchEnv(file, "http://127.0.0.1:9"));
  const end = Date.now();
  for (let n = 0; n < people; n++) {
    const id = await createPerson(`other-${n}@bench.test`);
    await ingestInProcess(id, wireHistory(historyOf({ records: perPerson, days: HISTORY_DAYS, endMs: end, seed: 1000 + n })));
    if ((n + 1) % 10 === 0) console.log(`  base: ${n + 1} of ${people} people`);
  }
  await getStore().optimize();
  await releaseStore();
}

/** The cached base copied into a fresh PostgreSQL database. */
async function postgresFromBase(base: string): Promise<BenchDatabase> {
  const database = await freshDatabase("postgres", "world");
  const from = openSqliteStore(base);
  const to = openPostgresStore(database.url);
  try {
    const started = performance.now();
    const report = await copyDatabase(from, to);
    const rows = report.reduce((sum, table) => sum + table.rows, 0);
    console.log(`  copied ${rows} rows into PostgreSQL in ${Math.round((performance.now() - started) / 1000)} s`);
  } finally {
    await from.close();
    await to.close();
  }
  return database;
}

export async function createWorld(
  options: {
    otherPeople?: number;
    perPerson?: number;
    /** For the server's node, e.g. the profiler's flags. */
    nodeArgs?: string[];
    /** Keeps the last run's database (profiling scripts reuse the people they built; SQLite only). */
    reuse?: boolean;
    engine?: Engine;
  } = {},
): Promise<World> {
  const engine = options.engine ?? "sqlite";
  const people = options.otherPeople ?? 99;
  const perPerson = options.perPerson ?? 10_000;
  fs.mkdirSync(CACHE, { recursive: true });
  const base = path.join(CACHE, `base-${BASE_VERSION}-${people}x${perPerson}.db`);
  if (!fs.existsSync(base)) {
    console.log(`building ${people} people × ${perPerson} activities (cached in ${path.relative(root, base)})…`);
    await buildBase(`${base}.partial`, people, perPerson);
    fs.renameSync(`${base}.partial`, base);
  }
  let database: BenchDatabase | undefined;
  let databaseUrl: string;
  if (engine === "postgres") {
    database = await postgresFromBase(base);
    databaseUrl = database.url;
  } else {
    const databasePath = path.join(CACHE, "run.db");
    if (!options.reuse || !fs.existsSync(databasePath)) {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
      fs.copyFileSync(base, databasePath);
    }
    databaseUrl = `file:${databasePath}`;
  }

  const sandbox = await startSandbox({ port: 0, withDataset: false, unlimitedRates: true });
  const env = benchEnv(databaseUrl, sandbox.url);
  applyEnv(env);
  const server = await startServer({ ...env, PIERRE_BASE_URL: "http://127.0.0.1:3999" }, options.nodeArgs);
  return {
    engine,
    sandbox,
    server,
    env,
    async stop() {
      await server.stop();
      await sandbox.close();
      await releaseStore();
      await database?.drop();
    },
  };
}

/** A person connected to every provider, with a personal token for the API. */
export async function connectedPerson(world: World, email: string): Promise<Person> {
  const id = await createPerson(email);
  const owner = email.split("@")[0]!;
  const providers = await connectAll(id, owner);
  return { id, email, token: await tokenFor(id), owner, providers };
}

/**
 * The providers whose sync imports a decade: connected, and with no shorter history limit (Garmin
 * and Polar serve 30 days through their API, COROS 90; older workouts reach the app otherwise).
 */
export function decadeProviders(person: Person): ProviderId[] {
  const { registry } = getProviderCatalog();
  return historyProviders.filter((id) => person.providers.includes(id) && (registry.getDefinition(id)?.historyDays ?? Infinity) >= HISTORY_DAYS);
}

/** The first person of the cached base (10,000 activities), with a personal token. */
export async function basePerson(): Promise<Person> {
  const email = "other-0@bench.test";
  const [row] = await getStore().query<{ id: string }>("SELECT id FROM users WHERE email = ?", [email]);
  if (!row) throw new Error(`${email} is not in the base`);
  return { id: row.id, email, token: await tokenFor(row.id), owner: "other-0", providers: [] };
}

/** Puts a decade of history at the sandbox for one person, split across the providers that import a decade. */
export async function giveHistory(world: World, person: Person, records: number, seed: number, endMs = Date.now()): Promise<number> {
  const items = wireHistory(historyOf({ records, days: HISTORY_DAYS, endMs, seed, providers: decadeProviders(person) }));
  // Building the history blocks this process for seconds; the in-process sandbox's keep-alive
  // timers for idle sockets expired meanwhile. Let them close those sockets before the next
  // request, or fetch reuses one the server is about to close (ECONNRESET).
  await sleep(20);
  let total = 0;
  for (const [provider, list] of Object.entries(items) as [ProviderId, unknown[]][]) {
    // Terra knows our user by the reference id its widget was opened with.
    const owner = provider === "terra" ? person.id : person.owner;
    for (let start = 0; start < list.length; start += 5_000) await addActivities(world.sandbox.url, provider, list.slice(start, start + 5_000), owner);
    total += list.length;
  }
  return total;
}

export interface SyncAnswer {
  results: Record<string, { inserted: number; error: string | null }>;
}

/**
 * A person may sync each connection once a minute; the benchmark syncs the same people many times
 * in a row, so it lifts that throttle before each timed sync (a rule for people, not a cost).
 */
export async function liftManualSyncThrottle(): Promise<void> {
  await getStore().transaction((tx) => tx.query("DELETE FROM rate_limits WHERE key LIKE 'manual-sync:%'"));
}

/** POST /api/sync for one person (every provider, or one). */
export async function sync(world: World, person: Person, provider?: string): Promise<SyncAnswer> {
  const response = await fetch(`${world.server.url}/api/sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${person.token}`, "content-type": "application/json" },
    body: provider ? JSON.stringify({ provider }) : "",
  });
  if (!response.ok) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SyncAnswer;
}

/** A sync whose every provider must succeed: a figure must not time a refusal or a failure. */
export async function syncOk(world: World, person: Person, provider?: string): Promise<SyncAnswer> {
  const answer = await sync(world, person, provider);
  const failed = Object.entries(answer.results).filter(([, result]) => result.error);
  if (failed.length) throw new Error(`the sync failed: ${failed.map(([id, result]) => `${id}: ${result.error}`).join("; ")}`);
  return answer;
}

/** Confirms the person's address through the mailed link (kept in the outbox without SMTP): sign-in needs it. */
async function confirmAddress(person: Person): Promise<void> {
  await sendVerificationLink({ id: person.id, email: person.email });
  const mail = (await listOutbox(1_000)).find((m) => m.recipient === person.email && m.body.includes("/verify-email?token="));
  const token = mail && /verify-email\?token=([\w-]+)/.exec(mail.body)?.[1];
  if (!token || (await confirmEmail(token)) !== "verified") throw new Error(`could not confirm ${person.email}`);
}

/** A browser session for pages (the dashboard), through the real sign-in. */
export async function sessionCookie(world: World, person: Person): Promise<string> {
  await confirmAddress(person);
  const csrf = await fetch(`${world.server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const answer = await fetch(`${world.server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: person.email, password: PASSWORD, json: "true" }),
  });
  const session = answer.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${answer.status})`);
  return [...cookies, session].join("; ");
}
