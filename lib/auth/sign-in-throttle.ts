/**
 * Slows down repeated sign-in failures from one address: after `freeAttempts` failures within
 * the window, each further attempt must wait an exponentially growing delay (capped). In memory:
 * the app runs as one Node process, and a restart forgetting failures is acceptable.
 */
export interface ThrottleOptions {
  freeAttempts: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const defaults: ThrottleOptions = { freeAttempts: 5, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };

interface Entry {
  failures: number;
  firstFailureAt: number;
  lastFailureAt: number;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ThrottleOptions = defaults) {}

  /** Milliseconds this address must still wait, 0 if it may try now. */
  waitMs(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    if (!entry || entry.failures < this.options.freeAttempts) return 0;
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (entry.failures - this.options.freeAttempts));
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.current(key, now) ?? { failures: 0, firstFailureAt: now, lastFailureAt: now };
    entry.failures += 1;
    entry.lastFailureAt = now;
    this.entries.set(key, entry);
    if (this.entries.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.options.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.lastFailureAt > this.options.windowMs) this.entries.delete(key);
  }
}

export const signInThrottle = new SignInThrottle();
