"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { sportLabels } from "@/lib/format";
import { ActivityItem, type ProviderNames } from "./activity-item";
import { ApiError, fetchFeedPage, type FeedFilters } from "./api";

const noFilters: FeedFilters = { q: "", provider: "", sport: "", from: "", to: "" };

/** Mistakes a person can make in the filters, explained next to the field they concern. */
function filterProblems(filters: FeedFilters): Partial<Record<keyof FeedFilters, string>> {
  if (filters.from && filters.to && filters.from > filters.to) return { to: "“To” must be on or after “From”." };
  return {};
}

export function ActivityFeed({ providers, hasConnections }: { providers: { id: string; displayName: string }[]; hasConnections: boolean }) {
  const [filters, setFilters] = useState<FeedFilters>(noFilters);
  const [search, setSearch] = useState("");
  const [showFilters, setShowFilters] = useState(false);
  const names: ProviderNames = Object.fromEntries(providers.map((p) => [p.id, p.displayName]));
  const problems = filterProblems(filters);
  const valid = Object.keys(problems).length === 0;

  // Searching as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim() })), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const feed = useInfiniteQuery({
    queryKey: ["activities", filters],
    queryFn: ({ pageParam }) => fetchFeedPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: valid,
  });

  // Infinite scrolling: load the next page as the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "400px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const items = valid ? (feed.data?.pages.flatMap((page) => page.items) ?? []) : [];
  const filtered = Object.values(filters).some(Boolean) || search.trim() !== "";
  const narrowed = [filters.provider, filters.sport, filters.from, filters.to].filter(Boolean).length;
  const update = (key: keyof FeedFilters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));
  const field = (key: "from" | "to") => ({
    "aria-invalid": problems[key] ? true : undefined,
    "aria-describedby": problems[key] ? `filter-${key}-problem` : undefined,
  });
  const mistake = feed.error instanceof ApiError && feed.error.status === 400;

  return (
    <section aria-labelledby="feed-heading" className="space-y-3">
      <h2 id="feed-heading" className="text-xl font-semibold">
        Activity feed
      </h2>
      <form role="search" aria-label="Search and filter activities" className="space-y-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="feed-search" className="sr-only">
              Search workouts by name
            </label>
            <input
              id="feed-search"
              type="search"
              className="input"
              placeholder="Search workouts by name"
              maxLength={100}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="btn-secondary lg:hidden"
            aria-expanded={showFilters}
            aria-controls="feed-filters"
            onClick={() => setShowFilters((open) => !open)}
          >
            <SlidersHorizontal className="h-4 w-4" aria-hidden="true" />
            Filters{narrowed > 0 ? ` (${narrowed})` : ""}
          </button>
        </div>
        <div id="feed-filters" className={`${showFilters ? "grid" : "hidden"} gap-3 sm:grid-cols-2 lg:grid lg:grid-cols-5`}>
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
            <input id="filter-from" type="date" className="input" value={filters.from} max={filters.to || undefined} onChange={update("from")} {...field("from")} />
          </div>
          <div>
            <label htmlFor="filter-to" className="label">
              To
            </label>
            <input id="filter-to" type="date" className="input" value={filters.to} min={filters.from || undefined} onChange={update("to")} {...field("to")} />
            {problems.to && (
              <p id="filter-to-problem" className="mt-1 text-sm text-red-700" role="alert">
                {problems.to}
              </p>
            )}
          </div>
          <div className="flex items-end">
            <button
              type="button"
              className="btn-secondary w-full"
              disabled={!filtered}
              onClick={() => {
                setFilters(noFilters);
                setSearch("");
              }}
            >
              Clear filters
            </button>
          </div>
        </div>
      </form>

      {valid && feed.isError && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p>{mistake ? feed.error.message : `Your activities could not be loaded: ${feed.error.message}`}</p>
          {!mistake && (
            <button type="button" className="btn-secondary mt-2" onClick={() => feed.refetch()}>
              Try again
            </button>
          )}
        </div>
      )}
      {valid && feed.isPending && <p className="text-sm text-slate-600">Loading activities…</p>}
      {valid && feed.isSuccess && items.length === 0 && (
        <div className="card text-sm text-slate-700">
          {filters.q ? (
            <>No workout’s name contains “{filters.q}”{narrowed > 0 ? " with these filters" : ""}.</>
          ) : filtered ? (
            "No activities match these filters. Clear them or widen the dates."
          ) : hasConnections ? (
            "No activities yet. Your providers are syncing — or press “Sync all now”."
          ) : (
            <>
              <Link href="/connections" className="text-brand-700 underline">
                Connect a provider
              </Link>{" "}
              and your workouts will appear here.
            </>
          )}
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
      {valid && feed.hasNextPage && (
        <button type="button" className="btn-secondary w-full" onClick={() => feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      )}
      {valid && feed.isSuccess && items.length > 0 && !feed.hasNextPage && <p className="text-center text-sm text-slate-600">That is everything.</p>}
    </section>
  );
}
