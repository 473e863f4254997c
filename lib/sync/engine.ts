import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { SyncSettings } from "@/lib/config/sync";
import { allowManualSync, noteManualSync } from "@/lib/connections/budget";
import { authorizedClient } from "@/lib/connections/tokens";
import { getStore, personLock } from "@/lib/db";
import { advanceNewestActivity, findConnection, findConnectionById, listConnections, updateConnection, upsertActivities } from "@/lib/db/queries";
import type { ProviderConnection } from "@/lib/db/schema";
import { AppError, describeError, providerFailure } from "@/lib/errors";
import { regroupAround, seedsOfWrite } from "@/lib/feed/regroup";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { ActivityBatch, FitnessProvider, NormalizedActivity } from "@/lib/providers/types";
import { BACKFILL_CHUNK_MS, backfillProgress } from "@/lib/connections/history";
import { publish } from "@/lib/events";
import { withLease } from "@/lib/jobs/leases";
import { prefetch } from "./prefetch";

export interface ProviderSyncResult {
  fetched: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** What failed, in words for the card; null on success. */
  error: string | null;
  /** When the provider may be asked again (rate limit, open circuit), if it said so. */
  retryAt: string | null;
  /** The person must reconnect before anything can sync (no retry helps). */
  needsReconnect?: boolean;
}

export interface SyncRun {
  results: Record<string, ProviderSyncResult>;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/**
 * Pages are written in batches of about this many activities: a provider with small pages (WHOOP
 * sends 25) does not pay a transaction per page, and memory stays bounded.
 */
const INGEST_BATCH = 500;
/** After this many new rows the planner's statistics are refreshed. */
const OPTIMIZE_AFTER_ROWS = 5_000;

/** A request that asks for a sync waits this long for one already running elsewhere. */
const MANUAL_WAIT_MS = 60_000;

/** Syncs for one (user, provider) that this process runs: a second request joins the first. */
const running = new Map<string, Promise<ProviderSyncResult>>();

function emptyResult(error: string | null, retryAt: Date | null = null): ProviderSyncResult {
  return { fetched: 0, inserted: 0, updated: 0, skipped: 0, error, retryAt: retryAt?.toISOString() ?? null };
}

/** First sync: the backfill window. Later: from the newest stored activity (or the end of the history import) minus the lookback. */
export function syncWindow(newest: Date | undefined, settings: SyncSettings, now = Date.now()): { after: Date; before: Date } {
  const after = newest ? newest.getTime() - settings.lookbackHours * HOUR : now - settings.backfillDays * DAY;
  return { after: new Date(Math.max(after, now - settings.backfillDays * DAY)), before: new Date(now + HOUR) };
}

/**
 * Writes one page of a provider's activities and re-forms only the groups it touched, in one
 * transaction: a sync killed between pages keeps every page it finished and loses none.
 */
export async function ingestPage(
  userId: string,
  provider: string,
  activities: readonly NormalizedActivity[],
): Promise<{ inserted: number; updated: number }> {
  if (activities.length === 0) return { inserted: 0, updated: 0 };
  return getStore().transaction(async (tx) => {
    const written = await upsertActivities(tx, userId, provider, activities);
    const newest = activities.reduce((max, a) => (a.startTime > max ? a.startTime : max), activities[0]!.startTime);
    await advanceNewestActivity(tx, userId, provider, newest);
    await regroupAround(tx, userId, seedsOfWrite(written));
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted };
  }, { lock: personLock(userId) });
}

const SYNC_LEASE_MS = 60_000;

export interface SyncOptions {
  /** How long to wait for a sync of this connection that is already running (in any process). */
  waitMs?: number;
  /** Only this window (a change a webhook announced), instead of the backfill or the usual window. */
  window?: { after: Date; before: Date };
  /** The backfill's progress, as it goes. */
  onProgress?: (progress: { done: number; total: number; unit: string }) => Promise<void>;
}

/**
 * Syncs one connection: its history import first (month by month, resumable: each month it
 * finishes is recorded), then what is new since the newest stored activity. One sync per
 * connection runs at a time across every process (a lease in the database); null when another
 * one kept it busy for longer than `waitMs`.
 */
export async function syncConnection(registry: ProviderRegistry, connectionId: string, settings: SyncSettings, options: SyncOptions = {}): Promise<ProviderSyncResult | null> {
  const outcome = await withLease(`sync:${connectionId}`, { ttlMs: SYNC_LEASE_MS, waitMs: options.waitMs ?? 0, pollMs: 250 }, () =>
    syncHeld(registry, connectionId, settings, options),
  );
  return outcome.held ? outcome.value : null;
}

async function syncHeld(registry: ProviderRegistry, connectionId: string, settings: SyncSettings, options: SyncOptions): Promise<ProviderSyncResult> {
  // Read under the lease: another process may have just finished a sync or a backfill month.
  const connection = await findConnectionById(connectionId);
  if (!connection) return emptyResult("This connection no longer exists.");
  const definition = registry.getDefinition(connection.provider);
  const provider = registry.createProvider(connection.provider);
  if (!definition || !provider) return emptyResult("This provider is no longer registered on the server.");
  if (connection.status === "needs_reconnect" || connection.status === "revoked") {
    return { ...emptyResult(connection.statusReason ?? `Reconnect ${definition.displayName} to sync it again.`), needsReconnect: true };
  }
  const result = emptyResult(null);
  const progress = backfillProgress(connection);
  await publish(connection.userId, { kind: "sync", provider: connection.provider, state: "running", ...(progress ? { progress } : {}) });
  try {
    const client = await authorizedClient(connection, provider);
    if (options.window) {
      await ingestWindow(client, connection, options.window, result);
    } else if (progress) {
      await backfill(client, connection, result, options);
    } else {
      // With nothing stored, the finished history import says up to when the provider had nothing:
      // a sync asks for what is new since, never the whole backfill window again.
      await ingestWindow(client, connection, syncWindow(connection.newestActivityAt ?? connection.backfillDoneAt ?? undefined, settings), result);
    }
    if (result.inserted >= OPTIMIZE_AFTER_ROWS) await getStore().optimize();
    await updateConnection(connection.id, {
      status: "connected",
      statusReason: null,
      lastSyncAt: new Date(),
      lastSyncError: null,
      lastSyncCounts: JSON.stringify({ fetched: result.fetched, inserted: result.inserted, updated: result.updated, skipped: result.skipped }),
      nextSyncAfter: null,
    });
    await publish(connection.userId, { kind: "sync", provider: connection.provider, state: "done", inserted: result.inserted, error: null });
    return result;
  } catch (error) {
    const appError = providerFailure(error, definition.displayName);
    if (appError.code === "internal") console.error(`[pierre] ${connection.provider} sync failed:`, describeError(error));
    const needsReconnect = appError.code === "needs_reconnect";
    await updateConnection(connection.id, {
      status: needsReconnect ? "needs_reconnect" : "error",
      statusReason: appError.message,
      lastSyncAt: new Date(),
      lastSyncError: appError.message,
      nextSyncAfter: appError.retryAt ?? null,
    });
    await publish(connection.userId, { kind: "sync", provider: connection.provider, state: "failed", inserted: result.inserted, error: appError.message });
    return { ...result, error: appError.message, retryAt: appError.retryAt?.toISOString() ?? null, ...(needsReconnect ? { needsReconnect } : {}) };
  }
}

/** The history import: month by month, newest first, each month recorded as it is finished. */
async function backfill(client: FitnessProvider, connection: ProviderConnection, result: ProviderSyncResult, options: SyncOptions): Promise<void> {
  const from = connection.backfillFrom!.getTime();
  const windows: { after: Date; before: Date }[] = [];
  for (let reached = connection.backfillReached?.getTime() ?? Date.now() + HOUR; reached > from; reached = Math.max(from, reached - BACKFILL_CHUNK_MS)) {
    windows.push({ after: new Date(Math.max(from, reached - BACKFILL_CHUNK_MS)), before: new Date(reached) });
  }
  let current: Pick<ProviderConnection, "backfillFrom" | "backfillReached" | "backfillDoneAt" | "connectedAt"> = connection;
  await ingestWindows(client, connection, windows, result, async (window) => {
    const reached = window.after.getTime();
    const done = reached <= from;
    await updateConnection(connection.id, { backfillReached: new Date(reached), ...(done ? { backfillDoneAt: new Date() } : {}) });
    current = { ...current, backfillReached: new Date(reached) };
    const progress = backfillProgress({ ...current, backfillDoneAt: null })!;
    await options.onProgress?.(progress);
    await publish(connection.userId, { kind: "sync", provider: connection.provider, state: "running", progress });
  });
}

/** Every activity the provider has in the window, page by page into the database. */
async function ingestWindow(client: FitnessProvider, connection: ProviderConnection, window: { after: Date; before: Date }, result: ProviderSyncResult): Promise<void> {
  await ingestWindows(client, connection, [window], result);
}

/** A window's pages, each as it arrives, then word that the window is complete. */
type WindowItem = { page: ActivityBatch } | { finished: { after: Date; before: Date } };

async function* pagesOfWindows(client: FitnessProvider, windows: readonly { after: Date; before: Date }[]): AsyncGenerator<WindowItem> {
  for (const window of windows) {
    for await (const page of client.streamActivities(window)) yield { page };
    yield { finished: window };
  }
}

/** Pages asked of a provider ahead of the one being written: its next answer is on the way meanwhile. */
const PAGES_AHEAD = 4;

/**
 * Every activity the provider has in the windows, in order, into the database: each window's
 * pages are written (in batches) before `onWindowDone` hears of it. The provider is asked for the
 * next pages while earlier ones are written, a few pages ahead at most, so a ten-year history is
 * never held in memory whole and the network and the database work at the same time.
 */
async function ingestWindows(
  client: FitnessProvider,
  connection: ProviderConnection,
  windows: readonly { after: Date; before: Date }[],
  result: ProviderSyncResult,
  onWindowDone?: (window: { after: Date; before: Date }) => Promise<void>,
): Promise<void> {
  const writer = new ActivityWriter(connection.userId, connection.provider, async (written) => {
    result.inserted += written.inserted;
    result.updated += written.updated;
    if (written.inserted + written.updated > 0) {
      await publish(connection.userId, { kind: "activities", provider: connection.provider, changed: written.inserted + written.updated });
    }
  });
  for await (const item of prefetch(pagesOfWindows(client, windows), PAGES_AHEAD)) {
    if ("page" in item) {
      reportSkipped(connection.provider, item.page);
      result.fetched += item.page.activities.length + item.page.skipped;
      result.skipped += item.page.skipped;
      await writer.add(item.page.activities);
    } else {
      await writer.flush();
      await onWindowDone?.(item.finished);
    }
  }
  await writer.flush();
}

/**
 * Activities on their way to the database, written in batches of about INGEST_BATCH (one
 * transaction each, through `ingestPage`), yielding the event loop after each. Every ingest of
 * provider pages goes through one, so a sync and the benchmarks batch alike.
 */
export class ActivityWriter {
  private pending: NormalizedActivity[] = [];

  constructor(
    private readonly userId: string,
    private readonly provider: string,
    private readonly onWritten?: (written: { inserted: number; updated: number }) => Promise<void>,
  ) {}

  /** Adds a page; writes a batch once enough has gathered. */
  async add(activities: readonly NormalizedActivity[]): Promise<void> {
    for (const activity of activities) this.pending.push(activity);
    if (this.pending.length >= INGEST_BATCH) await this.flush();
  }

  /** Writes what has gathered. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const written = await ingestPage(this.userId, this.provider, batch);
    await this.onWritten?.(written);
    await yieldToEventLoop();
  }
}

function reportSkipped(provider: string, page: ActivityBatch): void {
  if (page.skipped > 0) {
    console.warn(`[pierre] ${provider}: skipped ${page.skipped} malformed entries: ${page.problems.slice(0, 3).join(" | ").slice(0, 500)}`);
  }
}

/**
 * Syncs every connected provider of a user at once (or just one). Each provider runs on its own —
 * its own timeouts, retries and circuit breaker — so one slow or failing provider never blocks or
 * fails the others; its result carries the error instead.
 */
export async function syncUser(
  registry: ProviderRegistry,
  userId: string,
  settings: SyncSettings,
  options: { provider?: string; /** A person pressed "Sync now": each connection may be asked once a minute. */ manual?: boolean } = {},
): Promise<SyncRun> {
  let connections: ProviderConnection[];
  if (options.provider) {
    const definition = registry.require(options.provider);
    const connection = await findConnection(userId, options.provider);
    if (!connection) throw new AppError("not_connected", `${definition.displayName} is not connected. Connect it first.`);
    connections = [connection];
  } else {
    connections = (await listConnections(userId)).filter((c) => registry.isSupported(c.provider));
  }

  const entries = await Promise.all(
    connections.map(async (connection) => {
      const key = `${userId}:${connection.provider}`;
      let run = running.get(key);
      if (!run && options.manual) {
        const definition = registry.getDefinition(connection.provider)!;
        try {
          await allowManualSync(connection.id, definition);
        } catch (error) {
          const refused = providerFailure(error, definition.displayName);
          return [connection.provider, emptyResult(refused.message, refused.retryAt ?? null)] as const;
        }
      }
      if (!run) {
        run = syncConnection(registry, connection.id, settings, { waitMs: MANUAL_WAIT_MS })
          .then(async (result) => {
            // Still busy elsewhere after the wait (a long history import): say so rather than run twice.
            if (!result) return emptyResult(`${registry.getDefinition(connection.provider)?.displayName ?? connection.provider} is still syncing; its results will appear when it finishes.`);
            if (options.manual && !result.error) await noteManualSync(connection.id);
            return result;
          })
          .finally(() => running.delete(key));
        running.set(key, run);
      }
      return [connection.provider, await run] as const;
    }),
  );
  return { results: Object.fromEntries(entries) };
}


