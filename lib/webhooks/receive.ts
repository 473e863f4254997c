import "server-only";
import { getStore } from "@/lib/db";
import { AppError, excerpt } from "@/lib/errors";
import { getJobQueue, wakeLocalWorker } from "@/lib/background/queue";
import { readBodyText } from "@/lib/http/body";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { WebhookEvent, WebhookRequest } from "@/lib/providers/types";
import { findSubscription, recordDelivery } from "./deliveries";

/** Deliveries that carry whole workouts with samples (Terra) are larger than any other body here. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export interface WebhookJob {
  provider: string;
  deliveryId: string;
  events: WebhookEvent[];
}

const warned = new Set<string>();
/** A misconfiguration is logged once per process, not once per delivery. */
function warnOnce(key: string, line: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(line);
}

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

/**
 * `/api/webhooks/<provider>`: verify, record, queue, answer. Nothing here waits on a provider, so
 * the answer comes well within the two seconds providers allow; the work runs as a job.
 */
export async function receiveWebhook(registry: ProviderRegistry, providerId: string, request: Request): Promise<Response> {
  const definition = registry.require(providerId);
  const webhook = registry.getWebhook(providerId);
  if (!webhook) throw new AppError("not_found", `${definition.displayName} does not send webhooks to this app.`);
  const config = registry.getConfig(providerId)!;
  const delivery: WebhookRequest = { method: request.method, url: new URL(request.url), headers: request.headers, body: request.method === "GET" ? "" : await readBodyText(request, MAX_WEBHOOK_BYTES) };

  const handshake = webhook.handshake?.(delivery, config);
  if (handshake) return handshake;
  if (request.method === "GET") return json(405, { success: false, error: `${definition.displayName} webhooks are POSTed to this URL.` });

  const missing = (webhook.requiredSettings ?? []).filter((key) => !config.settings?.[key]);
  if (missing.length > 0) {
    const names = (definition.settings ?? []).filter((s) => missing.includes(s.key)).map((s) => s.envSuffix);
    warnOnce(`settings:${providerId}`, `[pierre] ${definition.displayName} webhook refused: its secret is not configured (${names.map((n) => `PIERRE_${providerId.toUpperCase()}_${n}`).join(", ")})`);
    return json(401, { success: false, error: `${definition.displayName} webhooks are not configured on this server.` });
  }
  const subscription = await findSubscription(providerId);
  if (!webhook.verify(delivery, config, { subscriptionId: subscription?.externalId ?? null, now: new Date() })) {
    return json(401, { success: false, error: `The ${definition.displayName} webhook signature did not verify.` });
  }

  let parsed: ReturnType<typeof webhook.parse>;
  try {
    parsed = webhook.parse(delivery);
  } catch {
    return json(400, { success: false, error: `The ${definition.displayName} webhook body is not in the documented format.` });
  }

  // The receipt and the job are one write: a delivery is either queued or not recorded (and the
  // provider's retry brings it again).
  const fresh = await getStore().transaction(async (tx) => {
    if (!(await recordDelivery(tx, providerId, parsed.deliveryId))) return false;
    if (parsed.events.length > 0) {
      const job: WebhookJob = { provider: providerId, deliveryId: parsed.deliveryId, events: parsed.events };
      await getJobQueue().enqueue("webhook", job, { key: `webhook:${providerId}:${excerpt(parsed.deliveryId, 200)}`, maxAttempts: 8 });
    }
    return true;
  });
  if (fresh && parsed.events.length > 0) wakeLocalWorker();
  const outcome = { received: parsed.events.length, duplicate: !fresh };
  return webhook.acknowledge ? webhook.acknowledge(outcome) : json(200, { success: true, ...outcome });
}
