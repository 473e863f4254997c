import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiterRes } from "rate-limiter-flexible";
import { setStoreForTests } from "@/lib/db";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { DatabaseRateLimiter } from "./rate-limiter";
import { openSqliteStore } from "./store";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterAll(async () => app.close());

describe("rate limits kept in the database", () => {
  it("counts, refuses past the limit with the wait, and forgets after the window", async () => {
    const limiter = new DatabaseRateLimiter({ keyPrefix: "t1", points: 3, duration: 60 });
    for (let i = 0; i < 3; i++) await expect(limiter.consume("k")).resolves.toMatchObject({ remainingPoints: 2 - i });
    const refused = await limiter.consume("k").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(55_000);
    await expect(limiter.consume("other")).resolves.toBeDefined();
    await limiter.delete("k");
    await expect(limiter.consume("k")).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it("blocks for blockDuration once the points are used up", async () => {
    const limiter = new DatabaseRateLimiter({ keyPrefix: "t2", points: 1, duration: 1, blockDuration: 600 });
    await limiter.consume("k");
    const refused = (await limiter.consume("k").catch((e: unknown) => e)) as RateLimiterRes;
    expect(refused.msBeforeNext).toBeGreaterThan(590_000);
  });

  it("is one count for every process on the database", async () => {
    const limiter = new DatabaseRateLimiter({ keyPrefix: "t3", points: 4, duration: 60 });
    await limiter.consume("shared", 3);
    // A second connection to the same file stands for another app process.
    const other = openSqliteStore(app.databasePath);
    setStoreForTests(other, app.databasePath);
    try {
      await expect(new DatabaseRateLimiter({ keyPrefix: "t3", points: 4, duration: 60 }).consume("shared", 2)).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      setStoreForTests(app.store, app.databasePath);
      await other.close();
    }
  });
});
