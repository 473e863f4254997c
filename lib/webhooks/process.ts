import "server-only";
import { activityFieldNames, activityFields } from "@/lib/activity/fields";
import { requestSync } from "@/lib/background/queue";
import { authorizedClient } from "@/lib/connections/tokens";
import { getStore, personLock } from "@/lib/db";
import { deleteActivities, findConnectionByProviderUser, updateConnection } from "@/lib/db/queries";
import type { ProviderConnection } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publish } from "@/lib/events";
import { regroupAround, seedsOfDelete } from "@/lib/feed/regroup";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { NormalizedActivity, WebhookEvent } from "@/lib/providers/types";
import { ingestPage } from "@/lib/sync/engine";
import type { WebhookJob } from "./receive";

const DAY = 86_400_000;
const unknownAccounts = new Set<string>();

/** Events went through JSON in the job table: their instants come back as strings. */
function revive(event: WebhookEvent): WebhookEvent {
  const date = (value: unknown) => (value === undefined ? undefined : new Date(value as string));
  switch (event.kind) {
    case "activity": {
      let activity: NormalizedActivity | undefined;
      if (event.activity) {
        activity = { ...event.activity };
        for (const name of activityFieldNames) {
          const value = activity[name];
          if (activityFields[name].type === "instant" && value !== null) (activity as Record<string, unknown>)[name] = new Date(value as unknown as string);
        }
      }
      return { ...event, at: date(event.at), activity };
    }
    case "changed":
      return { ...event, window: event.window ? { after: date(event.window.after)!, before: date(event.window.before)! } : undefined };
    default:
      return event;
  }
}

/**
 * Acts on one delivery's events for whichever person each names. A workout the delivery carries
 * (signed) is stored as it is; one it only names is fetched with the person's own token; a change
 * it only hints at starts a sync of the window. Every step can run twice and store nothing twice.
 */
export async function processWebhook(registry: ProviderRegistry, job: WebhookJob): Promise<void> {
  const definition = registry.getDefinition(job.provider);
  const webhook = registry.getWebhook(job.provider);
  if (!definition || !webhook) return;
  for (const event of job.events.map(revive)) {
    const connection = await findConnectionByProviderUser(job.provider, event.providerUserId);
    if (!connection) {
      const key = `${job.provider}:${event.providerUserId}`;
      if (!unknownAccounts.has(key)) {
        unknownAccounts.add(key);
        console.warn(`[pierre] ${definition.displayName} webhook for an account no one here has connected (${event.kind}); ignored`);
      }
      continue;
    }
    switch (event.kind) {
      case "activity":
        await storeActivity(registry, connection, event);
        break;
      case "activity_deleted":
        await removeActivity(connection, event.activityId);
        break;
      case "deauthorized":
        // Unsigned deliveries cannot withdraw access on their word: the provider's own API must agree.
        if (webhook.authenticity === "none" && (await stillAuthorized(registry, connection))) break;
        await markRevoked(connection, definition.displayName);
        break;
      case "changed":
        await requestSync(
          event.window
            ? { connectionId: connection.id, reason: "webhook", window: { after: event.window.after.toISOString(), before: event.window.before.toISOString() } }
            : { connectionId: connection.id, reason: "webhook" },
        );
        break;
    }
  }
}

async function storeActivity(registry: ProviderRegistry, connection: ProviderConnection, event: Extract<WebhookEvent, { kind: "activity" }>): Promise<void> {
  if (event.activity) {
    await ingest(connection, event.activity);
    return;
  }
  const provider = registry.createProvider(connection.provider)!;
  if (provider.fetchActivity && connection.status !== "needs_reconnect" && connection.status !== "revoked") {
    const client = await authorizedClient(connection, provider);
    const activity = await client.fetchActivity!(event.activityId);
    // Gone by the time we asked (deleted right after the change), or not a workout.
    if (activity) await ingest(connection, activity);
    else await removeActivity(connection, event.activityId);
    return;
  }
  const at = event.at?.getTime() ?? Date.now();
  await requestSync({ connectionId: connection.id, reason: "webhook", window: { after: new Date(at - DAY).toISOString(), before: new Date(at + DAY).toISOString() } });
}

async function ingest(connection: ProviderConnection, activity: NormalizedActivity): Promise<void> {
  const written = await ingestPage(connection.userId, connection.provider, [{ ...activity, provider: connection.provider }]);
  if (written.inserted + written.updated > 0) await publish(connection.userId, { kind: "activities", provider: connection.provider, changed: written.inserted + written.updated });
}

async function removeActivity(connection: ProviderConnection, providerActivityId: string): Promise<void> {
  const removed = await getStore().transaction(async (tx) => {
    const deleted = await deleteActivities(tx, connection.userId, connection.provider, [providerActivityId]);
    await regroupAround(tx, connection.userId, seedsOfDelete(deleted));
    return deleted.length;
  }, { lock: personLock(connection.userId) });
  if (removed > 0) await publish(connection.userId, { kind: "activities", provider: connection.provider, changed: removed });
}

async function stillAuthorized(registry: ProviderRegistry, connection: ProviderConnection): Promise<boolean> {
  const provider = registry.createProvider(connection.provider)!;
  try {
    const client = await authorizedClient(connection, provider);
    if (client.checkAccess) return await client.checkAccess();
    await client.getAthlete();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "needs_reconnect") return false;
    // Unreachable or failing: no verdict; the provider's retry (or the next sync) settles it.
    throw error;
  }
}

async function markRevoked(connection: ProviderConnection, displayName: string): Promise<void> {
  // The tokens are useless now; the person's workouts stay until they disconnect.
  await updateConnection(connection.id, {
    status: "revoked",
    statusReason: `You withdrew Pierre Connect's access in ${displayName}. Reconnect ${displayName} to sync again; the workouts already here stay.`,
    accessTokenEnc: null,
    refreshTokenEnc: null,
    tokenExpiresAt: null,
  });
  await publish(connection.userId, { kind: "connection", provider: connection.provider, status: "revoked" });
}
