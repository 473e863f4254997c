/** Typed helpers tests use to steer the sandbox over HTTP. */
import type { PushOutcome, SentPush } from "./push";
import type { RecordedRequest } from "./state";

export type { PushOutcome, RecordedRequest, SentPush };

/** What a command that sends webhooks answers: each delivery's outcome (and a recorded workout's id). */
export interface Notified {
  ok: true;
  /** A recorded workout's id at the provider, and its item in the provider's format. */
  id?: string;
  item?: unknown;
  /** A recorded workout's name (shown where the provider keeps names). */
  name?: string;
  webhooks: PushOutcome[];
}

async function command<T = { ok: true }>(url: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sandbox control failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
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
/**
 * Items in the provider's wire format; with `athlete` (the consent page's name, Terra's reference id)
 * only that account sees them. An id the provider already has is a change. The provider's webhooks
 * go to the app unless `notify` is false.
 */
export const addActivities = (
  url: string,
  provider: string,
  items: unknown[],
  athlete?: string,
  options: { uploadedNow?: boolean; notify?: boolean; forgeWebhook?: boolean } = {},
) => command<Notified>(url, { action: "add-activities", provider, items, athlete, ...options });
/** The owner edits an item added through the control API at the provider (the provider says so where it does). */
export const changeActivity = (url: string, provider: string, id: string, options: { forgeWebhook?: boolean } = {}) =>
  command<Notified>(url, { action: "change-activity", provider, id, ...options });
/** Deletes items added through the control API (the provider's webhooks say so where they can). */
export const deleteActivities = (url: string, provider: string, ids: string[], options: { forgeWebhook?: boolean } = {}) =>
  command<Notified>(url, { action: "delete-activities", provider, ids, ...options });
/** A workout that just ended, recorded for an athlete who consented at the provider; its id comes back. */
export const recordActivity = (url: string, provider: string, athlete: string, options: { sport?: string; forgeWebhook?: boolean } = {}) =>
  command<Notified>(url, { action: "record-activity", provider, athlete, ...options });
/** The athlete withdraws the app's access at the provider. */
export const deauthorize = (url: string, provider: string, athlete: string, options: { forgeWebhook?: boolean } = {}) =>
  command<Notified>(url, { action: "deauthorize", provider, athlete, ...options });
/** Where webhooks go: the app's base URL (null: nowhere). */
export const setWebhookTarget = (url: string, appUrl: string | null) => command(url, { action: "webhook-target", url: appUrl });

export async function requests(url: string, filter: { provider?: string; pathIncludes?: string } = {}): Promise<RecordedRequest[]> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]);
  const response = await fetch(`${url}/__control/requests?${query}`);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests;
}

/** Webhooks the sandbox sent, oldest first, with their headers and bodies. */
export async function sentWebhooks(url: string, provider?: string): Promise<SentPush[]> {
  const response = await fetch(`${url}/__control/webhooks${provider ? `?provider=${encodeURIComponent(provider)}` : ""}`);
  return ((await response.json()) as { webhooks: SentPush[] }).webhooks;
}
