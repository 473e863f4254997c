import "server-only";
import { getConfig } from "@/lib/config";
import { findConnectionById, updateConnection } from "@/lib/db/queries";
import type { ProviderConnection } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { withLease } from "@/lib/jobs/leases";
import { refreshAccessToken } from "@/lib/oauth/client";
import type { FitnessProvider, TokenSet } from "@/lib/providers/types";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto";
import { markOutage, pauseProvider, takeRequest } from "./budget";

/** Refresh this long before expiry, so a token never expires in the middle of a sync. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** Binds each ciphertext to its owner and slot: a token copied into another row does not decrypt. */
function tokenAad(connection: Pick<ProviderConnection, "userId" | "provider">, slot: "access" | "refresh"): string {
  return `${connection.userId}:${connection.provider}:${slot}`;
}

export function encryptTokens(owner: Pick<ProviderConnection, "userId" | "provider">, tokens: TokenSet) {
  const key = getConfig().encryptionKey;
  return {
    accessTokenEnc: encryptSecret(key, tokens.accessToken, tokenAad(owner, "access")),
    refreshTokenEnc: tokens.refreshToken ? encryptSecret(key, tokens.refreshToken, tokenAad(owner, "refresh")) : null,
    tokenExpiresAt: tokens.expiresAt ?? null,
    scopes: tokens.scopes?.join(" ") ?? null,
  };
}

export function decryptTokens(connection: ProviderConnection): TokenSet {
  if (!connection.accessTokenEnc) throw new AppError("needs_reconnect", "This connection has no stored access. Reconnect to continue.");
  const key = getConfig().encryptionKey;
  try {
    return {
      accessToken: decryptSecret(key, connection.accessTokenEnc, tokenAad(connection, "access")),
      refreshToken: connection.refreshTokenEnc ? decryptSecret(key, connection.refreshTokenEnc, tokenAad(connection, "refresh")) : undefined,
      expiresAt: connection.tokenExpiresAt ?? undefined,
      scopes: connection.scopes?.split(" ").filter(Boolean),
      providerUserId: connection.providerUserId ?? undefined,
    };
  } catch {
    // A changed PIERRE_ENCRYPTION_KEY makes stored tokens unreadable; the person can reconnect.
    throw new AppError("needs_reconnect", "Stored access could not be read (the server's encryption key changed). Reconnect to continue.");
  }
}

function needsRefresh(tokens: TokenSet, now = Date.now()): boolean {
  return tokens.expiresAt !== undefined && tokens.expiresAt.getTime() - now < REFRESH_MARGIN_MS;
}

const refreshesInFlight = new Map<string, Promise<TokenSet>>();

/**
 * Usable tokens for a connection, refreshed first when they are about to expire. Concurrent callers
 * for one connection share a single refresh request (rotating refresh tokens are single-use), and the
 * new tokens — including a rotated refresh token — are saved in one statement.
 */
export function getUsableTokens(
  connectionId: string,
  provider: FitnessProvider,
  options: { /** The provider rejected this access token: refresh unless someone already has. */ rejected?: string } = {},
): Promise<TokenSet> {
  const inFlight = refreshesInFlight.get(connectionId);
  if (!inFlight) return startAttempt(connectionId, provider, options.rejected);
  if (options.rejected === undefined) return inFlight;
  // The attempt in flight may be a plain load that hands back the very token the provider just
  // refused: then a refresh is started (or joined, when another refused caller started it first).
  return inFlight.then((tokens) =>
    tokens.accessToken !== options.rejected ? tokens : (refreshesInFlight.get(connectionId) ?? startAttempt(connectionId, provider, options.rejected)),
  );
}

function startAttempt(connectionId: string, provider: FitnessProvider, rejected: string | undefined): Promise<TokenSet> {
  // Registered before the first await, so callers arriving meanwhile join this attempt.
  const attempt: Promise<TokenSet> = loadOrRefresh(connectionId, provider, rejected).finally(() => {
    if (refreshesInFlight.get(connectionId) === attempt) refreshesInFlight.delete(connectionId);
  });
  refreshesInFlight.set(connectionId, attempt);
  return attempt;
}

/** A refresh waits this long for one another process is making for the same connection. */
const REFRESH_LEASE_MS = 30_000;

async function loadOrRefresh(connectionId: string, provider: FitnessProvider, rejected: string | undefined): Promise<TokenSet> {
  const first = await decide(connectionId, provider, rejected);
  if (!first.refresh) return first.tokens;
  // One refresh per connection across every process: rotating refresh tokens are single-use, and
  // a second process spending the same one would lose the connection.
  const outcome = await withLease(`refresh:${connectionId}`, { ttlMs: REFRESH_LEASE_MS, waitMs: REFRESH_LEASE_MS, pollMs: 50 }, async () => {
    // Read again under the lease: the process that held it may have just refreshed.
    const now = await decide(connectionId, provider, rejected);
    return now.refresh ? refreshAndStore(connectionId, provider, now.connection, now.tokens) : now.tokens;
  });
  if (!outcome.held) throw new AppError("provider_unavailable", `Refreshing access to ${provider.definition.displayName} is taking too long; please try again.`);
  return outcome.value;
}

async function decide(
  connectionId: string,
  provider: FitnessProvider,
  rejected: string | undefined,
): Promise<{ connection: ProviderConnection; tokens: TokenSet; refresh: boolean }> {
  const connection = await findConnectionById(connectionId);
  if (!connection) throw new AppError("not_connected", `${provider.definition.displayName} is not connected.`);
  if (connection.status === "needs_reconnect") {
    throw new AppError("needs_reconnect", connection.statusReason ?? `Reconnect ${provider.definition.displayName} to continue.`);
  }
  const tokens = decryptTokens(connection);
  // A rejected token that is no longer the stored one was already replaced by another caller.
  const force = rejected !== undefined && rejected === tokens.accessToken;
  if (!provider.definition.oauth || (!force && !needsRefresh(tokens))) return { connection, tokens, refresh: false };
  if (force && !tokens.refreshToken) {
    throw new AppError("needs_reconnect", `${provider.definition.displayName} no longer accepts this connection. Reconnect ${provider.definition.displayName} to continue.`);
  }
  return { connection, tokens, refresh: true };
}

async function refreshAndStore(connectionId: string, provider: FitnessProvider, connection: ProviderConnection, tokens: TokenSet): Promise<TokenSet> {
  try {
    const renewed = await refreshAccessToken(provider, tokens);
    await updateConnection(connectionId, { ...encryptTokens(connection, renewed), status: "connected", statusReason: null });
    return renewed;
  } catch (error) {
    if (error instanceof AppError && error.code === "needs_reconnect") {
      await updateConnection(connectionId, { status: "needs_reconnect", statusReason: error.message });
    }
    throw error;
  }
}

/**
 * A provider client holding this connection's usable credentials, that refreshes once when the
 * provider rejects them and draws every request from the provider's shared budget.
 */
export async function authorizedClient(connection: ProviderConnection, provider: FitnessProvider): Promise<FitnessProvider> {
  const definition = provider.definition;
  await provider.setCredentials(await getUsableTokens(connection.id, provider), {
    refresh: (rejected) => getUsableTokens(connection.id, provider, { rejected }),
    beforeRequest: () => takeRequest(definition, connection.userId),
    onRetryAfter: (retryAt) => pauseProvider(definition, connection.userId, retryAt),
    onOutage: (until) => markOutage(definition, until),
  });
  return provider;
}
