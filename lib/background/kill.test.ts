import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { findConnection } from "@/lib/db/queries";
import { requests, reset, setLatency } from "@/sandbox/control-client";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { startBackgroundWork } from ".";
import { getJobQueue, requestSync } from "./queue";

/**
 * A worker killed with SIGKILL in the middle of a history import: the job is taken over and the
 * import finishes from the last month it recorded, with nothing stored twice and nothing missing.
 */
let env: Awaited<ReturnType<typeof createSandboxedApp>>;
beforeAll(async () => {
  env = await createSandboxedApp({ PIERRE_SYNC_BACKFILL_DAYS: "360", PIERRE_SYNC_INTERVAL_MINUTES: "1440" });
});
afterAll(async () => env.close());

async function connect(provider: string): Promise<{ userId: string; connectionId: string }> {
  const userId = await env.app.createUser();
  const start = await startConnect(env.app.catalog.registry, userId, provider);
  if (start.kind !== "redirect") throw new Error("expected a redirect");
  await completeConnect(env.app.catalog.registry, userId, provider, (await decideConsent(start.url, "authorize", { athlete: userId })).searchParams);
  return { userId, connectionId: (await findConnection(userId, provider))!.id };
}

function childWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("test/worker-process.ts")], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the worker exited early (${code})`)));
  });
}

const until = async (check: () => Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(50);
  }
};

const count = async (userId: string) => Number((await env.app.sql<{ n: number }>("select count(*) as n from activities where user_id = ?", [userId]))[0]!.n);

describe("a worker killed mid-job", () => {
  it("leaves a history import that another worker finishes: each month fetched once more at most, nothing twice, nothing lost", async () => {
    await reset(env.sandbox.url);
    // The reference: the same history imported without interruption.
    const clean = await connect("strava");
    const { syncConnection } = await import("@/lib/sync/engine");
    await syncConnection(env.app.catalog.registry, clean.connectionId, env.app.syncSettings);
    const expected = await count(clean.userId);
    expect(expected).toBeGreaterThan(20);

    const { userId, connectionId } = await connect("strava");
    await setLatency(env.sandbox.url, "strava", 300);
    await requestSync({ connectionId, reason: "connected" });
    const child = await childWorker();
    // Killed once it has recorded a month or two of the twelve.
    await until(async () => Boolean((await findConnection(userId, "strava"))?.backfillReached), 20_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const atKill = (await findConnection(userId, "strava"))!;
    const reachedAtKill = atKill.backfillReached!.getTime();
    expect(atKill.backfillDoneAt).toBeNull();
    expect(await count(userId)).toBeLessThan(expected);
    const job = (await getJobQueue().latest(`sync:${connectionId}`))!;
    expect(job.status).toBe("running");

    await setLatency(env.sandbox.url, "strava", 0);
    const before = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "/athlete/activities" })).length;
    const work = startBackgroundWork({ pollMs: 20, schedulerTickMs: 3_600_000 });
    try {
      await until(async () => (await getJobQueue().latest(`sync:${connectionId}`))?.status === "done", 30_000);
    } finally {
      await work.stop();
    }
    const connection = (await findConnection(userId, "strava"))!;
    expect(connection.backfillDoneAt).not.toBeNull();
    expect(await count(userId)).toBe(expected);
    const [{ n }] = (await env.app.sql<{ n: number }>(
      "select count(*) as n from (select provider_activity_id from activities where user_id = ? group by provider_activity_id having count(*) > 1) duplicates",
      [userId],
    )) as [{ n: number }];
    expect(Number(n)).toBe(0);
    // The takeover resumed where the killed worker had got to: no month newer than that was asked for again.
    const resumed = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "/athlete/activities" })).slice(before);
    const befores = resumed.map((r) => Number(new URLSearchParams(r.query).get("before")) * 1000).filter((b) => b > 0);
    expect(befores.length).toBeGreaterThan(0);
    expect(Math.max(...befores)).toBeLessThanOrEqual(reachedAtKill + 1000);
  }, 90_000);
});
