import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import {
  findOAuthCode,
  findOAuthToken,
  insertOAuthCode,
  insertOAuthGrant,
  insertOAuthTokens,
  markOAuthCodeUsed,
  revokeOAuthGrant,
  revokeOAuthToken,
  type IssuedToken,
} from "@/lib/db/queries";
import type { OAuthCodeRow, OAuthGrantRow } from "@/lib/db/schema";
import { describeError, excerpt, OAuthProtocolError, type OAuthErrorCode, oauthErrorStatus } from "@/lib/errors";
import { allMcpScopes, formatScopes, isMcpScope, parseStoredScopes, type McpScope } from "@/lib/mcp/scopes";
import { randomToken, sha256Hex } from "@/lib/security/crypto";
import { authenticateClient, clientCredentials, findClient, type RegisteredClient } from "./clients";
import { isOurResource, issuerUrl, mcpResourceUrl } from "./metadata";
import { matchRedirectUri } from "./redirect-uris";

/**
 * The authorization server behind MCP authorization, on @node-oauth/oauth2-server: the library
 * runs the authorization-code and refresh-token grants (client checks, PKCE verification, code
 * expiry, rotation, the RFC 6749 answers); this module is its storage model and the parts the
 * library leaves to its user — the consent step, resource indicators (RFC 8707) and revocation
 * (RFC 7009).
 */

export const ACCESS_TOKEN_LIFETIME_SECONDS = 60 * 60;
export const REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const CODE_LIFETIME_SECONDS = 5 * 60;
/** Prefixes make a leaked token recognisable, and tell an MCP OAuth token from a personal one. */
export const ACCESS_TOKEN_PREFIX = "pcat_";
export const REFRESH_TOKEN_PREFIX = "pcrt_";

const GRANTS = ["authorization_code", "refresh_token"];

/** The scopes a client gets: what it asked for (within what it registered), or everything it may have. */
export function grantableScopes(client: RegisteredClient, requested: string | undefined): McpScope[] | { unknown: string } | { notRegistered: string } {
  const allowed = client.scopes ?? allMcpScopes;
  const words = (requested ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...allowed];
  for (const word of words) {
    if (!isMcpScope(word)) return { unknown: word };
    if (!allowed.includes(word)) return { notRegistered: word };
  }
  return allMcpScopes.filter((scope) => words.includes(scope));
}

interface ModelContext {
  baseUrl: URL;
  /** The authorization step asks for no client secret: the client is not present, the person is. */
  clientAuthenticated: boolean;
  /** Set when a code is read for exchange: what it was issued for. */
  exchangedCode?: OAuthCodeRow;
  /** Set when a refresh token is read: the family its successors join. */
  refreshedGrant?: OAuthGrantRow;
}

type Model = OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel;

function libraryClient(client: RegisteredClient): OAuth2Server.Client {
  return { id: client.id, grants: GRANTS, redirectUris: client.redirectUris, registered: client };
}

/** The library's storage model, one per request, so what one step learns reaches the next. */
function createModel(context: ModelContext): Model {
  const issued = (token: string, kind: IssuedToken["kind"], scope: string[] | undefined, expiresAt: Date): IssuedToken => ({
    tokenHash: sha256Hex(token),
    kind,
    scope: formatScopes(parseStoredScopes((scope ?? []).join(" "))),
    expiresAt,
  });
  return {
    async getClient(clientId, clientSecret) {
      const client = context.clientAuthenticated ? await authenticateClient(clientId, clientSecret || undefined) : await findClient(clientId);
      return client ? libraryClient(client) : undefined;
    },
    async validateRedirectUri(redirectUri, client) {
      return matchRedirectUri(redirectUri, (client.registered as RegisteredClient).redirectUris) !== undefined;
    },
    async validateScope(_user, client, scope) {
      const scopes = grantableScopes(client.registered as RegisteredClient, scope?.join(" "));
      return Array.isArray(scopes) ? scopes : false;
    },
    async generateAuthorizationCode() {
      return randomToken(32);
    },
    async generateAccessToken() {
      return `${ACCESS_TOKEN_PREFIX}${randomToken(32)}`;
    },
    async generateRefreshToken() {
      return `${REFRESH_TOKEN_PREFIX}${randomToken(32)}`;
    },
    async saveAuthorizationCode(code, client, user) {
      await insertOAuthCode({
        codeHash: sha256Hex(code.authorizationCode),
        clientId: client.id,
        userId: (user as { id: string }).id,
        redirectUri: code.redirectUri,
        scope: formatScopes(parseStoredScopes((code.scope ?? []).join(" "))),
        resource: mcpResourceUrl(context.baseUrl),
        codeChallenge: code.codeChallenge!,
        codeChallengeMethod: "S256",
        expiresAt: code.expiresAt,
      });
      return { ...code, client, user };
    },
    async getAuthorizationCode(authorizationCode) {
      const row = await findOAuthCode(sha256Hex(authorizationCode));
      if (!row) return undefined;
      if (row.usedAt) {
        // A code used twice was stolen or replayed: the tokens it already bought end too (RFC 6749 §4.1.2).
        if (row.grantId) await revokeOAuthGrant(row.grantId);
        return undefined;
      }
      context.exchangedCode = row;
      return {
        authorizationCode,
        expiresAt: row.expiresAt,
        redirectUri: row.redirectUri,
        scope: parseStoredScopes(row.scope),
        client: { id: row.clientId, grants: GRANTS },
        user: { id: row.userId },
        codeChallenge: row.codeChallenge,
        codeChallengeMethod: row.codeChallengeMethod,
      };
    },
    async revokeAuthorizationCode(code) {
      return markOAuthCodeUsed(sha256Hex(code.authorizationCode));
    },
    async getRefreshToken(refreshToken) {
      if (!refreshToken.startsWith(REFRESH_TOKEN_PREFIX)) return undefined;
      const stored = await findOAuthToken(sha256Hex(refreshToken));
      if (!stored || stored.kind !== "refresh" || stored.grant.revokedAt) return undefined;
      if (stored.revokedAt) {
        // A rotated refresh token came back: someone kept a copy. The whole family ends (OAuth 2.1 §4.3.1).
        console.warn(`[pierre] a rotated MCP refresh token was reused; grant ${stored.grant.id} is revoked`);
        await revokeOAuthGrant(stored.grant.id);
        return undefined;
      }
      if (stored.grant.resource !== mcpResourceUrl(context.baseUrl)) return undefined;
      context.refreshedGrant = stored.grant;
      return {
        refreshToken,
        refreshTokenExpiresAt: stored.expiresAt,
        scope: parseStoredScopes(stored.scope),
        client: { id: stored.grant.clientId, grants: GRANTS },
        user: { id: stored.grant.userId },
      };
    },
    async revokeToken(token) {
      return revokeOAuthToken(sha256Hex(token.refreshToken));
    },
    async saveToken(token, client, user) {
      const tokens = [issued(token.accessToken, "access", token.scope, token.accessTokenExpiresAt!)];
      if (token.refreshToken) tokens.push(issued(token.refreshToken, "refresh", token.scope, token.refreshTokenExpiresAt!));
      if (context.refreshedGrant) {
        await insertOAuthTokens(context.refreshedGrant.id, tokens);
      } else if (context.exchangedCode) {
        const code = context.exchangedCode;
        if (code.resource !== mcpResourceUrl(context.baseUrl)) throw new OAuthProtocolError("invalid_grant", "The authorization code was issued for another resource.");
        await insertOAuthGrant(
          { userId: code.userId, clientId: client.id, scope: formatScopes(parseStoredScopes((token.scope ?? []).join(" "))), resource: code.resource, codeHash: code.codeHash },
          tokens,
        );
      } else {
        throw new Error("saveToken without a code or refresh token");
      }
      return { ...token, client, user };
    },
    // Bearer tokens are checked by lib/mcp/auth.ts in one prepared statement, never through the library.
    async getAccessToken() {
      return undefined;
    },
  };
}

/** A library failure as our OAuth error; internal ones keep their details in the log. */
function fromLibraryError(error: unknown): OAuthProtocolError {
  if (error instanceof OAuthProtocolError) return error;
  if (error instanceof OAuth2Server.OAuthError && error.name in oauthErrorStatus && error.name !== "server_error") {
    return new OAuthProtocolError(error.name as OAuthErrorCode, error.message, { status: error.code });
  }
  const inner = error instanceof OAuth2Server.OAuthError ? ((error as { inner?: unknown }).inner ?? error) : error;
  if (inner instanceof OAuthProtocolError) return inner;
  console.error("[pierre] OAuth request failed:", describeError(inner));
  return new OAuthProtocolError("server_error", "Something went wrong on our side. Please try again.");
}

/** Form parameters of a token or revocation request; a parameter given twice is refused (RFC 6749 §3.2). */
export function readFormParams(request: Request, body: string): URLSearchParams {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new OAuthProtocolError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  const params = new URLSearchParams(body);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) throw new OAuthProtocolError("invalid_request", `Parameter ${excerpt(key)} is given more than once.`);
    seen.add(key);
  }
  return params;
}

/** The token endpoint: authorization_code (PKCE S256 only) and refresh_token (rotating). */
export async function exchangeToken(request: Request, params: URLSearchParams, baseUrl: URL): Promise<Response> {
  const grantType = params.get("grant_type");
  if (!grantType) throw new OAuthProtocolError("invalid_request", "Missing grant_type: use authorization_code or refresh_token.");
  if (!GRANTS.includes(grantType)) throw new OAuthProtocolError("unsupported_grant_type", `grant_type ${excerpt(grantType)} is not supported; use authorization_code or refresh_token.`);
  const resource = params.get("resource");
  if (resource !== null && !isOurResource(resource, baseUrl)) {
    throw new OAuthProtocolError("invalid_target", `This server issues tokens only for ${mcpResourceUrl(baseUrl)}, not ${excerpt(resource, 80)}.`);
  }
  // Credentials are read here so that a malformed Authorization header gets our clear answer.
  const { clientId, secret } = clientCredentials(request.headers, params);
  const body: Record<string, string> = Object.fromEntries(params);
  body.client_id = clientId;
  if (secret) body.client_secret = secret;

  const libraryRequest = new OAuth2Server.Request({
    method: "POST",
    query: {},
    // The library reads the body and its type only; client credentials were taken from the header already.
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(JSON.stringify(body).length) },
    body,
  });
  const libraryResponse = new OAuth2Server.Response();
  const context: ModelContext = { baseUrl, clientAuthenticated: true };
  try {
    await new OAuth2Server({ model: createModel(context) }).token(libraryRequest, libraryResponse, {
      accessTokenLifetime: ACCESS_TOKEN_LIFETIME_SECONDS,
      refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_SECONDS,
      // Public clients prove themselves with PKCE (codes) and possession (refresh); the model checks secrets of confidential ones.
      requireClientAuthentication: { authorization_code: false, refresh_token: false },
      alwaysIssueNewRefreshToken: true,
    });
  } catch (error) {
    const failure = fromLibraryError(error);
    // A client that tried HTTP Basic is told so with a 401 and the scheme to use (RFC 6749 §5.2).
    if (failure.error === "invalid_client" && request.headers.has("authorization")) {
      return new OAuthProtocolError("invalid_client", failure.message, { status: 401 }).toResponse({ headers: { "WWW-Authenticate": 'Basic realm="Pierre Connect"' } });
    }
    throw failure;
  }
  return Response.json(libraryResponse.body, { status: 200, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
}

/**
 * Token revocation (RFC 7009). A refresh token ends its whole family; an access token ends alone.
 * Unknown tokens, and tokens of another client, answer 200 as well, so the endpoint tells nobody
 * which tokens exist.
 */
export async function revokeTokenRequest(request: Request, params: URLSearchParams): Promise<Response> {
  const { clientId, secret } = clientCredentials(request.headers, params);
  const client = await authenticateClient(clientId, secret);
  if (!client) {
    return new OAuthProtocolError("invalid_client", "Client authentication failed.", { status: 401 }).toResponse(
      request.headers.has("authorization") ? { headers: { "WWW-Authenticate": 'Basic realm="Pierre Connect"' } } : undefined,
    );
  }
  const token = params.get("token");
  if (!token) throw new OAuthProtocolError("invalid_request", "Missing token: send the token to revoke.");
  const stored = token.length <= 200 ? await findOAuthToken(sha256Hex(token)) : undefined;
  if (stored && stored.grant.clientId === client.id) {
    if (stored.kind === "refresh") await revokeOAuthGrant(stored.grant.id);
    else await revokeOAuthToken(stored.tokenHash);
  }
  return new Response(null, { status: 200, headers: { "Cache-Control": "no-store" } });
}

/** A checked authorization request, ready for the person's decision. */
export interface ConsentRequest {
  client: RegisteredClient;
  redirectUri: string;
  scopes: McpScope[];
  state: string | null;
  codeChallenge: string;
}

export type AuthorizationRequestCheck =
  /** Nothing can be sent back to the app (unknown client, unregistered redirect URI): tell the person. */
  | { kind: "invalid"; message: string }
  /** The app made a wrong request: the error goes back to it. */
  | { kind: "redirect"; url: string }
  | { kind: "consent"; request: ConsentRequest };

export type AuthorizationParams = Record<string, string | string[] | undefined>;

/** A query string as authorization parameters, a repeated one as its list of values (Next's searchParams shape). */
export function authorizationParams(query: string): AuthorizationParams {
  const params: AuthorizationParams = {};
  for (const [name, value] of new URLSearchParams(query)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/** The inverse: the request as a query string, to come back to after sign-in and to decide on. */
export function authorizationQuery(params: AuthorizationParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  return query.toString();
}

/** The URL that returns an authorization answer to the app, with `iss` (RFC 9207) against mix-ups. */
function answerUrl(redirectUri: string, baseUrl: URL, values: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) if (value) url.searchParams.set(name, value);
  url.searchParams.set("iss", issuerUrl(baseUrl));
  return url.toString();
}

const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks an authorization request (RFC 6749 §4.1.1 with PKCE and RFC 8707) in the order the
 * RFC asks: until the client and its redirect URI are known, errors are shown to the person;
 * after that, they are sent back to the app.
 */
export async function checkAuthorizationRequest(params: AuthorizationParams, baseUrl: URL): Promise<AuthorizationRequestCheck> {
  const invalid = (message: string): AuthorizationRequestCheck => ({ kind: "invalid", message });
  const single = (name: string): string | undefined | null => {
    const value = params[name];
    if (Array.isArray(value)) return null;
    return value === undefined || value === "" ? undefined : value;
  };
  const clientId = single("client_id");
  if (clientId === null) return invalid("The app sent client_id more than once.");
  if (!clientId) return invalid("The app's request has no client_id. Ask it to connect again.");
  const client = await findClient(clientId);
  if (!client) return invalid("This app is not registered with Pierre Connect (unknown client_id). Ask it to connect again.");

  const requestedRedirect = single("redirect_uri");
  if (requestedRedirect === null) return invalid("The app sent redirect_uri more than once.");
  let redirectUri: string;
  if (requestedRedirect === undefined) {
    if (client.redirectUris.length !== 1) return invalid("The app's request has no redirect_uri, and it registered several.");
    redirectUri = client.redirectUris[0]!;
  } else {
    const matched = matchRedirectUri(requestedRedirect, client.redirectUris);
    if (!matched) return invalid(`The app asked to send you to an address it did not register (${excerpt(requestedRedirect, 80)}).`);
    redirectUri = matched;
  }

  const state = single("state");
  const fail = (error: OAuthErrorCode, description: string): AuthorizationRequestCheck => ({
    kind: "redirect",
    url: answerUrl(redirectUri, baseUrl, { error, error_description: description, state: typeof state === "string" ? state : undefined }),
  });
  const repeated = Object.entries(params).find(([, value]) => Array.isArray(value));
  if (repeated) return fail("invalid_request", `Parameter ${excerpt(repeated[0])} is given more than once.`);
  if (state && (state.length > 1000 || !/^[\x20-\x7e]+$/.test(state))) return fail("invalid_request", "Invalid state: use at most 1000 printable ASCII characters.");

  const responseType = single("response_type");
  if (!responseType) return fail("invalid_request", "Missing response_type: use code.");
  if (responseType !== "code") return fail("unsupported_response_type", `response_type ${excerpt(responseType)} is not supported; use code.`);

  const codeChallenge = single("code_challenge");
  const method = single("code_challenge_method");
  if (!codeChallenge) return fail("invalid_request", "Missing code_challenge: PKCE with code_challenge_method=S256 is required.");
  if (method !== "S256") return fail("invalid_request", `Invalid code_challenge_method${method ? ` ${excerpt(method)}` : " (missing)"}: only S256 is supported.`);
  if (!CODE_CHALLENGE.test(codeChallenge)) return fail("invalid_request", "Invalid code_challenge: an S256 challenge is 43 base64url characters.");

  const scopes = grantableScopes(client, single("scope") ?? undefined);
  if ("unknown" in scopes) return fail("invalid_scope", `Unknown scope ${excerpt(scopes.unknown)}; this server offers ${allMcpScopes.join(", ")}.`);
  if ("notRegistered" in scopes) return fail("invalid_scope", `Scope ${excerpt(scopes.notRegistered)} was not part of this app's registration.`);

  const resource = single("resource");
  if (resource && !isOurResource(resource, baseUrl)) {
    return fail("invalid_target", `This server issues tokens only for ${mcpResourceUrl(baseUrl)}, not ${excerpt(resource, 80)}.`);
  }
  return { kind: "consent", request: { client, redirectUri, scopes, state: state ?? null, codeChallenge } };
}

/**
 * The person's answer to a checked request: a code for the app (through the library, which
 * generates and stores it), or access_denied. Either way, the URL to send the browser to.
 */
export async function decideAuthorization(userId: string, request: ConsentRequest, decision: "allow" | "deny", baseUrl: URL): Promise<string> {
  if (decision === "deny") {
    return answerUrl(request.redirectUri, baseUrl, {
      error: "access_denied",
      error_description: `You declined to let ${request.client.name} use Pierre Connect.`,
      state: request.state,
    });
  }
  const query: Record<string, string> = {
    client_id: request.client.id,
    redirect_uri: request.redirectUri,
    response_type: "code",
    scope: formatScopes(request.scopes),
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
  };
  if (request.state) query.state = request.state;
  const libraryResponse = new OAuth2Server.Response();
  try {
    await new OAuth2Server({ model: createModel({ baseUrl, clientAuthenticated: false }) }).authorize(
      new OAuth2Server.Request({ method: "POST", query, headers: {}, body: {} }),
      libraryResponse,
      { authenticateHandler: { handle: () => ({ id: userId }) }, allowEmptyState: true, authorizationCodeLifetime: CODE_LIFETIME_SECONDS },
    );
  } catch (error) {
    const failure = fromLibraryError(error);
    return answerUrl(request.redirectUri, baseUrl, { error: failure.error, error_description: failure.message, state: request.state });
  }
  const code = new URL(String(libraryResponse.get("location"))).searchParams.get("code");
  if (!code) throw new Error("the authorization step produced no code");
  return answerUrl(request.redirectUri, baseUrl, { code, state: request.state });
}
