import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { ATOMIC, getStore } from "@/lib/db";

/**
 * Named leases in the database, respected by every process on it: "one sync per connection at a
 * time", "one token refresh per connection". A lease runs out on its own, so a holder that dies
 * blocks the others only until then; a live holder renews it while it works.
 */

/** This process, as lease and job owners name it in the database (and in logs). */
export const processName = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Whether an owner is a process on this machine that no longer runs (killed, crashed). Its leases
 * and jobs are taken over at once instead of when their time runs out; owners on other machines
 * are left to their lease times.
 */
export function isAbandoned(owner: string): boolean {
  const [host, pidText] = owner.split(":");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** A fresh owner token: two holders in one process never mistake each other's lease for their own. */
export function newOwner(): string {
  return `${processName}:${randomUUID().slice(0, 8)}`;
}

export async function acquireLease(name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  if (await tryLease(name, owner, ttlMs, now)) return true;
  const [holder] = await getStore().query<{ owner: string }>("SELECT owner FROM leases WHERE name = ?", [name]);
  if (!holder || !isAbandoned(holder.owner)) return false;
  await getStore().transaction((tx) => tx.query("DELETE FROM leases WHERE name = ? AND owner = ?", [name, holder.owner]), ATOMIC);
  return tryLease(name, owner, ttlMs, now);
}

async function tryLease(name: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
  const rows = await getStore().transaction((tx) =>
    tx.query<{ owner: string }>(
      "INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?) " +
        "ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at " +
        "WHERE leases.expires_at <= ? OR leases.owner = excluded.owner RETURNING owner",
      [name, owner, now + ttlMs, now],
    ),
    ATOMIC,
  );
  return rows.length > 0;
}

export async function renewLease(name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const rows = await getStore().transaction((tx) =>
    tx.query<{ name: string }>("UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? RETURNING name", [now + ttlMs, name, owner]),
    ATOMIC,
  );
  return rows.length > 0;
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  await getStore().transaction((tx) => tx.query("DELETE FROM leases WHERE name = ? AND owner = ?", [name, owner]), ATOMIC);
}

export async function isLeaseHeld(name: string, now = Date.now()): Promise<boolean> {
  const [row] = await getStore().query<{ expires_at: number }>("SELECT expires_at FROM leases WHERE name = ?", [name]);
  return row !== undefined && Number(row.expires_at) > now;
}

/** Which of these leases are held now. */
export async function heldLeases(names: readonly string[], now = Date.now()): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await getStore().query<{ name: string }>(`SELECT name FROM leases WHERE name IN (${names.map(() => "?").join(", ")}) AND expires_at > ?`, [...names, now]);
  return new Set(rows.map((row) => row.name));
}

export interface LeaseOptions {
  ttlMs: number;
  /** How long to wait for a held lease before giving up (0: do not wait). */
  waitMs?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
}

/**
 * Runs `work` while holding the lease, renewing it every third of its time to live; answers
 * `{ held: false }` without running it when the lease stays taken for `waitMs`.
 */
export async function withLease<T>(name: string, options: LeaseOptions, work: () => Promise<T>): Promise<{ held: true; value: T } | { held: false }> {
  const owner = newOwner();
  const deadline = Date.now() + (options.waitMs ?? 0);
  while (!(await acquireLease(name, owner, options.ttlMs))) {
    if (Date.now() >= deadline) return { held: false };
    await sleep(options.pollMs ?? 100);
  }
  const renewal = setInterval(() => {
    renewLease(name, owner, options.ttlMs).catch(() => undefined);
  }, Math.max(1000, Math.floor(options.ttlMs / 3)));
  renewal.unref();
  try {
    return { held: true, value: await work() };
  } finally {
    clearInterval(renewal);
    await releaseLease(name, owner);
  }
}
