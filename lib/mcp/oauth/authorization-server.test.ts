import { createHash } from "node:crypto";
import { OAuthTokensSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authenticateRequest } from "@/lib/auth/request";
import { authenticateMcpRequest, mcpChallenge } from "@/lib/mcp/auth";
import { allMcpScopes } from "@/lib/mcp/scopes";
import { synthetic } from "@/lib/providers/synthetic";
import { randomToken } from "@/lib/security/crypto";
import { createTestApp, type TestApp } from "@/test/test-app";
import { listAuthorizedApps, revokeAuthorizedApp } from "./apps";
import { authorizationParams, authorizationQuery, checkAuthorizationRequest, decideAuthorization, grantableScopes, type AuthorizationParams } from "./authorization-server";
import { findClient, registerClient } from "./clients";
import { handleRevocation, handleToken } from "./endpoints";

const baseUrl = new URL("http://localhost:3000");
const resource = "http://localhost:3000/api/mcp";
const redirectUri = "http://127.0.0.1:33418/callback";

let app: TestApp;
let userId: string;
beforeEach(async () => {
  app = await createTestApp({ modules: [synthetic] });
  userId = await app.createUser();
});
afterEach(async () => app.close());

function pkce() {
  const verifier = randomToken(32);
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function publicClient(overrides: Record<string, unknown> = {}) {
  return registerClient({ client_name: "Claude", redirect_uris: [redirectUri], token_endpoint_auth_method: "none", ...overrides });
}

function authorizeParams(clientId: string, challenge: string, extra: AuthorizationParams = {}): AuthorizationParams {
  return { client_id: clientId, redirect_uri: redirectUri, response_type: "code", code_challenge: challenge, code_challenge_method: "S256", state: "st-1", resource, ...extra };
}

/** Consent given: the code the app receives at its redirect URI. */
async function codeFor(clientId: string, challenge: string, extra: AuthorizationParams = {}): Promise<string> {
  const check = await checkAuthorizationRequest(authorizeParams(clientId, challenge, extra), baseUrl);
  if (check.kind !== "consent") throw new Error(`expected consent, got ${JSON.stringify(check)}`);
  const url = new URL(await decideAuthorization(userId, check.request, "allow", baseUrl));
  expect(url.origin + url.pathname).toBe(redirectUri);
  expect(url.searchParams.get("state")).toBe("st-1");
  expect(url.searchParams.get("iss")).toBe("http://localhost:3000");
  return url.searchParams.get("code")!;
}

function form(values: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3000/api/oauth/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(values).toString(),
  });
}

async function token(values: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await handleToken(form(values, headers));
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

async function exchange(clientId: string, code: string, verifier: string, extra: Record<string, string> = {}) {
  return token({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri, client_id: clientId, resource, ...extra });
}

async function mcpCaller(accessToken: string) {
  return authenticateMcpRequest(new Request("http://localhost:3000/api/mcp", { method: "POST", headers: { authorization: `Bearer ${accessToken}` } }));
}

async function signedIn(clientId: string) {
  const { verifier, challenge } = pkce();
  const code = await codeFor(clientId, challenge);
  const answer = await exchange(clientId, code, verifier);
  expect(answer.status).toBe(200);
  return OAuthTokensSchema.parse(answer.body);
}

describe("the authorization code flow with PKCE", () => {
  it("issues short-lived, audience-bound tokens for a code and its verifier", async () => {
    const client = await publicClient();
    const tokens = await signedIn(client.client_id);
    expect(tokens).toMatchObject({ token_type: "Bearer", scope: allMcpScopes.join(" ") });
    expect(tokens.expires_in).toBeGreaterThanOrEqual(3590);
    expect(tokens.expires_in).toBeLessThanOrEqual(3600);
    expect(tokens.access_token).toMatch(/^pcat_[\w-]{43}$/);
    expect(tokens.refresh_token).toMatch(/^pcrt_[\w-]{43}$/);
    const caller = await mcpCaller(tokens.access_token);
    expect(caller).toMatchObject({ ok: true, caller: { via: "oauth", user: { id: userId }, scopes: allMcpScopes } });
    // Its audience is the MCP endpoint: the other JSON routes do not take it.
    expect(await authenticateRequest(new Request("http://localhost:3000/api/providers", { headers: { authorization: `Bearer ${tokens.access_token}` } }))).toBeNull();
  });

  it("stores codes and tokens only as hashes", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    const tokens = OAuthTokensSchema.parse((await exchange(client.client_id, code, verifier)).body);
    const dump = JSON.stringify([await app.sql("SELECT * FROM oauth_codes"), await app.sql("SELECT * FROM oauth_tokens"), await app.sql("SELECT * FROM oauth_clients")]);
    for (const secret of [code, tokens.access_token, tokens.refresh_token!]) expect(dump).not.toContain(secret);
  });

  it("refuses a wrong verifier, and the code is spent by the attempt", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    const wrong = await exchange(client.client_id, code, pkce().verifier);
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "Invalid grant: code verifier is invalid" } });
    expect((await exchange(client.client_id, code, verifier)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a missing verifier, another client's code and another redirect URI", async () => {
    const client = await publicClient();
    const other = await publicClient({ client_name: "Other" });
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    expect((await token({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: client.client_id })).body).toMatchObject({
      error: "invalid_grant",
      error_description: "Missing parameter: `code_verifier`",
    });
    const code2 = await codeFor(client.client_id, challenge);
    expect((await exchange(other.client_id, code2, verifier)).body).toMatchObject({ error: "invalid_grant" });
    const code3 = await codeFor(client.client_id, challenge);
    expect((await exchange(client.client_id, code3, verifier, { redirect_uri: "http://127.0.0.1:33418/elsewhere" })).body).toMatchObject({ error: "invalid_request" });
  });

  it("a code used twice revokes the tokens it bought", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    const first = OAuthTokensSchema.parse((await exchange(client.client_id, code, verifier)).body);
    expect((await mcpCaller(first.access_token)).ok).toBe(true);
    expect((await exchange(client.client_id, code, verifier)).body).toMatchObject({ error: "invalid_grant" });
    expect(await mcpCaller(first.access_token)).toEqual({ ok: false, credentialsSent: true });
  });

  it("refuses an expired code", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    await app.sql("UPDATE oauth_codes SET expires_at = ?", [Date.now() - 1000]);
    expect((await exchange(client.client_id, code, verifier)).body).toEqual({ error: "invalid_grant", error_description: "Invalid grant: authorization code has expired" });
  });
});

describe("native apps", () => {
  it("get their code at a private-scheme redirect URI", async () => {
    const native = "com.example.app:/oauth2redirect";
    const client = await registerClient({ client_name: "Desktop app", redirect_uris: [native], token_endpoint_auth_method: "none" });
    const { verifier, challenge } = pkce();
    const check = await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { redirect_uri: native }), baseUrl);
    if (check.kind !== "consent") throw new Error("expected consent");
    const answer = await decideAuthorization(userId, check.request, "allow", baseUrl);
    expect(answer.startsWith(`${native}?`)).toBe(true);
    const code = new URL(answer).searchParams.get("code")!;
    expect((await exchange(client.client_id, code, verifier, { redirect_uri: native })).status).toBe(200);
  });
});

describe("resource indicators (RFC 8707)", () => {
  it("refuses to authorize or issue tokens for another resource", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const check = await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { resource: "https://other.example/mcp" }), baseUrl);
    expect(check.kind).toBe("redirect");
    const url = new URL((check as { url: string }).url);
    expect(url.searchParams.get("error")).toBe("invalid_target");
    expect(url.searchParams.get("state")).toBe("st-1");
    const code = await codeFor(client.client_id, challenge);
    expect(await exchange(client.client_id, code, verifier, { resource: "http://localhost:3000/api/other" })).toMatchObject({ status: 400, body: { error: "invalid_target" } });
  });

  it("accepts the endpoint with a trailing slash, and no resource at all", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge, { resource: `${resource}/` });
    expect((await exchange(client.client_id, code, verifier, { resource: `${resource}/` })).status).toBe(200);
    const code2 = await codeFor(client.client_id, challenge, { resource: undefined });
    expect((await token({ grant_type: "authorization_code", code: code2, code_verifier: verifier, redirect_uri: redirectUri, client_id: client.client_id })).status).toBe(200);
  });

  it("a token issued for another audience is no token at the MCP endpoint", async () => {
    const client = await publicClient();
    const tokens = await signedIn(client.client_id);
    await app.sql("UPDATE oauth_grants SET resource = 'https://elsewhere.example/api/mcp'");
    expect(await mcpCaller(tokens.access_token)).toEqual({ ok: false, credentialsSent: true });
  });
});

describe("refresh tokens", () => {
  it("rotate: each refresh gives a new pair, and the old access token keeps working until it expires", async () => {
    const client = await publicClient();
    const first = await signedIn(client.client_id);
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: client.client_id, resource });
    expect(refreshed.status).toBe(200);
    const second = OAuthTokensSchema.parse(refreshed.body);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await mcpCaller(second.access_token)).ok).toBe(true);
    expect((await mcpCaller(first.access_token)).ok).toBe(true);
  });

  it("reuse of a rotated refresh token revokes the whole family", async () => {
    const client = await publicClient();
    const first = await signedIn(client.client_id);
    const second = OAuthTokensSchema.parse((await token({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: client.client_id })).body);
    const reuse = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: client.client_id });
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await mcpCaller(second.access_token)).ok).toBe(false);
    expect((await token({ grant_type: "refresh_token", refresh_token: second.refresh_token!, client_id: client.client_id })).body).toMatchObject({ error: "invalid_grant" });
  });

  it("may narrow the scopes but never widen them", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge, { scope: "activities:read" });
    const tokens = OAuthTokensSchema.parse((await exchange(client.client_id, code, verifier)).body);
    expect(tokens.scope).toBe("activities:read");
    const wider = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: client.client_id, scope: allMcpScopes.join(" ") });
    expect(wider.body).toMatchObject({ error: "invalid_scope" });
  });

  it("belong to their client", async () => {
    const client = await publicClient();
    const other = await publicClient({ client_name: "Other" });
    const tokens = await signedIn(client.client_id);
    expect((await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: other.client_id })).body).toMatchObject({
      error: "invalid_grant",
      error_description: "Invalid grant: refresh token was issued to another client",
    });
  });
});

describe("confidential clients", () => {
  it("authenticate with their secret (Basic or body); a wrong one is invalid_client", async () => {
    const client = await registerClient({ client_name: "Server app", redirect_uris: [redirectUri] });
    expect(client.token_endpoint_auth_method).toBe("client_secret_basic");
    expect(client.client_secret).toMatch(/^pcs_/);
    expect(JSON.stringify(await app.sql("SELECT * FROM oauth_clients"))).not.toContain(client.client_secret!);
    const { verifier, challenge } = pkce();
    const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString("base64")}` });
    const code = await codeFor(client.client_id, challenge);
    const wrong = await token({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri }, basic("nope"));
    expect(wrong).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    const code2 = await codeFor(client.client_id, challenge);
    expect((await token({ grant_type: "authorization_code", code: code2, code_verifier: verifier, redirect_uri: redirectUri }, basic(client.client_secret!))).status).toBe(200);
    const code3 = await codeFor(client.client_id, challenge);
    expect((await exchange(client.client_id, code3, verifier)).body).toMatchObject({ error: "invalid_client" });
    const code4 = await codeFor(client.client_id, challenge);
    expect((await exchange(client.client_id, code4, verifier, { client_secret: client.client_secret! })).status).toBe(200);
  });

  it("a public client that sends a secret is refused", async () => {
    const client = await publicClient();
    const { verifier, challenge } = pkce();
    const code = await codeFor(client.client_id, challenge);
    expect((await exchange(client.client_id, code, verifier, { client_secret: "made-up" })).body).toMatchObject({ error: "invalid_client" });
  });
});

describe("the token endpoint's input checks", () => {
  it("names what is wrong", async () => {
    const client = await publicClient();
    expect((await token({ client_id: client.client_id })).body).toEqual({ error: "invalid_request", error_description: "Missing grant_type: use authorization_code or refresh_token." });
    expect((await token({ grant_type: "password", client_id: client.client_id })).body).toMatchObject({ error: "unsupported_grant_type" });
    expect((await token({ grant_type: "client_credentials", client_id: client.client_id })).body).toMatchObject({ error: "unsupported_grant_type" });
    expect((await token({ grant_type: "authorization_code", code: "nope", code_verifier: "x".repeat(43) })).body).toMatchObject({ error: "invalid_client" });
    expect((await token({ grant_type: "authorization_code", code: "nope", code_verifier: "x".repeat(43), client_id: "unknown" })).body).toMatchObject({ error: "invalid_client" });
    const json = await handleToken(new Request("http://localhost:3000/api/oauth/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(await json.json()).toEqual({ error: "invalid_request", error_description: "The body must be application/x-www-form-urlencoded." });
    const repeated = await handleToken(
      new Request("http://localhost:3000/api/oauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=refresh_token&grant_type=refresh_token" }),
    );
    expect(await repeated.json()).toEqual({ error: "invalid_request", error_description: "Parameter grant_type is given more than once." });
  });

  it("answers with no-store and CORS headers, and never with an internal detail", async () => {
    const answer = await handleToken(form({ grant_type: "refresh_token", refresh_token: "pcrt_nope", client_id: "unknown" }));
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is rate limited per address", async () => {
    const request = () => form({ grant_type: "refresh_token", refresh_token: "pcrt_nope", client_id: "x" }, { "x-pierre-peer-address": "203.0.113.9" });
    for (let i = 0; i < 60; i++) await handleToken(request());
    const limited = await handleToken(request());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: "temporarily_unavailable" });
  });
});

describe("revocation (RFC 7009)", () => {
  async function revoke(values: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await handleRevocation(form(values, headers));
    return { status: response.status, text: await response.text() };
  }

  it("revoking the refresh token ends the family; revoking an access token ends only it", async () => {
    const client = await publicClient();
    const tokens = await signedIn(client.client_id);
    expect(await revoke({ token: tokens.access_token, token_type_hint: "access_token", client_id: client.client_id })).toEqual({ status: 200, text: "" });
    expect((await mcpCaller(tokens.access_token)).ok).toBe(false);
    const refreshed = OAuthTokensSchema.parse((await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: client.client_id })).body);
    expect((await mcpCaller(refreshed.access_token)).ok).toBe(true);
    expect((await revoke({ token: refreshed.refresh_token!, client_id: client.client_id })).status).toBe(200);
    expect((await mcpCaller(refreshed.access_token)).ok).toBe(false);
    expect((await token({ grant_type: "refresh_token", refresh_token: refreshed.refresh_token!, client_id: client.client_id })).body).toMatchObject({ error: "invalid_grant" });
  });

  it("answers 200 for unknown tokens and for another client's tokens, which it leaves alone", async () => {
    const client = await publicClient();
    const other = await publicClient({ client_name: "Other" });
    const tokens = await signedIn(client.client_id);
    expect((await revoke({ token: "pcat_unknown", client_id: client.client_id })).status).toBe(200);
    expect((await revoke({ token: tokens.access_token, client_id: other.client_id })).status).toBe(200);
    expect((await mcpCaller(tokens.access_token)).ok).toBe(true);
  });

  it("needs the client and the token", async () => {
    const client = await publicClient();
    expect(await revoke({ token: "x" })).toMatchObject({ status: 401 });
    expect(JSON.parse((await revoke({ client_id: client.client_id })).text)).toEqual({ error: "invalid_request", error_description: "Missing token: send the token to revoke." });
    expect(JSON.parse((await revoke({ token: "x", client_id: "unknown" })).text)).toMatchObject({ error: "invalid_client" });
  });
});

describe("the authorization request", () => {
  it("shows the person what cannot be sent back to the app", async () => {
    const client = await publicClient();
    const { challenge } = pkce();
    expect(await checkAuthorizationRequest({}, baseUrl)).toMatchObject({ kind: "invalid", message: expect.stringContaining("no client_id") });
    expect(await checkAuthorizationRequest({ client_id: "unknown" }, baseUrl)).toMatchObject({ kind: "invalid", message: expect.stringContaining("not registered") });
    expect(await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { redirect_uri: "https://attacker.example/cb" }), baseUrl)).toMatchObject({
      kind: "invalid",
      message: "The app asked to send you to an address it did not register (https://attacker.example/cb).",
    });
    expect(await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { redirect_uri: [redirectUri, redirectUri] }), baseUrl)).toMatchObject({ kind: "invalid" });
  });

  it("sends the app's own mistakes back to it, with its state", async () => {
    const client = await publicClient();
    const { challenge } = pkce();
    const errorOf = async (extra: AuthorizationParams) => {
      const check = await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, extra), baseUrl);
      if (check.kind !== "redirect") throw new Error(`expected a redirect, got ${check.kind}`);
      const url = new URL(check.url);
      expect(url.searchParams.get("state")).toBe("st-1");
      return `${url.searchParams.get("error")}: ${url.searchParams.get("error_description")}`;
    };
    expect(await errorOf({ response_type: "token" })).toBe("unsupported_response_type: response_type token is not supported; use code.");
    expect(await errorOf({ code_challenge: undefined })).toBe("invalid_request: Missing code_challenge: PKCE with code_challenge_method=S256 is required.");
    expect(await errorOf({ code_challenge_method: "plain" })).toBe("invalid_request: Invalid code_challenge_method plain: only S256 is supported.");
    expect(await errorOf({ code_challenge_method: undefined })).toBe("invalid_request: Invalid code_challenge_method (missing): only S256 is supported.");
    expect(await errorOf({ code_challenge: "short" })).toBe("invalid_request: Invalid code_challenge: an S256 challenge is 43 base64url characters.");
    expect(await errorOf({ scope: "admin" })).toBe("invalid_scope: Unknown scope admin; this server offers activities:read, activities:write, connections:manage.");
    expect(await errorOf({ prompt: ["a", "b"] })).toBe("invalid_request: Parameter prompt is given more than once.");
  });

  it("takes the only registered redirect URI when none is sent, and a loopback URI on any port", async () => {
    const client = await publicClient();
    const { challenge } = pkce();
    expect(await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { redirect_uri: undefined }), baseUrl)).toMatchObject({
      kind: "consent",
      request: { redirectUri },
    });
    expect(await checkAuthorizationRequest(authorizeParams(client.client_id, challenge, { redirect_uri: "http://127.0.0.1:5999/callback" }), baseUrl)).toMatchObject({
      kind: "consent",
      request: { redirectUri: "http://127.0.0.1:5999/callback" },
    });
  });

  it("Deny sends access_denied back to the app", async () => {
    const client = await publicClient();
    const { challenge } = pkce();
    const check = await checkAuthorizationRequest(authorizeParams(client.client_id, challenge), baseUrl);
    if (check.kind !== "consent") throw new Error("expected consent");
    const url = new URL(await decideAuthorization(userId, check.request, "deny", baseUrl));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      error: "access_denied",
      error_description: "You declined to let Claude use Pierre Connect.",
      state: "st-1",
      iss: "http://localhost:3000",
    });
    expect(await app.sql("SELECT * FROM oauth_codes")).toEqual([]);
  });

  it("grants the scopes asked for within the registration, all of them when none are named", async () => {
    const narrow = await findRegistered({ scope: "activities:read" });
    expect(grantableScopes(narrow, undefined)).toEqual(["activities:read"]);
    expect(grantableScopes(narrow, "connections:manage")).toEqual({ notRegistered: "connections:manage" });
    const open = await findRegistered({});
    expect(grantableScopes(open, "")).toEqual(allMcpScopes);
    expect(grantableScopes(open, "connections:manage activities:read")).toEqual(["activities:read", "connections:manage"]);
  });

  it("round-trips its parameters through a query string, repeats included", () => {
    const params = { client_id: "c", scope: "a b", prompt: ["x", "y"] };
    expect(authorizationParams(authorizationQuery(params))).toEqual(params);
  });
});

async function findRegistered(overrides: Record<string, unknown>) {
  const info = await publicClient(overrides);
  return (await findClient(info.client_id))!;
}

describe("authorized apps in Settings", () => {
  it("lists each app once with its scopes, and Revoke ends its tokens", async () => {
    const client = await publicClient();
    const first = await signedIn(client.client_id);
    await signedIn(client.client_id);
    await mcpCaller(first.access_token);
    const apps = await listAuthorizedApps(userId);
    expect(apps).toEqual([{ clientId: client.client_id, name: "Claude", scopes: allMcpScopes, authorizedAt: expect.any(String), lastUsedAt: expect.any(String) }]);
    expect(await listAuthorizedApps(await app.createUser())).toEqual([]);
    await revokeAuthorizedApp(userId, client.client_id);
    expect(await listAuthorizedApps(userId)).toEqual([]);
    expect((await mcpCaller(first.access_token)).ok).toBe(false);
    await expect(revokeAuthorizedApp(userId, client.client_id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the MCP endpoint's challenge", () => {
  it("names the resource metadata and scopes, and says invalid_token only when a token was sent", async () => {
    expect(mcpChallenge(false, baseUrl)).toBe(
      'Bearer realm="Pierre Connect", resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/api/mcp", scope="activities:read activities:write connections:manage"',
    );
    expect(mcpChallenge(true, baseUrl)).toContain('error="invalid_token"');
    expect(await mcpCaller("pcat_forged")).toEqual({ ok: false, credentialsSent: true });
  });
});
