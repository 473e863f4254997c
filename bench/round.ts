/**
 * A scheduled round for 1,000 connected people against the sandbox, with every provider's published
 * request limits enforced by the app (the sandbox reports its usage headers as the real APIs do).
 * Each person has two connections, spread over the registered providers. The round is what the
 * schedule does every PIERRE_SYNC_INTERVAL_MINUTES: every connection is due, the worker syncs them.
 *
 * Reports how long the round took for the connections whose provider's limits allow it within the
 * bench's cap, how many are waiting for a limit (and until when), and, from the sandbox's request
 * log, the most requests any provider counted in one window of each of its limits (as it counts
 * them: on the clock, from a first request, or over any stretch): none may exceed the limit.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getJobQueue } from "@/lib/background/queue";
import { scheduleDueSyncs } from "@/lib/background/scheduler";
import { jobHandlers } from "@/lib/background/index";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { getStore } from "@/lib/db";
import { Worker } from "@/lib/jobs/worker";
import { getProviderCatalog } from "@/lib/providers";
import { mostInOneWindow } from "@/lib/providers/rate-limit";
import type { RequestLimit } from "@/lib/providers/types";
import { startSandbox } from "@/sandbox/server";
import { decideConsent } from "@/test/sandbox";
import { applyEnv, benchEnv, createPerson } from "./people";
import { round, type Figure } from "./support";

const PEOPLE = Number(process.env.BENCH_ROUND_PEOPLE ?? 1000);
const CONNECTIONS_EACH = 2;
/** The round is watched this long; what a limit holds back longer is reported with its time. */
const CAP_MS = Number(process.env.BENCH_ROUND_CAP_SECONDS ?? 180) * 1000;
const CONCURRENCY = Number(process.env.PIERRE_WORKER_CONCURRENCY ?? 4) || 4;

export async function roundFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-round-"));
  const sandbox = await startSandbox({ port: 0, withDataset: true });
  try {
    // Connecting is not part of the round: budgets are off while 2,000 consents are given.
    applyEnv({ ...benchEnv(path.join(dir, "round.db"), sandbox.url), PIERRE_REQUEST_BUDGETS: "off", PIERRE_SYNC_BACKFILL_DAYS: "30" });
    const { registry } = getProviderCatalog();
    const roster = registry.supportedProviders();
    console.log(`  connecting ${PEOPLE} people × ${CONNECTIONS_EACH} of ${roster.length} providers…`);
    for (let n = 0; n < PEOPLE; n++) {
      const userId = await createPerson(`round-${n}@bench.test`);
      for (let k = 0; k < CONNECTIONS_EACH; k++) {
        const provider = roster[(n * CONNECTIONS_EACH + k) % roster.length]!;
        const start = await startConnect(registry, userId, provider);
        if (start.kind !== "redirect") continue;
        const callback = await decideConsent(start.url, "authorize", { athlete: `round-${n}`, provider: "GARMIN" });
        await completeConnect(registry, userId, provider, callback.searchParams);
      }
      if ((n + 1) % 250 === 0) console.log(`    ${n + 1} people`);
    }
    // Every history is already imported: the round is the incremental sync the schedule runs.
    const store = getStore();
    await store.transaction(async (tx) => {
      await tx.query("DELETE FROM jobs");
      await tx.query("DELETE FROM rate_limits");
      await tx.query("UPDATE provider_connections SET backfill_done_at = ?, backfill_reached = backfill_from, next_sync_at = ?", [Date.now(), Date.now() - 1000]);
    });
    const connections = Number((await store.query<{ n: number }>("SELECT count(*) AS n FROM provider_connections"))[0]?.n ?? 0);
    applyEnv({ PIERRE_REQUEST_BUDGETS: "on" });
    const logStart = sandbox.state.requests.length;

    const started = Date.now();
    const queued = await scheduleDueSyncs(new Date(started));
    const worker = new Worker(getJobQueue(), jobHandlers, { concurrency: CONCURRENCY, pollMs: 100 });
    worker.start();
    let finishedAt = started;
    let counts: Record<string, number> = {};
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      // A sync held back past the cap is reported as waiting; one due within it is waited for.
      const rows = await store.query<{ status: string; waiting: number; n: number }>(
        "SELECT status, (status = 'queued' AND run_at > ?) AS waiting, count(*) AS n FROM jobs WHERE kind = 'sync' GROUP BY status, waiting",
        [started + CAP_MS],
      );
      counts = Object.fromEntries(rows.map((r) => [`${r.status}${Number(r.waiting) ? " (waiting for a limit)" : ""}`, Number(r.n)]));
      const active = rows.filter((r) => (r.status === "queued" && !Number(r.waiting)) || r.status === "running").reduce((sum, r) => sum + Number(r.n), 0);
      if (active === 0) {
        finishedAt = Date.now();
        break;
      }
      if (Date.now() - started > CAP_MS) {
        finishedAt = Date.now();
        break;
      }
    }
    await worker.stop();

    const done = counts.done ?? 0;
    const waiting = counts["queued (waiting for a limit)"] ?? 0;
    const failed = counts.failed ?? 0;
    const [latest] = await store.query<{ at: number | null }>("SELECT max(run_at) AS at FROM jobs WHERE kind = 'sync' AND status = 'queued'");
    const resumesInMin = latest?.at ? round((Number(latest.at) - finishedAt) / 60_000, 0) : 0;

    // What each provider received during the round, against each of its published limits.
    const log = sandbox.state.requests.slice(logStart);
    const exceeded: string[] = [];
    const busiest: string[] = [];
    for (const id of roster) {
      const limits: readonly RequestLimit[] = registry.getDefinition(id)?.requestLimits ?? [];
      const times = log
        .filter((r) => r.provider === id)
        .map((r) => Date.parse(r.at))
        .sort((a, b) => a - b);
      for (const limit of limits.filter((l) => l.scope === "app")) {
        // Counted as the provider counts: on the clock, from a first request, or over any stretch.
        const most = mostInOneWindow(times, limit);
        busiest.push(`${id} ${most}/${limit.requests} per ${limit.perSeconds} s (${limit.window ?? "rolling"})`);
        if (most > limit.requests) exceeded.push(`${id}: ${most} > ${limit.requests} per ${limit.perSeconds} s`);
      }
    }
    const seconds = round((finishedAt - started) / 1000, 1);
    console.log(`  round: ${queued} syncs queued for ${connections} connections; ${JSON.stringify(counts)} after ${seconds} s`);
    console.log(`  busiest windows: ${busiest.join("; ")}`);
    return [
      {
        name: `scheduled round, ${PEOPLE} people × ${CONNECTIONS_EACH} connections, ${CONCURRENCY} concurrent syncs: time until every sync the limits allow is done`,
        value: seconds,
        unit: "s",
        target: "report",
        pass: failed === 0,
        detail: `${done} synced, ${waiting} waiting for an app-wide limit${waiting ? ` (the last resumes in ${resumesInMin} min)` : ""}, ${failed} failed`,
      },
      {
        name: "requests over any provider's published app-wide limit during the round",
        value: exceeded.length,
        unit: "windows",
        target: "0",
        pass: exceeded.length === 0,
        detail: busiest.join("; "),
      },
    ];
  } finally {
    await getStore().close();
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
