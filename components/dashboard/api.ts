import type { ProviderStatus } from "@/lib/connections/service";
import type { FeedPage } from "@/lib/feed/query";
import type { WeeklyTraining } from "@/lib/feed/query";
import type { ProviderSyncResult } from "@/lib/sync/engine";

/** The dashboard's calls to our own JSON routes; errors carry the server's message. */
async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok) throw new Error(body?.error ?? `Request failed (HTTP ${response.status}).`);
  return body as T;
}

export type ProviderStatusMap = Record<string, Omit<ProviderStatus, "id">>;

export const fetchProviders = () => request<{ providers: ProviderStatusMap }>("/api/providers").then((r) => r.providers);

export const syncProvider = (provider: string) =>
  request<{ results: Record<string, ProviderSyncResult> }>("/api/sync", { method: "POST", body: JSON.stringify({ provider }) }).then(
    (r) => r.results[provider],
  );

export const disconnectProvider = (provider: string) =>
  request<{ result: { notice: string; revokedAtProvider: boolean } }>(`/api/providers/${encodeURIComponent(provider)}/disconnect`, {
    method: "POST",
  }).then((r) => r.result);

export interface FeedFilters {
  provider: string;
  sport: string;
  from: string;
  to: string;
}

export function fetchFeedPage(filters: FeedFilters, cursor: string | null): Promise<FeedPage> {
  const params = new URLSearchParams({ limit: "20" });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  return request<FeedPage>(`/api/activities?${params}`);
}

export const fetchWeekly = () => request<WeeklyTraining>("/api/activities/weekly");
