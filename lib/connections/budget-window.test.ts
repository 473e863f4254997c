import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetWindow } from "./budget";

/**
 * The counters' semantics (rate-limiter-flexible's, kept in the database): a window opens at the
 * first request after the last one ran out and admits `points` requests for `seconds`.
 */
function admitted(times: readonly number[], points: number, seconds: number): number[] {
  const taken: number[] = [];
  let opened = -Infinity;
  let used = 0;
  for (const t of times) {
    if (t >= opened + seconds * 1000) {
      opened = t;
      used = 0;
    }
    if (used < points) {
      used++;
      taken.push(t);
    }
  }
  return taken;
}

function busiest(times: readonly number[], seconds: number): number {
  let most = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= seconds * 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe("a provider's published request limit", () => {
  it("is never exceeded in any stretch of its length, however requests arrive", () => {
    fc.assert(
      fc.property(
        fc.constantFrom([100, 60], [200, 300], [1000, 3600], [100, 900], [5000, 300], [150, 3600]),
        // Bursts (a scheduled round, a backfill) at any moment of a few windows.
        fc.array(fc.record({ at: fc.double({ min: 0, max: 8, noNaN: true }), share: fc.oneof(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true })) }), { minLength: 1, maxLength: 12 }),
        ([requests, perSeconds], bursts) => {
          const windowMs = perSeconds! * 1000;
          const times = bursts
            .flatMap(({ at, share }) => Array.from({ length: Math.max(1, Math.round(share * requests!)) }, (_, i) => Math.floor(at * windowMs) + i))
            .sort((a, b) => a - b);
          const { points, seconds } = budgetWindow(requests!, perSeconds!);
          expect(busiest(admitted(times, points, seconds), perSeconds!)).toBeLessThanOrEqual(requests!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("holds where plain windows of the limit's own length would let twice the limit through", () => {
    // One request opens a window; a round starts just before it closes and goes on after.
    const times = [0, ...Array.from({ length: 400 }, (_, i) => 59_000 + i * 5)];
    expect(busiest(admitted(times, 100, 60), 60)).toBeGreaterThan(150);
    const { points, seconds } = budgetWindow(100, 60);
    expect(busiest(admitted(times, points, seconds), 60)).toBeLessThanOrEqual(100);
  });

  it("leaves most of the limit usable", () => {
    const { points, seconds } = budgetWindow(100, 60);
    expect((points * 60) / seconds).toBeGreaterThanOrEqual(75);
  });
});
