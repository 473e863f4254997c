import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mostInOneWindow } from "@/lib/providers/rate-limit";
import type { RequestLimit } from "@/lib/providers/types";
import { budgetCounter } from "./budget";

/**
 * The requests a budget lets through, simulated with the counters' own semantics
 * (rate-limiter-flexible's, kept in the database): a counter's window opens at its first request
 * after the last one ran out and admits `points` requests for `seconds`; a clock limit has a
 * counter per clock window.
 */
function admitted(times: readonly number[], limit: RequestLimit): number[] {
  const taken: number[] = [];
  const counters = new Map<string, { opened: number; used: number }>();
  for (const t of times) {
    const counter = budgetCounter(limit, t);
    const key = String(counter.clockWindow?.index ?? "");
    let state = counters.get(key);
    if (!state || t >= state.opened + counter.seconds * 1000) counters.set(key, (state = { opened: t, used: 0 }));
    if (state.used < counter.points) {
      state.used++;
      taken.push(t);
    }
  }
  return taken;
}

const published: RequestLimit[] = [
  { scope: "app", requests: 100, perSeconds: 900, window: "clock" },
  { scope: "app", requests: 1000, perSeconds: 86_400, window: "clock" },
  { scope: "app", requests: 500, perSeconds: 900, window: "first-request" },
  { scope: "app", requests: 100, perSeconds: 60 },
  { scope: "app", requests: 5000, perSeconds: 300, window: "rolling" },
  { scope: "user", requests: 150, perSeconds: 3600, window: "clock" },
];

describe("a provider's published request limit", () => {
  it("is never exceeded as the provider counts it, however requests arrive", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...published),
        // Bursts (a scheduled round, a backfill) of any size at any moment of a few windows.
        fc.array(
          fc.record({ at: fc.double({ min: 0, max: 8, noNaN: true }), share: fc.oneof(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true })) }),
          { minLength: 1, maxLength: 12 },
        ),
        (limit, bursts) => {
          const windowMs = limit.perSeconds * 1000;
          const times = bursts
            .flatMap(({ at, share }) => Array.from({ length: Math.max(1, Math.round(share * limit.requests)) }, (_, i) => Math.floor(at * windowMs) + i))
            .sort((a, b) => a - b);
          expect(mostInOneWindow(admitted(times, limit), limit)).toBeLessThanOrEqual(limit.requests);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("holds a rolling limit where windows of its own length would let twice the limit through", () => {
    // One request opens a window; a round starts just before it closes and goes on after.
    const times = [0, ...Array.from({ length: 400 }, (_, i) => 59_000 + i * 5)];
    const rolling: RequestLimit = { scope: "app", requests: 100, perSeconds: 60 };
    expect(mostInOneWindow(admitted(times, { ...rolling, window: "first-request" }), rolling)).toBeGreaterThan(150);
    expect(mostInOneWindow(admitted(times, rolling), rolling)).toBeLessThanOrEqual(100);
  });

  it("uses the whole of a clock or first-request limit, and most of a rolling one", () => {
    const burst = Array.from({ length: 1000 }, (_, i) => 450_000 + i);
    expect(admitted(burst, published[0]!)).toHaveLength(100);
    expect(admitted(burst, published[2]!)).toHaveLength(500);
    const { points, seconds } = budgetCounter({ requests: 100, perSeconds: 60 });
    expect((points * 60) / seconds).toBeGreaterThanOrEqual(75);
  });

  it("counts a clock limit in the provider's windows: a new quarter hour starts a new count", () => {
    const quarter = 900_000;
    const times = [...Array.from({ length: 100 }, (_, i) => quarter - 200 + i), ...Array.from({ length: 100 }, (_, i) => quarter + i)];
    expect(admitted(times, published[0]!)).toHaveLength(200);
    expect(mostInOneWindow(times, published[0]!)).toBe(100);
  });
});
