"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { sportLabels } from "@/lib/format";
import { fetchFeedPage, type FeedFilters } from "./api";
import { ActivityItem, type ProviderNames } from "./activity-item";

const noFilters: FeedFilters = { provider: "", sport: "", from: "", to: "" };

export function ActivityFeed({ providers, hasConnections }: { providers: { id: string; displayName: string }[]; hasConnections: boolean }) {
  const [filters, setFilters] = useState<FeedFilters>(noFilters);
  const names: ProviderNames = Object.fromEntries(providers.map((p) => [p.id, p.displayName]));
  const feed = useInfiniteQuery({
    queryKey: ["activities", filters],
    queryFn: ({ pageParam }) => fetchFeedPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  // Infinite scrolling: load the next page as the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const update = (key: keyof FeedFilters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <section aria-labelledby="feed-heading" className="space-y-4">
      <h2 id="feed-heading" className="text-xl font-semibold">
        Activity feed
      </h2>
      <form role="search" aria-label="Filter activities" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-provider" className="label">
            Provider
          </label>
          <select id="filter-provider" className="input" value={filters.provider} onChange={update("provider")}>
            <option value="">All providers</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sport" className="label">
            Sport
          </label>
          <select id="filter-sport" className="input" value={filters.sport} onChange={update("sport")}>
            <option value="">All sports</option>
            {Object.entries(sportLabels).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className="label">
            From
          </label>
          <input id="filter-from" type="date" className="input" value={filters.from} onChange={update("from")} />
        </div>
        <div>
          <label htmlFor="filter-to" className="label">
            To
          </label>
          <input id="filter-to" type="date" className="input" value={filters.to} onChange={update("to")} />
        </div>
        <div className="flex items-end">
          <button type="button" className="btn-secondary w-full" disabled={!filtered} onClick={() => setFilters(noFilters)}>
            Clear filters
          </button>
        </div>
      </form>

      {feed.isError && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p>Your activities could not be loaded: {feed.error.message}</p>
          <button type="button" className="btn-secondary mt-2" onClick={() => feed.refetch()}>
            Try again
          </button>
        </div>
      )}
      {feed.isPending && <p className="text-sm text-slate-600">Loading activities…</p>}
      {feed.isSuccess && items.length === 0 && (
        <div className="card text-sm text-slate-600">
          {filtered
            ? "No activities match these filters. Clear them or widen the dates."
            : hasConnections
              ? "No activities yet. Your providers are syncing — or press “Sync all now”."
              : "Connect a provider above and your workouts will appear here."}
        </div>
      )}

      {items.length > 0 && (
        <ol aria-label="Activities" className="space-y-3">
          {items.map((item) => (
            <li key={item.id}>
              <ActivityItem item={item} names={names} />
            </li>
          ))}
        </ol>
      )}
      <div ref={sentinel} />
      {feed.hasNextPage && (
        <button type="button" className="btn-secondary w-full" onClick={() => feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      )}
      {feed.isSuccess && items.length > 0 && !feed.hasNextPage && <p className="text-center text-sm text-slate-500">That is everything.</p>}
    </section>
  );
}
