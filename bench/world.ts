/**
 * The benchmark's world: a SQLite file with 99 people of 10,000 activities each (built in-process
 * through the normalizers and the sync's ingest, and cached between runs), the provider sandbox
 * with no dataset of its own, and `next start` on that file, all on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import { getStore } from "@/lib/db";
import { historyOf, wireHistory } from "@/sandbox/history";
import { addActivities } from "@/sandbox/control-client";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import type { ProviderId } from "@/sandbox/dataset";
import { applyEnv, benchEnv, connectAll, createPerson, ingestInProcess, PASSWORD, tokenFor } from "./people";
import { root, startServer, type Server } from "./support";

const CACHE = path.join(root, "bench/.cache");
/** Bump when the schema or the history generator changes: the cached base is rebuilt. */
const BASE_VERSION = "v5";

export interface Person {
  id: string;
  email: string;
  token: string;
  /** The name typed on each consent page; the sandbox shows this person only their own workouts. */
  owner: string;
}

export interface World {
  sandbox: Sandbox;
  server: Server;
  databasePath: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function buildBase(file: string, people: number, perPerson: number): Promise<void> {
  applyEnv(benchEnv(file, "http://127.0.0.1:9"));
  const end = Date.now();
  for (let n = 0; n < people; n++) {
    const id = await createPerson(`other-${n}@bench.test`);
    await ingestInProcess(id, wireHistory(historyOf({ records: perPerson, days: 3650, endMs: end, seed: 1000 + n })));
    if ((n + 1) % 10 === 0) console.log(`  base: ${n + 1} of ${people} people`);
  }
  await getStore().optimize();
  await getStore().close();
}

export async function createWorld(options: { otherPeople?: number; perPerson?: number } = {}): Promise<World> {
  const people = options.otherPeople ?? 99;
  const perPerson = options.perPerson ?? 10_000;
  fs.mkdirSync(CACHE, { recursive: true });
  const base = path.join(CACHE, `base-${BASE_VERSION}-${people}x${perPerson}.db`);
  if (!fs.existsSync(base)) {
    console.log(`building ${people} people × ${perPerson} activities (cached in ${path.relative(root, base)})…`);
    await buildBase(`${base}.partial`, people, perPerson);
    fs.renameSync(`${base}.partial`, base);
  }
  const databasePath = path.join(CACHE, "run.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  fs.copyFileSync(base, databasePath);

  const sandbox = await startSandbox({ port: 0, withDataset: false, unlimitedRates: true });
  const env = benchEnv(databasePath, sandbox.url);
  applyEnv(env);
  const server = await startServer({ ...env, PIERRE_BASE_URL: "http://127.0.0.1:3999" });
  return {
    sandbox,
    server,
    databasePath,
    env,
    async stop() {
      await server.stop();
      await sandbox.close();
      await getStore().close();
    },
  };
}

/** A person connected to every provider, with a personal token for the API. */
export async function connectedPerson(world: World, email: string): Promise<Person> {
  const id = await createPerson(email);
  const owner = email.split("@")[0]!;
  await connectAll(id, owner);
  return { id, email, token: await tokenFor(id), owner };
}

/** Puts a history at the sandbox for one person, split across the providers as recorded. */
export async function giveHistory(world: World, person: Person, records: number, seed: number, endMs = Date.now()): Promise<number> {
  const items = wireHistory(historyOf({ records, days: 3650, endMs, seed }));
  let total = 0;
  for (const [provider, list] of Object.entries(items) as [ProviderId, unknown[]][]) {
    // Terra knows our user by the reference id its widget was opened with.
    const owner = provider === "terra" ? person.id : person.owner;
    for (let start = 0; start < list.length; start += 5_000) await addActivities(world.sandbox.url, provider, list.slice(start, start + 5_000), owner);
    total += list.length;
  }
  return total;
}

export async function sync(world: World, person: Person, provider?: string): Promise<{ results: Record<string, { inserted: number; error: string | null }> }> {
  const response = await fetch(`${world.server.url}/api/sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${person.token}`, "content-type": "application/json" },
    body: provider ? JSON.stringify({ provider }) : "",
  });
  if (!response.ok) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { results: Record<string, { inserted: number; error: string | null }> };
}

/** A browser session for pages (the dashboard), through the real sign-in. */
export async function sessionCookie(world: World, person: Person): Promise<string> {
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
