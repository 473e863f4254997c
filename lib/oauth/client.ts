/**
 * The one OAuth 2.0 client: authorize URLs, code exchange and refresh for every provider, built on
 * oauth4webapi. Provider differences come from `definition.oauth` (scope separator, PKCE, client
 * authentication, token response adapters), never from branches on a provider id.
 */
import * as oauth from "oauth4webapi";
import { AppError } from "@/lib/errors";
import type { FitnessProvider, OAuthQuirks, TokenResponseContext, TokenSet } from "@/lib/providers/types";

export const TOKEN_REQUEST_TIMEOUT_MS = 15_000;

interface OAuthParts {
  name: string;
  quirks: OAuthQuirks;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  authUrl: string;
  tokenUrl: string;
}

function partsOf(provider: FitnessProvider): OAuthParts {
  const { definition, config } = provider;
  const name = definition.displayName;
  if (!definition.oauth || !config.authUrl || !config.tokenUrl) {
    throw new AppError("internal", `${name} does not connect through OAuth 2.0.`);
  }
  if (!config.clientId || !config.clientSecret) {
    throw new AppError("provider_not_configured", `${name} is not configured on this server yet.`);
  }
  const clientAuth =
    definition.oauth.clientAuth === "client_secret_basic" ? oauth.ClientSecretBasic(config.clientSecret) : oauth.ClientSecretPost(config.clientSecret);
  return { name, quirks: definition.oauth, client: { client_id: config.clientId }, clientAuth, authUrl: config.authUrl, tokenUrl: config.tokenUrl };
}

function authorizationServer(parts: OAuthParts, tokenEndpoint = parts.tokenUrl): oauth.AuthorizationServer {
  return { issuer: new URL(parts.authUrl).origin, authorization_endpoint: parts.authUrl, token_endpoint: tokenEndpoint };
}

export interface AuthorizationRequest {
  state: string;
  codeVerifier?: string;
}

/** The provider's consent URL with the configured scopes joined the way the provider expects. */
export async function buildAuthorizationUrl(provider: FitnessProvider, request: AuthorizationRequest): Promise<URL> {
  const parts = partsOf(provider);
  const url = new URL(parts.authUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", parts.client.client_id);
  url.searchParams.set("redirect_uri", provider.config.redirectUri);
  url.searchParams.set("state", request.state);
  if (!parts.quirks.omitScope && provider.config.defaultScopes.length > 0) {
    url.searchParams.set("scope", provider.config.defaultScopes.join(parts.quirks.scopeSeparator));
  }
  if (parts.quirks.pkce) {
    if (!request.codeVerifier) throw new AppError("internal", `${parts.name} needs a PKCE code verifier.`);
    url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(request.codeVerifier));
    url.searchParams.set("code_challenge_method", "S256");
  }
  for (const [key, value] of Object.entries(parts.quirks.authorizeParams ?? {})) url.searchParams.set(key, value);
  return url;
}

/**
 * A fetch for token requests that makes provider answers RFC 6749-shaped before oauth4webapi
 * reads them: the provider's adapter runs first, an error without `error` gets one from its status,
 * a missing token_type defaults to bearer, and 5xx/network failures become "try later" errors.
 */
function tokenFetch(parts: OAuthParts, context: TokenResponseContext): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS) });
    } catch {
      throw new AppError("provider_unavailable", `${parts.name} could not be reached. Please try again in a moment.`);
    }
    if (response.status >= 500) {
      throw new AppError("provider_unavailable", `${parts.name} had a server error (HTTP ${response.status}). Please try again in a moment.`);
    }
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    let status = response.status;
    if (body && parts.quirks.adaptTokenResponse) body = parts.quirks.adaptTokenResponse(body, context);
    if (body && status < 300 && typeof body.error === "string") status = 400;
    if (status >= 400 && typeof body?.error !== "string") {
      body = { error: status === 401 ? "invalid_client" : "invalid_grant", error_description: `HTTP ${status}` };
    }
    if (body && status < 300 && typeof body.token_type !== "string") body = { ...body, token_type: "bearer" };
    return new Response(body ? JSON.stringify(body) : "", { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

function requestOptions(parts: OAuthParts, endpoint: string, context: TokenResponseContext) {
  return {
    [oauth.customFetch]: tokenFetch(parts, context),
    // Only loopback sandboxes (or the demo) are allowed plain http by config validation.
    [oauth.allowInsecureRequests]: new URL(endpoint).protocol === "http:",
  };
}

function scopesOf(value: unknown): string[] | undefined {
  return typeof value === "string" && value.trim() ? value.split(/[\s,]+/).filter(Boolean) : undefined;
}

function toTokenSet(parts: OAuthParts, response: oauth.TokenEndpointResponse, fallback: Partial<TokenSet>): TokenSet {
  const body = response as unknown as Record<string, unknown>;
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? fallback.refreshToken,
    expiresAt: typeof response.expires_in === "number" ? new Date(Date.now() + response.expires_in * 1000) : fallback.expiresAt,
    scopes: scopesOf(response.scope) ?? fallback.scopes,
    providerUserId: parts.quirks.accountIdFromTokenResponse?.(body) ?? fallback.providerUserId,
  };
}

/** Exchanges the callback's code; the caller has already checked `state` against its store. */
export async function exchangeAuthorizationCode(
  provider: FitnessProvider,
  callback: URLSearchParams,
  options: { redirectUri: string; codeVerifier?: string },
): Promise<TokenSet> {
  const parts = partsOf(provider);
  const as = authorizationServer(parts);
  const context: TokenResponseContext = { grant: "authorization_code" };
  try {
    const params = oauth.validateAuthResponse(as, parts.client, callback, oauth.skipStateCheck);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      parts.client,
      parts.clientAuth,
      params,
      options.redirectUri,
      options.codeVerifier ?? oauth.nopkce,
      requestOptions(parts, parts.tokenUrl, context),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, parts.client, response);
    // Strava reports the scopes the person actually granted on the redirect, not in the token response.
    return toTokenSet(parts, result, { scopes: scopesOf(callback.get("scope")) ?? provider.config.defaultScopes });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new AppError("oauth_denied", `${parts.name} reported an error (${error.error}); nothing was connected.`);
    }
    throw new AppError("oauth_exchange_failed", `${parts.name} did not accept the authorization; nothing was connected. Please try again.`, {
      cause: error,
    });
  }
}

/** Renews an access token. invalid_grant / 400 / 401 → needs_reconnect; outages → provider_unavailable. */
export async function refreshAccessToken(provider: FitnessProvider, current: TokenSet): Promise<TokenSet> {
  const parts = partsOf(provider);
  if (!current.refreshToken) {
    throw new AppError("needs_reconnect", `${parts.name} access has expired and cannot be renewed automatically. Reconnect ${parts.name}.`);
  }
  const endpoint = parts.quirks.refreshPath ? new URL(parts.quirks.refreshPath, parts.tokenUrl).toString() : parts.tokenUrl;
  const as = authorizationServer(parts, endpoint);
  const context: TokenResponseContext = { grant: "refresh_token", current };
  try {
    const response = await oauth.refreshTokenGrantRequest(as, parts.client, parts.clientAuth, current.refreshToken, {
      ...requestOptions(parts, endpoint, context),
      additionalParameters: parts.quirks.refreshParams,
    });
    const result = await oauth.processRefreshTokenResponse(as, parts.client, response);
    return toTokenSet(parts, result, current);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof oauth.ResponseBodyError && (error.status === 400 || error.status === 401)) {
      throw new AppError("needs_reconnect", `${parts.name} no longer accepts this connection (${error.error}). Reconnect ${parts.name} to continue.`);
    }
    throw new AppError("provider_unavailable", `${parts.name} could not renew access right now; it will be retried.`, { cause: error });
  }
}

export function generateCodeVerifier(): string {
  return oauth.generateRandomCodeVerifier();
}
