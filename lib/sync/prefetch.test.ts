import { describe, expect, it } from "vitest";
import { prefetch } from "./prefetch";

/** A source that records how far it has been pulled, and can be held at a given item. */
function source(count: number, options: { failAt?: number } = {}) {
  const log: string[] = [];
  let closed = false;
  async function* items() {
    try {
      for (let i = 0; i < count; i++) {
        await Promise.resolve();
        if (i === options.failAt) throw new Error(`failed at ${i}`);
        log.push(`produced ${i}`);
        yield i;
      }
    } finally {
      closed = true;
    }
  }
  return { items: items(), log, closed: () => closed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("prefetch", () => {
  it("hands out every item in order", async () => {
    const { items } = source(10);
    const seen: number[] = [];
    for await (const item of prefetch(items, 3)) seen.push(item);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps producing while the consumer works, up to its capacity and no further", async () => {
    const { items, log } = source(10);
    const iterator = prefetch(items, 3)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(0);
    await settle();
    // Item 0 is with the consumer; items 1, 2 and 3 wait; item 4 is not asked for yet.
    expect(log).toEqual(["produced 0", "produced 1", "produced 2", "produced 3"]);
    expect((await iterator.next()).value).toBe(1);
    await settle();
    expect(log.at(-1)).toBe("produced 4");
    await iterator.return(undefined);
  });

  it("delivers the items produced before a failure, then the failure", async () => {
    const { items } = source(10, { failAt: 4 });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of prefetch(items, 2)) {
          await settle();
          seen.push(item);
        }
      })(),
    ).rejects.toThrow("failed at 4");
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it("stops pulling and closes the source when the consumer stops early", async () => {
    const { items, log, closed } = source(100);
    for await (const item of prefetch(items, 2)) {
      if (item === 1) break;
    }
    expect(closed()).toBe(true);
    expect(log.length).toBeLessThanOrEqual(4);
  });

  it("closes the source when the consumer throws", async () => {
    const { items, closed } = source(100);
    await expect(
      (async () => {
        for await (const item of prefetch(items, 2)) if (item === 2) throw new Error("write failed");
      })(),
    ).rejects.toThrow("write failed");
    expect(closed()).toBe(true);
  });
});
