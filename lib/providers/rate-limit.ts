import type { RateLimitState, RequestLimit } from "./types";

/**
 * The most requests the provider counts against `limit` in one of its windows, for requests made
 * at `times` (epoch ms, ascending): how the benchmark and the tests check that the app kept to it.
 */
export function mostInOneWindow(times: readonly number[], limit: Pick<RequestLimit, "perSeconds" | "window">): number {
  const windowMs = limit.perSeconds * 1000;
  let most = 0;
  if (limit.window === "clock") {
    const perWindow = new Map<number, number>();
    for (const t of times) {
      const n = (perWindow.get(Math.floor(t / windowMs)) ?? 0) + 1;
      perWindow.set(Math.floor(t / windowMs), n);
      most = Math.max(most, n);
    }
  } else if (limit.window === "first-request") {
    let opened = -Infinity;
    let count = 0;
    for (const t of times) {
      if (t >= opened + windowMs) {
        opened = t;
        count = 0;
      }
      most = Math.max(most, ++count);
    }
  } else {
    for (let end = 0, start = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= windowMs) start++;
      most = Math.max(most, end - start + 1);
    }
  }
  return most;
}

/**
 * For providers that send "requests remaining" and "seconds until reset" as two headers
 * (Fitbit, WHOOP, Terra); header names are case-insensitive.
 */
export function remainingAndResetHeaders(remainingHeader: string, resetSecondsHeader: string): (headers: Headers) => RateLimitState | undefined {
  return (headers) => {
    const remaining = Number(headers.get(remainingHeader));
    if (!headers.has(remainingHeader) || Number.isNaN(remaining)) return undefined;
    const reset = Number(headers.get(resetSecondsHeader));
    return { remaining, resetAt: headers.has(resetSecondsHeader) && !Number.isNaN(reset) ? new Date(Date.now() + reset * 1000) : undefined };
  };
}
