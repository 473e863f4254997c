/** Typed helpers tests use to steer the sandbox over HTTP. */
import type { RecordedRequest } from "./state";

export type { RecordedRequest };

async function command(url: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sandbox control failed: ${response.status} ${await response.text()}`);
}

export const reset = (url: string) => command(url, { action: "reset" });
export const setLatency = (url: string, provider: string, ms: number) => command(url, { action: "latency", provider, ms });
export const failNext = (
  url: string,
  options: { provider: string; count: number; status: number; retryAfterSeconds?: number; target?: "api" | "token" | "all" },
) => command(url, { action: "fail", ...options });
export const malformNext = (url: string, provider: string, count = 1) => command(url, { action: "malform", provider, count });
export const expireTokens = (url: string, provider: string) => command(url, { action: "expire-tokens", provider });
export const revokeTokens = (url: string, provider: string) => command(url, { action: "revoke-tokens", provider });
export const setTokenLifetime = (url: string, options: { provider?: string; seconds: number }) => command(url, { action: "token-lifetime", ...options });
/** Items in the provider's wire format; with `athlete` (the consent page's name, Terra's reference id) only that account sees them. */
export const addActivities = (url: string, provider: string, items: unknown[], athlete?: string, options: { uploadedNow?: boolean } = {}) =>
  command(url, { action: "add-activities", provider, items, athlete, ...options });

export async function requests(url: string, filter: { provider?: string; pathIncludes?: string } = {}): Promise<RecordedRequest[]> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]);
  const response = await fetch(`${url}/__control/requests?${query}`);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests;
}
