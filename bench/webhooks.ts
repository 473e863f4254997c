/**
 * Webhooks against `next start` on 127.0.0.1, with the app's own worker running inside it:
 *
 * - acknowledgement: autocannon POSTs deliveries at 200 a second, each a different one, built and
 *   signed by the sandbox modules of every provider that pushes (round robin), so every receiver's
 *   check is on the path; p95 of the answers, bounded in count (and so in time);
 * - arrival: a workout recorded at the sandbox, whose provider's webhook goes to the app, until it
 *   is in GET /api/activities, for every provider that pushes, one after the other.
 *
 * One person is connected to every provider through the real consent flow beforehand.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { getStore } from "@/lib/db";
import { getProviderCatalog } from "@/lib/providers";
import { recordActivity, setWebhookTarget } from "@/sandbox/control-client";
import { recipients, workoutEndingNow } from "@/sandbox/push";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { applyEnv, benchEnv, connectAll, createPerson, tokenFor } from "./people";
import { median, percentile, round, startServer, type Figure, type Server } from "./support";

const RATE = 200;
const WARM_UP = 400;
const PER_RUN = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 2_000);
const RUNS = 3;
/** Recorded workouts per provider for the arrival figure. */
const ARRIVALS_EACH = Number(process.env.BENCH_WEBHOOK_ARRIVALS ?? 8);
const ARRIVAL_LIMIT_MS = 30_000;

interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Deliveries the providers would send about workouts that just ended, for this person, in provider order. */
function deliveries(sandbox: Sandbox, owner: string, count: number): Delivery[] {
  const providers = [...sandbox.state.pushes.keys()];
  const list: Delivery[] = [];
  for (let n = 0; list.length < count; n++) {
    const provider = providers[n % providers.length]!;
    const push = sandbox.state.pushes.get(provider)!;
    const [account] = recipients(sandbox.state, provider, owner);
    if (!account) throw new Error(`${provider}: the bench person has no account at the sandbox`);
    const item = push.item(workoutEndingNow(provider), account);
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
        method: "POST",
        setupRequest: (request) => {
          const delivery = list[next++ % list.length]!;
          return { ...request, method: "POST", path: delivery.path, headers: delivery.headers, body: delivery.body };
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
    const response = await fetch(`${server.url}/api/activities?provider=${provider}&limit=5`, { headers: { authorization: `Bearer ${token}` } });
    const feed = (await response.json()) as FeedAnswer;
    if (feed.items.some((item) => item.providerActivityId === recorded.id || item.alsoOn.some((copy) => copy.id === recorded.id))) return performance.now() - started;
    if (performance.now() - started > ARRIVAL_LIMIT_MS) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function webhookFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-webhooks-"));
  const sandbox = await startSandbox({ port: 0, withDataset: false, unlimitedRates: true });
  let server: Server | undefined;
  try {
    const env = { ...benchEnv(path.join(dir, "webhooks.db"), sandbox.url), PIERRE_REQUEST_BUDGETS: "off", PIERRE_SYNC_BACKFILL_DAYS: "30", PIERRE_SYNC_INTERVAL_MINUTES: "1440" };
    applyEnv(env);
    const userId = await createPerson("webhooks@bench.test");
    // The person's id is the name on every consent page (and Terra's reference id): one owner everywhere.
    await connectAll(userId, userId);
    const token = await tokenFor(userId);
    const pushing = getProviderCatalog().registry.supportedProviders().filter((id) => sandbox.state.pushes.has(id));
    server = await startServer(env);
    await setWebhookTarget(sandbox.url, server.url);
    await settle(120_000);

    console.log(`  acknowledgement: ${RUNS} × ${PER_RUN} deliveries at ${RATE}/s from ${pushing.length} providers…`);
    await fire(server, deliveries(sandbox, userId, WARM_UP));
    const runs: { p95: number; p50: number; non2xx: number; errors: number; rate: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      await settle(180_000);
      const result = await fire(server, deliveries(sandbox, userId, PER_RUN));
      runs.push({ p95: percentile(result.times, 95), p50: percentile(result.times, 50), non2xx: result.non2xx, errors: result.errors, rate: PER_RUN / result.seconds });
      console.log(`  run ${run + 1}: p95 ${round(runs.at(-1)!.p95)} ms, p50 ${round(runs.at(-1)!.p50)} ms, ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    const drained = await settle(300_000);

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
    const ackP95 = round(median(runs.map((r) => r.p95)));
    const arrivalP95 = round(percentile(times, 95) / 1000, 2);
    return [
      {
        name: `webhook acknowledgement at ${RATE} deliveries/s (${pushing.length} providers' signed deliveries, worker running), p95`,
        value: ackP95,
        unit: "ms",
        target: "≤ 50 ms",
        pass: ackP95 <= 50 && runs.every((r) => r.non2xx === 0 && r.errors === 0),
        detail: `median of ${RUNS} runs of ${PER_RUN}: p95 ${runs.map((r) => round(r.p95)).join(" / ")} ms, p50 ${round(median(runs.map((r) => r.p50)))} ms, ${round(median(runs.map((r) => r.rate)), 0)} req/s achieved, ${runs.reduce((s, r) => s + r.non2xx, 0)} non-2xx, ${runs.reduce((s, r) => s + r.errors, 0)} errors; the worker then took ${round(drained / 1000, 1)} s to finish their jobs`,
      },
      {
        name: "from the sandbox's webhook to the workout in /api/activities, p95",
        value: arrivalP95,
        unit: "s",
        target: "≤ 5 s",
        pass: arrivalP95 <= 5,
        detail: `${times.length} workouts, ${ARRIVALS_EACH} at each of ${pushing.join(", ")}; median ${round(median(times))} ms, max ${round(Math.max(...times))} ms (slowest provider ${slowest[0]}, ${round(slowest[1])} ms)`,
      },
    ];
  } finally {
    await server?.stop();
    await sandbox.close();
    await getStore().close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
