/**
 * Webhooks against `next start` on 127.0.0.1:
 *
 * - acknowledgement: autocannon POSTs deliveries at 200 a second, each a different one, built and
 *   signed by the sandbox modules of every provider that pushes (round robin), so every receiver's
 *   check is on the path; p95 of the answers, bounded in count (and so in time). Measured with the
 *   worker on another machine (the web process with PIERRE_RUN_WORKER=0 and no worker on these two
 *   cores while the deliveries arrive; one drains the queue afterwards, and every delivery's job must
 *   have run), with the worker in a process of its own on the same cores (`npm run worker`), and
 *   inside the web process (the default), each beside /api/health at the same rate as a reference,
 *   because the machine is shared;
 * - arrival: a workout recorded at the sandbox, whose provider's webhook goes to the app, until it
 *   is in GET /api/activities, for every provider that pushes, one after the other.
 *
 * One person is connected to every provider through the real consent flow beforehand.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { getStore } from "@/lib/db";
import { getProviderCatalog } from "@/lib/providers";
import { receiveWebhook } from "@/lib/webhooks/receive";
import { recordActivity, setWebhookTarget } from "@/sandbox/control-client";
import { recipients, workoutEndingNow } from "@/sandbox/push";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { applyEnv, benchEnv, connectAll, createPerson, tokenFor } from "./people";
import { median, percentile, root, round, startServer, type Figure, type Server } from "./support";

const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 200);
const WARM_UP = 400;
const PER_RUN = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 1_500);
const RUNS = 3;
/** How long the worker is given to finish the previous deliveries' jobs before the next run. */
const SETTLE_MS = 120_000;
/** Recorded workouts per provider for the arrival figure. */
const ARRIVALS_EACH = Number(process.env.BENCH_WEBHOOK_ARRIVALS ?? 8);
const ARRIVAL_LIMIT_MS = 30_000;

interface Delivery {
  method?: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

const sports = ["run", "ride", "swim", "walk", "hike", "strength"] as const;
/** Workouts a quarter of an hour apart, going back: as a person's history is, not thousands of copies of one moment. */
let recordedBack = 0;

/** Deliveries the providers would send about new workouts, for this person, in provider order. */
function deliveries(sandbox: Sandbox, owner: string, count: number): Delivery[] {
  const providers = [...sandbox.state.pushes.keys()];
  const list: Delivery[] = [];
  for (let n = 0; list.length < count; n++) {
    const provider = providers[n % providers.length]!;
    const push = sandbox.state.pushes.get(provider)!;
    const [account] = recipients(sandbox.state, provider, owner);
    if (!account) throw new Error(`${provider}: the bench person has no account at the sandbox`);
    recordedBack += 1;
    const item = push.item(workoutEndingNow(provider, sports[recordedBack % sports.length], Date.now() - recordedBack * 15 * 60_000), account);
    // Read the way the provider's timeline reads it, then taken out again: the sandbox does not keep
    // thousands of extra workouts (a delivery that names one finds it gone, which is work too).
    const timeline = sandbox.state.timeline(provider)!;
    const { entry } = timeline.upsert([item], { owner: account.owner, uploadedNow: true })[0]!;
    timeline.remove([entry.id]);
    for (const request of push.deliveries({ kind: "created", account, entry }, { forged: false })) {
      list.push({ path: new URL(request.url ?? `http://x/api/webhooks/${provider}`).pathname, headers: { "content-type": "application/json", ...request.headers }, body: request.body });
    }
  }
  return list.slice(0, count);
}

async function fire(server: Server, list: Delivery[]): Promise<{ times: number[]; non2xx: number; errors: number; seconds: number }> {
  const times: number[] = [];
  let next = 0;
  const instance = autocannon({
    url: server.url,
    connections: 16,
    overallRate: RATE,
    amount: list.length,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const delivery = list[next++ % list.length]!;
          const method = delivery.method ?? "POST";
          return { ...request, method, path: delivery.path, headers: delivery.headers, ...(method === "POST" ? { body: delivery.body } : {}) };
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  return { times, non2xx: result.non2xx, errors: result.errors + result.timeouts, seconds: result.duration };
}

/** Waits until the worker has nothing queued or running (the jobs the deliveries made). */
async function settle(limitMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [row] = await getStore().query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running') AND run_at <= ?", [Date.now()]);
    if (Number(row?.n ?? 0) === 0 || Date.now() - started > limitMs) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface FeedAnswer {
  items: { providerActivityId: string; alsoOn: { id: string }[] }[];
}

/** Milliseconds from the sandbox sending the webhook until the workout is in the person's feed. */
async function arrival(server: Server, sandbox: Sandbox, token: string, provider: string, owner: string): Promise<number> {
  const started = performance.now();
  const recorded = await recordActivity(sandbox.url, provider, owner);
  if (recorded.webhooks.some((webhook) => webhook.status !== 200)) throw new Error(`${provider}'s webhook was answered ${recorded.webhooks.map((w) => w.status).join(", ")}`);
  for (;;) {
    // The feed is ordered by start: a long workout that just ended starts before shorter ones recorded earlier.
    const response = await fetch(`${server.url}/api/activities?provider=${provider}&limit=100`, { headers: { authorization: `Bearer ${token}` } });
    const feed = (await response.json()) as FeedAnswer;
    if (feed.items.some((item) => item.providerActivityId === recorded.id || item.alsoOn.some((copy) => copy.id === recorded.id))) return performance.now() - started;
    if (performance.now() - started > ARRIVAL_LIMIT_MS) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The background worker as `npm run worker` runs it, beside a web process started with PIERRE_RUN_WORKER=0. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running jobs")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the worker exited early (${code})`)));
  });
}

interface AckRun {
  p95: number;
  p50: number;
  healthP95: number;
  non2xx: number;
  errors: number;
  rate: number;
}

/** Jobs queued or running (what the deliveries left for the worker). */
async function pendingJobs(): Promise<number> {
  const [row] = await getStore().query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')");
  return Number(row?.n ?? 0);
}

/** Warm-up, then RUNS runs of PER_RUN deliveries at RATE, each after /api/health at the same rate as a reference. */
async function acknowledgementRuns(server: Server, sandbox: Sandbox, owner: string, options: { settleBetween?: boolean } = {}): Promise<{ runs: AckRun[]; drainedMs: number }> {
  await fire(server, deliveries(sandbox, owner, WARM_UP));
  const runs: AckRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (options.settleBetween !== false) await settle(SETTLE_MS);
    const health = await fire(server, Array.from({ length: PER_RUN }, () => ({ method: "GET", path: "/api/health", headers: {}, body: "" })));
    const result = await fire(server, deliveries(sandbox, owner, PER_RUN));
    runs.push({
      p95: percentile(result.times, 95),
      p50: percentile(result.times, 50),
      healthP95: percentile(health.times, 95),
      non2xx: result.non2xx,
      errors: result.errors,
      rate: PER_RUN / result.seconds,
    });
    const last = runs.at(-1)!;
    console.log(`  run ${run + 1}: p95 ${round(last.p95)} ms, p50 ${round(last.p50)} ms (/api/health p95 ${round(last.healthP95)} ms), ${last.non2xx} non-2xx, ${last.errors} errors`);
  }
  return { runs, drainedMs: options.settleBetween === false ? 0 : await settle(SETTLE_MS) };
}

function ackFigure(label: string, providers: number, { runs, drainedMs }: { runs: AckRun[]; drainedMs: number }): Figure {
  const p95 = round(median(runs.map((r) => r.p95)));
  return {
    name: `webhook acknowledgement at ${RATE} deliveries/s (${providers} providers' real deliveries), ${label}, p95`,
    value: p95,
    unit: "ms",
    target: "≤ 50 ms",
    pass: p95 <= 50 && runs.every((r) => r.non2xx === 0 && r.errors === 0),
    detail:
      `median of ${RUNS} runs of ${PER_RUN}: p95 ${runs.map((r) => round(r.p95)).join(" / ")} ms, p50 ${round(median(runs.map((r) => r.p50)))} ms, ` +
      `${round(median(runs.map((r) => r.rate)), 0)} req/s achieved, ${runs.reduce((sum, r) => sum + r.non2xx, 0)} non-2xx, ${runs.reduce((sum, r) => sum + r.errors, 0)} errors; ` +
      `/api/health at the same rate just before: p95 ${round(median(runs.map((r) => r.healthP95)))} ms; the worker finished the deliveries' jobs ${round(drainedMs / 1000, 1)} s after the last run`,
  };
}

export async function webhookFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-webhooks-"));
  const sandbox = await startSandbox({ port: 0, withDataset: false, unlimitedRates: true });
  let server: Server | undefined;
  let worker: ChildProcess | undefined;
  try {
    const env = { ...benchEnv(path.join(dir, "webhooks.db"), sandbox.url), PIERRE_REQUEST_BUDGETS: "off", PIERRE_SYNC_BACKFILL_DAYS: "30", PIERRE_SYNC_INTERVAL_MINUTES: "1440" };
    applyEnv(env);
    const userId = await createPerson("webhooks@bench.test");
    // The person's id is the name on every consent page (and Terra's reference id): one owner everywhere.
    await connectAll(userId, userId);
    const token = await tokenFor(userId);
    const pushing = getProviderCatalog().registry.supportedProviders().filter((id) => sandbox.state.pushes.has(id));

    // The receiver's own work, in this process without HTTP: what the server adds is the rest.
    const inProcess: number[] = [];
    const { registry } = getProviderCatalog();
    for (const delivery of deliveries(sandbox, userId, 2_000)) {
      const started = performance.now();
      const answer = await receiveWebhook(registry, delivery.path.split("/").pop()!, new Request(`http://127.0.0.1${delivery.path}`, { method: "POST", headers: delivery.headers, body: delivery.body }));
      if (answer.status !== 200) throw new Error(`the receiver answered ${answer.status} in process`);
      inProcess.push(performance.now() - started);
    }

    console.log(`  acknowledgement, the worker on another machine: ${RUNS} × ${PER_RUN} deliveries at ${RATE}/s from ${pushing.length} providers…`);
    server = await startServer({ ...env, PIERRE_RUN_WORKER: "0" });
    await setWebhookTarget(sandbox.url, server.url);
    const queuedBefore = await pendingJobs();
    const elsewhere = await acknowledgementRuns(server, sandbox, userId, { settleBetween: false });
    const queuedByRuns = (await pendingJobs()) - queuedBefore;
    // The worker comes to the queue afterwards: every delivery left a job, and each one runs.
    worker = await startWorker(env);
    elsewhere.drainedMs = await settle(SETTLE_MS);
    const leftOver = await pendingJobs();
    worker.kill("SIGTERM");
    worker = undefined;
    await server.stop();

    console.log(`  acknowledgement, the worker in its own process: ${RUNS} × ${PER_RUN} deliveries at ${RATE}/s from ${pushing.length} providers…`);
    server = await startServer({ ...env, PIERRE_RUN_WORKER: "0" });
    worker = await startWorker(env);
    await setWebhookTarget(sandbox.url, server.url);
    await settle(SETTLE_MS);
    const apart = await acknowledgementRuns(server, sandbox, userId);
    worker.kill("SIGTERM");
    await server.stop();

    console.log(`  acknowledgement, the worker inside the web process (the default): ${RUNS} × ${PER_RUN} deliveries at ${RATE}/s…`);
    server = await startServer(env);
    await setWebhookTarget(sandbox.url, server.url);
    await settle(SETTLE_MS);
    const inside = await acknowledgementRuns(server, sandbox, userId);

    console.log(`  arrival: ${ARRIVALS_EACH} workouts recorded at each of ${pushing.length} providers…`);
    const times: number[] = [];
    const perProvider: Record<string, number> = {};
    for (let n = 0; n < ARRIVALS_EACH; n++) {
      for (const provider of pushing) {
        const ms = await arrival(server, sandbox, token, provider, userId);
        times.push(ms);
        perProvider[provider] = Math.max(perProvider[provider] ?? 0, ms);
      }
    }
    const slowest = Object.entries(perProvider).sort((a, b) => b[1] - a[1])[0]!;
    const arrivalP95 = round(percentile(times, 95) / 1000, 2);
    return [
      {
        name: "the receiver's own work per delivery (verify, record, queue), in process without HTTP, p95",
        value: round(percentile(inProcess, 95)),
        unit: "ms",
        target: "report",
        pass: true,
        detail: `${inProcess.length} deliveries one after another from ${pushing.length} providers: p50 ${round(percentile(inProcess, 50))} ms, ${round(inProcess.length / (inProcess.reduce((sum, ms) => sum + ms, 0) / 1000), 0)} deliveries/s`,
      },
      ackFigure("the worker on another machine (none on these cores while they arrive)", pushing.length, elsewhere),
      {
        name: "jobs the deliveries left, all run by the worker afterwards",
        value: queuedByRuns,
        unit: "jobs",
        target: "every one run",
        pass: leftOver === 0 && queuedByRuns > 0,
        detail: `${leftOver} still pending after the worker's ${round(elsewhere.drainedMs / 1000, 1)} s`,
      },
      ackFigure("worker in its own process on the same two cores (npm run worker)", pushing.length, apart),
      ackFigure("worker inside the web process on the same two cores (the default)", pushing.length, inside),
      {
        name: "from the sandbox's webhook to the workout in /api/activities (worker inside the web process), p95",
        value: arrivalP95,
        unit: "s",
        target: "≤ 5 s",
        pass: arrivalP95 <= 5 && times.every(Number.isFinite),
        detail: `${times.length} workouts, ${ARRIVALS_EACH} at each of ${pushing.join(", ")}, one at a time; median ${round(median(times))} ms, max ${round(Math.max(...times))} ms (slowest provider ${slowest[0]}, ${round(slowest[1])} ms)`,
      },
    ];
  } finally {
    worker?.kill("SIGTERM");
    await server?.stop();
    await sandbox.close();
    await getStore().close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
