import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { synthetic } from "@/lib/providers/synthetic";
import { getJobQueue } from "@/lib/background/queue";
import { testPostgresUrl } from "@/test/postgres";
import { createPgBossQueue } from "./pg-boss-queue";
import { createTestApp, type TestApp } from "@/test/test-app";
import { acquireLease, releaseLease, renewLease, withLease } from "./leases";
import { backoff, RetryLater, Worker } from "./worker";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterAll(async () => app.close());

const until = async (check: () => Promise<boolean> | boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
};

describe("the job queue", () => {
  it("queues one job per key while one is pending, and moves it earlier, never later", async () => {
    const queue = getJobQueue();
    const later = new Date(Date.now() + 60_000);
    const first = await queue.enqueue("sync", { n: 1 }, { key: "k1", runAt: later });
    const again = await queue.enqueue("sync", { n: 2 }, { key: "k1", runAt: new Date(Date.now() + 120_000) });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await queue.latest("k1"))!.runAt.getTime()).toBe(later.getTime());
    await queue.enqueue("sync", { n: 3 }, { key: "k1" });
    expect((await queue.latest("k1"))!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await queue.latest("k1"))!.payload).toEqual({ n: 1 });
  });

  it("queues what is asked for while a job of the same key runs, once, after it", async () => {
    const queue = getJobQueue();
    const first = await queue.enqueue("rerun-test", { n: 1 }, { key: "rerun" });
    const running = (await queue.claim("w", ["rerun-test"], 5000))!;
    expect(running.id).toBe(first.id);
    const meanwhile = await queue.enqueue("rerun-test", { n: 2 }, { key: "rerun" });
    expect(meanwhile.created).toBe(true);
    expect(await queue.enqueue("rerun-test", { n: 3 }, { key: "rerun" })).toEqual({ id: meanwhile.id, created: false });
    expect((await queue.pending(["rerun"])).map((job) => job.status).sort()).toEqual(["queued", "running"]);
    await queue.complete(running.id, "w");
    expect(await queue.claim("w", ["rerun-test"], 5000)).toMatchObject({ id: meanwhile.id, payload: { n: 2 } });
  });

  it("gives a due job to one worker at a time, and again to another when its lease runs out", async () => {
    const queue = getJobQueue();
    await queue.enqueue("claim-test", { x: 1 }, { key: "claim" });
    const first = await queue.claim("a", ["claim-test"], 200);
    expect(first).toMatchObject({ kind: "claim-test", status: "running", attempts: 1 });
    expect(await queue.claim("b", ["claim-test"], 200)).toBeNull();
    await sleep(250);
    const second = await queue.claim("b", ["claim-test"], 200);
    expect(second).toMatchObject({ id: first!.id, attempts: 2 });
    // The first owner lost it: its heartbeat, progress and outcome no longer count.
    expect(await queue.heartbeat(first!.id, "a", 1000)).toBe(false);
    await queue.complete(first!.id, "a");
    expect((await queue.latest("claim"))!.status).toBe("running");
    await queue.complete(second!.id, "b");
    expect((await queue.latest("claim"))!.status).toBe("done");
  });

  it("retries with backoff, stops after the last attempt, and re-queues a rate limit without spending one", async () => {
    const queue = getJobQueue();
    const { id } = await queue.enqueue("flaky", {}, { key: "flaky", maxAttempts: 2 });
    let job = (await queue.claim("w", ["flaky"], 1000))!;
    await queue.fail(id, "w", "first", new Date(Date.now() - 1), { counts: false });
    job = (await queue.claim("w", ["flaky"], 1000))!;
    expect(job.attempts).toBe(1);
    await queue.fail(id, "w", "second", new Date(Date.now() - 1));
    job = (await queue.claim("w", ["flaky"], 1000))!;
    expect(job.attempts).toBe(2);
    await queue.fail(id, "w", "third", null);
    expect(await queue.latest("flaky")).toMatchObject({ status: "failed", lastError: "third" });
    expect(backoff(1, () => 0.5)).toBe(30_000);
    expect(backoff(3, () => 0.5)).toBe(120_000);
    expect(backoff(20, () => 0.5)).toBe(3_600_000);
  });
});

describe.runIf(Boolean(testPostgresUrl))("the queue on PostgreSQL (pg-boss)", () => {
  it("wakes the workers of every process when any process queues a job", async () => {
    const here = createPgBossQueue(app.databaseUrl);
    const elsewhere = createPgBossQueue(app.databaseUrl);
    try {
      let woken = 0;
      const unsubscribe = here.onEnqueue!(() => woken++);
      await sleep(500);
      await elsewhere.enqueue("wake-test", { n: 1 }, { key: "wake" });
      await until(() => woken > 0, 5000);
      unsubscribe();
    } finally {
      await here.stop();
      await elsewhere.stop();
    }
  });

  it("keeps a job's lease only while its worker renews it, and a dead owner's job is due at once", async () => {
    const queue = getJobQueue();
    await queue.enqueue("lease-test", {}, { key: "lease" });
    const job = (await queue.claim("localhost:999999:dead", ["lease-test"], 60_000))!;
    expect(await queue.heartbeat(job.id, "localhost:999999:dead", 60_000)).toBe(true);
    expect(await queue.claim("other", ["lease-test"], 1000)).toBeNull();
    expect(await queue.reclaim((owner) => owner === "localhost:999999:dead")).toBe(1);
    expect(await queue.claim("other", ["lease-test"], 1000)).toMatchObject({ id: job.id, attempts: 2 });
  });
});

describe("the worker", () => {
  it("runs handlers, reports progress, retries failures and records the outcome", async () => {
    const queue = getJobQueue();
    const seen: string[] = [];
    const worker = new Worker(
      queue,
      {
        ok: async (payload, { progress }) => {
          await progress({ done: 1, total: 2, unit: "months" });
          seen.push((payload as { name: string }).name);
        },
        broken: async () => {
          throw new AppError("provider_unavailable", "Strava had a server error (HTTP 500).");
        },
        later: async () => {
          throw new RetryLater("busy", new Date(Date.now() + 60_000));
        },
      },
      { pollMs: 20, log: () => undefined },
    );
    await queue.enqueue("ok", { name: "one" }, { key: "w-ok" });
    await queue.enqueue("broken", {}, { key: "w-broken", maxAttempts: 3 });
    await queue.enqueue("later", {}, { key: "w-later" });
    worker.start();
    await until(async () => (await queue.latest("w-ok"))?.status === "done");
    await until(async () => (await queue.latest("w-broken"))?.attempts === 1 && (await queue.latest("w-broken"))?.status === "queued");
    await until(async () => (await queue.latest("w-later"))?.status === "queued" && (await queue.latest("w-later"))?.lastError === "busy");
    await worker.stop();
    expect(seen).toEqual(["one"]);
    expect(await queue.latest("w-ok")).toMatchObject({ progress: { done: 1, total: 2, unit: "months" } });
    const broken = (await queue.latest("w-broken"))!;
    expect(broken.lastError).toBe("Strava had a server error (HTTP 500).");
    expect(broken.runAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect((await queue.latest("w-later"))!.attempts).toBe(0);
  });
});

describe("leases", () => {
  it("are held by one owner until released or run out, and renewed only by their owner", async () => {
    expect(await acquireLease("l1", "a", 200)).toBe(true);
    expect(await acquireLease("l1", "b", 200)).toBe(false);
    expect(await renewLease("l1", "b", 200)).toBe(false);
    expect(await renewLease("l1", "a", 200)).toBe(true);
    await releaseLease("l1", "b");
    expect(await acquireLease("l1", "b", 200)).toBe(false);
    await sleep(250);
    expect(await acquireLease("l1", "b", 200)).toBe(true);
    await releaseLease("l1", "b");
    expect(await acquireLease("l1", "a", 200)).toBe(true);
  });

  it("let one of many concurrent callers work at a time", async () => {
    let inside = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        withLease("l2", { ttlMs: 5000, waitMs: 5000, pollMs: 5 }, async () => {
          most = Math.max(most, ++inside);
          await sleep(10);
          inside--;
        }),
      ),
    );
    expect(results.every((r) => r.held)).toBe(true);
    expect(most).toBe(1);
    expect(await withLease("l2", { ttlMs: 1000 }, async () => 1)).toEqual({ held: true, value: 1 });
  });
});
