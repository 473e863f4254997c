import "server-only";
// The library's own base class for store-backed limiters; only the storage is ours.
import RateLimiterStoreAbstract from "rate-limiter-flexible/lib/RateLimiterStoreAbstract";
import { RateLimiterRes, type IRateLimiterStoreOptions } from "rate-limiter-flexible";
import { ATOMIC, getStore } from "@/lib/db";

interface StoredCounter {
  points: number;
  expire: number | null;
}

/**
 * rate-limiter-flexible with its counters in the app's database (the `rate_limits` table), so
 * every process on the database shares one count. The library's own SQL stores would write
 * through their own connection, past the store's single writer; this one writes in the store's
 * transactions, on SQLite and PostgreSQL alike.
 */
export class DatabaseRateLimiter extends RateLimiterStoreAbstract {
  constructor(options: Omit<IRateLimiterStoreOptions, "storeClient">) {
    // The store is resolved per call (tests swap it); the library insists on a client value.
    super({ ...options, storeClient: "app-store" });
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoredCounter> {
    const now = Date.now();
    const expire = msDuration > 0 ? now + msDuration : null;
    const [row] = await getStore().transaction((tx) =>
      forceExpire
        ? tx.query<StoredCounter>(
            "INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?) " +
              "ON CONFLICT (key) DO UPDATE SET points = excluded.points, expire = excluded.expire RETURNING points, expire",
            [key, points, expire],
          )
        : tx.query<StoredCounter>(
            "INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET " +
              "points = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire > ? THEN rate_limits.points + excluded.points ELSE excluded.points END, " +
              "expire = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire > ? THEN rate_limits.expire ELSE excluded.expire END " +
              "RETURNING points, expire",
            [key, points, expire, now, now],
          ),
      ATOMIC,
    );
    return { points: Number(row!.points), expire: row!.expire === null ? null : Number(row!.expire) };
  }

  async _get(key: string): Promise<StoredCounter | null> {
    const [row] = await getStore().query<StoredCounter>("SELECT points, expire FROM rate_limits WHERE key = ? AND (expire IS NULL OR expire > ?)", [key, Date.now()]);
    return row ? { points: Number(row.points), expire: row.expire === null ? null : Number(row.expire) } : null;
  }

  async _delete(key: string): Promise<boolean> {
    const removed = await getStore().transaction((tx) => tx.query<{ key: string }>("DELETE FROM rate_limits WHERE key = ? RETURNING key", [key]), ATOMIC);
    return removed.length > 0;
  }

  _getRateLimiterRes(_key: string, changedPoints: number, result: StoredCounter): RateLimiterRes {
    const isFirstInDuration = changedPoints === result.points;
    const consumedPoints = isFirstInDuration ? changedPoints : result.points;
    const msBeforeNext = result.expire ? Math.max(result.expire - Date.now(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumedPoints, 0), msBeforeNext, consumedPoints, isFirstInDuration);
  }
}

/** Expired counters are only dead rows; clear them now and then. */
export async function clearExpiredRateLimits(now = Date.now()): Promise<void> {
  await getStore().transaction((tx) => tx.query("DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < ?", [now - 3_600_000]), ATOMIC);
}
