import "server-only";
import { getStore, personLock, type Sql } from "@/lib/db";
import { deleteActivities, deleteConnection, findConnection, listConnections, upsertConnection } from "@/lib/db/queries";
import type { ProviderConnection } from "@/lib/db/schema";
import { AppError, describeError, providerFailure } from "@/lib/errors";
import { regroupAround, seedsOfDelete } from "@/lib/feed/regroup";
import { buildAuthorizationUrl, exchangeAuthorizationCode } from "@/lib/oauth/client";
import { claimState, issueState } from "@/lib/oauth/state";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { FitnessProvider, ProviderDefinition, TokenSet } from "@/lib/providers/types";
import { sha256Hex } from "@/lib/security/crypto";
import { getSyncSettings } from "@/lib/sync/settings";
import { heldLeases } from "@/lib/jobs/leases";
import { backfillProgress, historyImport } from "./history";
import { authorizedClient, encryptTokens } from "./tokens";
import { providerEnvName, providerSettingEnvName } from "@/lib/config/provider-env";

export type ConnectionStatus = "connected" | "disconnected" | "needs_reconnect" | "error" | "revoked" | "not_configured" | "retired";

export interface ProviderStatus {
  id: string;
  displayName: string;
  description: string;
  brandColor: string;
  logo: ProviderDefinition["logo"] | null;
  connection: ProviderDefinition["connection"];
  configured: boolean;
  connected: boolean;
  status: ConnectionStatus;
  /** Why it needs attention (needs_reconnect, error), or how an admin configures it. */
  reason: string | null;
  /** Env variables an admin sets to configure this provider. */
  credentialVariables: string[];
  account: { id: string | null; name: string | null } | null;
  connectedAt: string | null;
  lastSyncAt: string | null;
  lastSyncError: string | null;
  lastSyncCounts: { fetched: number; inserted: number; updated: number; skipped: number } | null;
  nextSyncAfter: string | null;
  /** A sync of this connection is running now (in any process). */
  syncing: boolean;
  /** The history import after connecting, while it runs ("4 of 12 months"). */
  history: { done: number; total: number; unit: string } | null;
  /** Set for a provider whose API was switched off: why, since when, and where its data comes from now. */
  retirement: {
    since: string;
    reason: string;
    successor: { id: string; displayName: string; configured: boolean; connected: boolean; connectUrl: string } | null;
  } | null;
}

type Connections = ReadonlyMap<string, ProviderConnection>;

/** The variables an admin sets: the client credentials, then the provider's required settings. */
function credentialVariablesOf(definition: ProviderDefinition): string[] {
  const settings = (definition.settings ?? []).filter((setting) => setting.required).map((setting) => providerSettingEnvName(definition.id, setting));
  const client = definition.requiresCredentials ? [providerEnvName(definition.id, "clientId"), providerEnvName(definition.id, "clientSecret")] : [];
  return [...client, ...settings];
}

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function retirementOf(registry: ProviderRegistry, definition: ProviderDefinition, connections: Connections): ProviderStatus["retirement"] {
  const retirement = definition.retirement;
  if (!retirement) return null;
  const successor = retirement.successor ? registry.getDefinition(retirement.successor) : undefined;
  const successorConnection = successor && connections.get(successor.id);
  return {
    since: retirement.since,
    reason: retirement.reason,
    successor: successor
      ? {
          id: successor.id,
          displayName: successor.displayName,
          configured: registry.isConfigured(successor.id),
          connected: successorConnection?.status === "connected" || successorConnection?.status === "error",
          connectUrl: `/api/providers/${encodeURIComponent(successor.id)}/connect`,
        }
      : null,
  };
}

function statusOf(registry: ProviderRegistry, definition: ProviderDefinition, connections: Connections, syncing: ReadonlySet<string> = new Set()): ProviderStatus {
  const connection = connections.get(definition.id);
  const configured = registry.isConfigured(definition.id);
  const credentialVariables = credentialVariablesOf(definition);
  // A retired provider without credentials is not something an admin should set up any more.
  const status: ConnectionStatus = !configured ? (definition.retirement ? "retired" : "not_configured") : !connection ? "disconnected" : connection.status;
  return {
    id: definition.id,
    displayName: definition.displayName,
    description: definition.description,
    brandColor: definition.brandColor,
    logo: definition.logo ?? null,
    connection: definition.connection,
    configured,
    // An account whose last sync failed is still connected; one that needs reconnecting is not usable.
    connected: status === "connected" || status === "error",
    status,
    reason:
      status === "not_configured"
        ? `An administrator needs to set ${listInWords(credentialVariables)}.`
        : status === "retired"
          ? `${definition.displayName} is retired. ${definition.retirement!.reason}`
          : status === "needs_reconnect" || status === "error" || status === "revoked"
            ? (connection?.statusReason ?? null)
            : null,
    credentialVariables,
    account: connection ? { id: connection.providerUserId, name: connection.providerUserName } : null,
    connectedAt: connection?.connectedAt.toISOString() ?? null,
    lastSyncAt: connection?.lastSyncAt?.toISOString() ?? null,
    lastSyncError: connection?.lastSyncError ?? null,
    lastSyncCounts: connection?.lastSyncCounts ? JSON.parse(connection.lastSyncCounts) : null,
    nextSyncAfter: connection?.nextSyncAfter?.toISOString() ?? null,
    syncing: connection ? syncing.has(connection.id) : false,
    history: connection && (status === "connected" || status === "error") ? backfillProgress(connection) : null,
    retirement: retirementOf(registry, definition, connections),
  };
}

async function connectionsOf(userId: string): Promise<Connections> {
  return new Map((await listConnections(userId)).map((c) => [c.provider, c]));
}

/** Every registered provider with this user's status, in registration order. */
export async function listProviderStatuses(registry: ProviderRegistry, userId: string): Promise<ProviderStatus[]> {
  const connections = await connectionsOf(userId);
  const syncing = await syncingConnections([...connections.values()].map((c) => c.id));
  return registry.listDefinitions().map((definition) => statusOf(registry, definition, connections, syncing));
}

/** Connections whose sync lease is held right now. */
async function syncingConnections(ids: readonly string[]): Promise<Set<string>> {
  const held = await heldLeases(ids.map((id) => `sync:${id}`));
  return new Set(ids.filter((id) => held.has(`sync:${id}`)));
}

export async function getProviderStatus(registry: ProviderRegistry, userId: string, providerId: string): Promise<ProviderStatus> {
  const definition = registry.require(providerId);
  const connections = await connectionsOf(userId);
  return statusOf(registry, definition, connections, await syncingConnections([...connections.values()].map((c) => c.id)));
}

function requireConfigured(registry: ProviderRegistry, providerId: string): ProviderDefinition {
  const definition = registry.require(providerId);
  if (!registry.isConfigured(providerId)) {
    const { reason } = statusOf(registry, definition, new Map());
    throw new AppError(
      "provider_not_configured",
      definition.retirement ? (reason ?? `${definition.displayName} is retired.`) : `${definition.displayName} is not configured on this server yet. ${reason}`,
    );
  }
  return definition;
}

export type ConnectStart = { kind: "redirect"; url: URL } | { kind: "connected"; notice: string };

/** Where to send the person to grant access, or — for providers with nothing to authorize — done. */
export async function startConnect(registry: ProviderRegistry, userId: string, providerId: string): Promise<ConnectStart> {
  const definition = requireConfigured(registry, providerId);
  const provider = registry.requireProvider(providerId);

  if (definition.connection === "none") {
    // Nothing to authorize: the account is derived from ours, so reconnecting finds the same data.
    const tokens: TokenSet = { accessToken: "none", providerUserId: `${providerId}-${sha256Hex(userId).slice(0, 16)}` };
    await storeConnection(provider, userId, tokens);
    return { kind: "connected", notice: `Connected to ${definition.displayName}` };
  }

  const issued = await issueState({ userId, provider: providerId, redirectUri: provider.config.redirectUri, pkce: Boolean(definition.oauth?.pkce) });
  if (definition.connection === "hosted") {
    if (!provider.beginConnect) throw new AppError("internal", `${definition.displayName} has no hosted connect flow.`);
    return { kind: "redirect", url: await provider.beginConnect({ userId, state: issued.state, redirectUri: provider.config.redirectUri }) };
  }
  return { kind: "redirect", url: await buildAuthorizationUrl(provider, issued) };
}

/**
 * The provider's redirect back: state first (it proves the request is ours and this person's),
 * then the provider's own answer, then every network call; the connection is written last, in one
 * transaction, so a failure anywhere leaves nothing half-stored.
 */
export async function completeConnect(
  registry: ProviderRegistry,
  userId: string,
  providerId: string,
  params: URLSearchParams,
): Promise<{ notice: string; connection: ProviderConnection }> {
  const definition = requireConfigured(registry, providerId);
  const provider = registry.requireProvider(providerId);
  const claimed = await claimState({ state: params.get("state"), userId, provider: providerId, providerName: definition.displayName });

  const error = params.get("error");
  if (error) {
    throw new AppError(
      "oauth_denied",
      error === "access_denied"
        ? `You did not grant access to ${definition.displayName}, so nothing was connected.`
        : `${definition.displayName} reported an error (${error.slice(0, 60)}); nothing was connected.`,
    );
  }

  let tokens: TokenSet;
  if (definition.connection === "hosted") {
    if (!provider.completeConnect) throw new AppError("internal", `${definition.displayName} has no hosted connect flow.`);
    tokens = await provider.completeConnect(params, { userId });
  } else {
    if (!params.get("code")) throw new AppError("oauth_exchange_failed", `${definition.displayName} sent no authorization code; nothing was connected.`);
    tokens = await exchangeAuthorizationCode(provider, params, { redirectUri: claimed.redirectUri, codeVerifier: claimed.codeVerifier });
  }
  const connection = await storeConnection(provider, userId, tokens);
  const retired = await retirePredecessors(registry, userId, providerId);
  const notice =
    retired.length === 0
      ? `Connected to ${definition.displayName}`
      : `Connected to ${definition.displayName}. ${listInWords(retired.map((d) => d.displayName))} ${retired.length === 1 ? "is" : "are"} disconnected; the workouts stored from ${retired.length === 1 ? "it" : "them"} stay in your history.`;
  return { notice, connection };
}

/**
 * Once the successor of a retired provider is connected, the retired connection goes: access is
 * revoked where the old API still answers, the tokens are deleted, and the workouts it stored stay
 * (the successor's records of the same workouts merge with them in the feed).
 */
async function retirePredecessors(registry: ProviderRegistry, userId: string, successorId: string): Promise<ProviderDefinition[]> {
  const retired: ProviderDefinition[] = [];
  for (const definition of registry.listDefinitions()) {
    if (definition.retirement?.successor !== successorId) continue;
    const connection = await findConnection(userId, definition.id);
    if (!connection) continue;
    await revokeAtProvider(registry, connection);
    await getStore().transaction((tx) => deleteConnection(userId, definition.id, tx), { lock: personLock(userId) });
    retired.push(definition);
  }
  return retired;
}

/** Best effort: a provider that cannot be reached (or whose API is gone) does not stop a disconnect. */
async function revokeAtProvider(registry: ProviderRegistry, connection: ProviderConnection): Promise<boolean> {
  const provider = registry.createProvider(connection.provider);
  if (!provider?.revoke) return true;
  try {
    await (await authorizedClient(connection, provider)).revoke?.();
    return true;
  } catch (error) {
    console.warn(`[pierre] revoking ${connection.provider} access failed:`, describeError(error));
    return false;
  }
}

async function storeConnection(provider: FitnessProvider, userId: string, tokens: TokenSet): Promise<ProviderConnection> {
  const name = provider.definition.displayName;
  try {
    await provider.setCredentials(tokens);
    await provider.onConnected?.({ userId });
    const athlete = await provider.getAthlete();
    return await upsertConnection(userId, provider.name, {
      ...encryptTokens({ userId, provider: provider.name }, tokens),
      status: "connected",
      statusReason: null,
      providerUserId: athlete.id || tokens.providerUserId || null,
      providerUserName: athlete.name,
      lastSyncError: null,
      nextSyncAfter: null,
      ...historyImport(provider.definition, getSyncSettings()),
    }, async (tx) => {
      await removeActivities(tx, userId, provider.name);
    });
  } catch (thrown) {
    const error = providerFailure(thrown, name);
    if (error.code !== "internal") {
      throw new AppError("oauth_exchange_failed", `Connecting ${name} failed: ${error.message}`, { cause: error });
    }
    console.error(`[pierre] storing the ${provider.name} connection failed:`, describeError(thrown));
    throw new AppError("oauth_exchange_failed", `Connecting ${name} failed; nothing was stored. Please try again.`, { cause: error });
  }
}

/** Deletes a person's activities from one provider and re-forms the groups they were in. */
async function removeActivities(tx: Sql, userId: string, provider: string): Promise<number> {
  const deleted = await deleteActivities(tx, userId, provider);
  await regroupAround(tx, userId, seedsOfDelete(deleted));
  return deleted.length;
}

export interface DisconnectResult {
  notice: string;
  revokedAtProvider: boolean;
  activitiesDeleted: number;
}

/** Revokes at the provider where it can, then deletes the tokens and that provider's data regardless. */
export async function disconnect(registry: ProviderRegistry, userId: string, providerId: string): Promise<DisconnectResult> {
  const definition = registry.require(providerId);
  const connection = await findConnection(userId, providerId);
  if (!connection) throw new AppError("not_connected", `${definition.displayName} is not connected.`);

  const revokedAtProvider = await revokeAtProvider(registry, connection);
  const activitiesDeleted = await getStore().transaction(async (tx) => {
    const deleted = await removeActivities(tx, userId, providerId);
    await deleteConnection(userId, providerId, tx);
    return deleted;
  }, { lock: personLock(userId) });
  const notice = revokedAtProvider
    ? `Disconnected from ${definition.displayName}.`
    : `Disconnected from ${definition.displayName}. ${definition.displayName} could not be reached to revoke access, so also remove Pierre Connect from your ${definition.displayName} account settings.`;
  return { notice, revokedAtProvider, activitiesDeleted };
}
