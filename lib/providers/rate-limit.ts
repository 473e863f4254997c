import type { RateLimitState } from "./types";

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
