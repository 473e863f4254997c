import type { ProviderStatus } from "@/lib/connections/service";
import type { FeedPage } from "@/lib/feed/query";
import type { WeeklyTraining } from "@/lib/feed/query";
import type { TrainingOverview } from "@/lib/feed/training";
import type { WorkoutStreams } from "@/lib/streams/service";
import type { ProviderSyncResult } from "@/lib/sync/engine";

/** The dashboard's calls to our own JSON routes; errors carry the server's message. */
async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok) throw new ApiError(body?.error ?? `Request failed (HTTP ${response.status}).`, response.status);
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
  q: string;
  provider: string;
  sport: string;
  from: string;
  to: string;
}

/** An error answer from our API, with its HTTP status (a 400 is the caller's to fix, not to retry). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function fetchFeedPage(filters: FeedFilters, cursor: string | null): Promise<FeedPage> {
  const params = new URLSearchParams({ limit: "20" });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  return request<FeedPage>(`/api/activities?${params}`);
}

export const fetchWeekly = () => request<WeeklyTraining>("/api/activities/weekly");

export const fetchTraining = (groupBy: "week" | "month") => request<TrainingOverview>(`/api/training?groupBy=${groupBy}`);

export const fetchStreams = (workoutId: string) => request<WorkoutStreams>(`/api/activities/${encodeURIComponent(workoutId)}/streams`);
