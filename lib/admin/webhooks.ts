import "server-only";
import { getConfig } from "@/lib/config";
import { providerSettingEnvName } from "@/lib/config/provider-env";
import { getStore } from "@/lib/db";
import { AppError, describeError } from "@/lib/errors";
import type { ProviderCatalog } from "@/lib/providers/catalog";
import { createProviderHttp } from "@/lib/providers/http";
import { findSubscription, saveSubscription } from "@/lib/webhooks/deliveries";

/** One provider's webhook as the admin page shows it: where to point it, what it needs, what arrived. */
export interface WebhookView {
  provider: string;
  displayName: string;
  url: string;
  authenticity: "signature" | "shared-secret" | "none";
  /** Secrets and tokens it needs, as set or missing (never their values). */
  settings: { variable: string; set: boolean }[];
  /** For providers whose subscription is made through their API. */
  subscription: { canSubscribe: boolean; status: string | null; id: string | null; error: string | null; updatedAt: string | null };
  lastDeliveryAt: string | null;
  deliveriesLastDay: number;
}

export function webhookUrl(providerId: string): string {
  return new URL(`/api/webhooks/${encodeURIComponent(providerId)}`, getConfig().baseUrl).toString();
}

export async function describeWebhooks(catalog: ProviderCatalog, now = Date.now()): Promise<WebhookView[]> {
  const { registry } = catalog;
  const stats = new Map(
    (
      await getStore().query<{ provider: string; last: number; recent: number }>(
        "SELECT provider, MAX(received_at) AS last, SUM(CASE WHEN received_at > ? THEN 1 ELSE 0 END) AS recent FROM webhook_deliveries GROUP BY provider",
        [now - 86_400_000],
      )
    ).map((row) => [row.provider, row]),
  );
  const views: WebhookView[] = [];
  for (const definition of registry.listDefinitions()) {
    const webhook = registry.getWebhook(definition.id);
    if (!webhook) continue;
    const config = registry.getConfig(definition.id);
    const subscription = webhook.subscribe ? await findSubscription(definition.id) : null;
    const stat = stats.get(definition.id);
    views.push({
      provider: definition.id,
      displayName: definition.displayName,
      url: webhookUrl(definition.id),
      authenticity: webhook.authenticity,
      settings: (definition.settings ?? [])
        .filter((setting) => webhook.requiredSettings?.includes(setting.key))
        .map((setting) => ({ variable: providerSettingEnvName(definition.id, setting), set: Boolean(config?.settings?.[setting.key]) })),
      subscription: {
        canSubscribe: Boolean(webhook.subscribe),
        status: subscription?.status ?? null,
        id: subscription?.externalId ?? null,
        error: subscription?.lastError ?? null,
        updatedAt: subscription?.updatedAt.toISOString() ?? null,
      },
      lastDeliveryAt: stat?.last ? new Date(Number(stat.last)).toISOString() : null,
      deliveriesLastDay: Number(stat?.recent ?? 0),
    });
  }
  return views;
}

/** Creates the app's subscription at a provider that makes them through its API (Strava). */
export async function subscribeWebhook(catalog: ProviderCatalog, providerId: string): Promise<WebhookView> {
  const { registry } = catalog;
  const definition = registry.require(providerId);
  const webhook = registry.getWebhook(providerId);
  if (!webhook?.subscribe) throw new AppError("bad_request", `${definition.displayName} webhooks are set up in its developer portal, not from here.`);
  if (!registry.isConfigured(providerId)) throw new AppError("provider_not_configured", `${definition.displayName} is not configured on this server yet.`);
  const missing = (definition.settings ?? []).filter((s) => webhook.requiredSettings?.includes(s.key) && !registry.getConfig(providerId)?.settings?.[s.key]);
  if (missing.length > 0) throw new AppError("provider_not_configured", `Set ${missing.map((s) => providerSettingEnvName(providerId, s)).join(" and ")} first.`);
  const callbackUrl = webhookUrl(providerId);
  const http = createProviderHttp({ providerId, displayName: definition.displayName, maxAttempts: 1 });
  try {
    const { id } = await webhook.subscribe(registry.getConfig(providerId)!, callbackUrl, http);
    await saveSubscription(providerId, { externalId: id, callbackUrl, status: "active", lastError: null });
  } catch (error) {
    const message = error instanceof AppError ? error.message : `${definition.displayName} did not accept the subscription.`;
    if (!(error instanceof AppError)) console.error(`[pierre] ${providerId} webhook subscription failed:`, describeError(error));
    await saveSubscription(providerId, { externalId: null, callbackUrl, status: "failed", lastError: message });
    throw new AppError("provider_bad_response", message);
  }
  return (await describeWebhooks(catalog)).find((view) => view.provider === providerId)!;
}
