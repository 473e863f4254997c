/**
 * What a provider's list endpoint serves, kept in time order: the dataset's recordings plus items
 * added, changed or deleted through the control API. Each provider module says how to read an
 * item's id and start from its own wire format, and filters by start or by upload time the way
 * the real API does, so an incremental sync asks for (and gets) only what is new.
 */
export interface TimelineEntry {
  id: string;
  item: unknown;
  /** The instant the workout started; items without a readable start count as starting when added. */
  startMs: number;
  /** When it reached the provider (the control API's call for added items). */
  uploadMs: number;
  /** Only this athlete (the name typed on the consent page, or Terra's reference id) sees it; everyone when unset. */
  owner?: string;
}

export interface ItemReader {
  id(item: unknown): string | null;
  startMs(item: unknown): number | null;
}

let anonymous = 0;
const UPLOAD_DELAY_MS = 30 * 60_000;

export class Timeline {
  private readonly added = new Map<string, TimelineEntry>();
  private byStartCache?: TimelineEntry[];
  private byUploadCache?: TimelineEntry[];
  version = 0;

  constructor(private readonly reader: ItemReader) {}

  /**
   * Adds items (or replaces those with a known id). A workout reaches the provider when the watch
   * syncs after it, so it counts as uploaded half an hour after its start (or now, if that is
   * sooner, or when `uploadedNow` says it just arrived).
   */
  upsert(items: readonly unknown[], options: { now?: number; owner?: string; uploadedNow?: boolean } = {}): { entry: TimelineEntry; created: boolean }[] {
    const now = options.now ?? Date.now();
    const stored = items.map((item) => {
      const id = this.reader.id(item) ?? `malformed-${++anonymous}`;
      const previous = this.added.get(id);
      const start = this.reader.startMs(item);
      const uploadMs = options.uploadedNow || start === null ? now : Math.min(now, start + UPLOAD_DELAY_MS);
      const entry: TimelineEntry = { id, item, startMs: start ?? now, uploadMs, owner: options.owner?.toLowerCase() };
      this.added.set(id, entry);
      return { entry, created: !previous };
    });
    this.touch();
    return stored;
  }

  remove(ids: readonly string[]): TimelineEntry[] {
    const removed = ids.flatMap((id) => {
      const entry = this.added.get(id);
      if (entry) this.added.delete(id);
      return entry ? [entry] : [];
    });
    this.touch();
    return removed;
  }

  get(id: string): TimelineEntry | undefined {
    return this.added.get(id);
  }

  clear(): void {
    this.added.clear();
    this.touch();
  }

  get size(): number {
    return this.added.size;
  }

  /** Added items, oldest start first. */
  byStart(): TimelineEntry[] {
    this.byStartCache ??= [...this.added.values()].sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
    return this.byStartCache;
  }

  /** Added items, oldest upload first. */
  byUpload(): TimelineEntry[] {
    this.byUploadCache ??= [...this.added.values()].sort((a, b) => a.uploadMs - b.uploadMs || (a.id < b.id ? -1 : 1));
    return this.byUploadCache;
  }

  private touch(): void {
    this.byStartCache = undefined;
    this.byUploadCache = undefined;
    this.version++;
  }
}

/** The index of the first entry whose key is ≥ `at` (or > `at` when `after`), in a list sorted by key. */
function lowerBound<T>(list: readonly T[], at: number, key: (entry: T) => number, after: boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = key(list[middle]!);
    if (value < at || (after && value === at)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Entries of a key-sorted list within a range, with each bound inclusive or not as the API has it. */
export function within<T>(
  list: readonly T[],
  key: (entry: T) => number,
  range: { from?: number; fromInclusive?: boolean; to?: number; toInclusive?: boolean },
): T[] {
  const start = range.from === undefined ? 0 : lowerBound(list, range.from, key, range.fromInclusive === false);
  const end = range.to === undefined ? list.length : lowerBound(list, range.to, key, range.toInclusive === true);
  return list.slice(start, Math.max(start, end));
}

/** A memo for a list derived from several versioned sources (the dataset and a timeline). */
export function memo<T>(compute: () => T): (version: string) => T {
  let cached: { version: string; value: T } | undefined;
  return (version) => {
    if (!cached || cached.version !== version) cached = { version, value: compute() };
    return cached.value;
  };
}
