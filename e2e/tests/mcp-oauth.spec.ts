import { auth, discoverAuthorizationServerMetadata, discoverOAuthProtectedResourceMetadata, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { OAuthMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { McpRemote, RecordingOAuthProvider } from "../mcp-clients";
import { AuthorizeAppPage } from "../pages/authorize-app";
import { TokensPage } from "../pages/tokens";
import { appUrl, expect, test } from "../fixtures";

const mcpUrl = new URL("/api/mcp", appUrl);
/** Where the test's "app" would listen; the page catches the browser's arrival there. */
const redirectUrl = "http://127.0.0.1:59813/oauth/callback";

function assistant(name: string) {
  return new RecordingOAuthProvider(redirectUrl, { client_name: name, grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" });
}

async function connected(provider: RecordingOAuthProvider): Promise<Client> {
  const client = new Client({ name: "pierre-e2e-oauth", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
  return client;
}

/** What a raw MCP request with this bearer token gets. */
async function postWithToken(token: string) {
  return fetch(mcpUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
}

/**
 * The SDK's client runs the whole flow as an assistant does; the person's part (consent) happens
 * in the browser. Returns the connected provider state after the code was exchanged.
 */
async function authorizeThroughConsent(provider: RecordingOAuthProvider, consent: AuthorizeAppPage) {
  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await expect(new Client({ name: "pierre-e2e-oauth", version: "1.0.0" }).connect(transport)).rejects.toThrow(UnauthorizedError);
  const authorizationUrl = provider.authorizationUrl!;
  const { arrived } = await consent.catchRedirect(redirectUrl);
  await consent.open(authorizationUrl);
  return { transport, authorizationUrl, arrived };
}

test.describe("MCP by URL alone (OAuth)", () => {
  test("the SDK's client discovers, registers, gets consent with PKCE, calls tools, refreshes and revokes", async ({ page, user }) => {
    expect(user).toBeTruthy();
    // Discovery, as the client does it: the 401 names the resource metadata, which names us.
    const challenge = await fetch(mcpUrl, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(challenge.status).toBe(401);
    const header = challenge.headers.get("www-authenticate")!;
    expect(header).toContain(`resource_metadata="${appUrl}/.well-known/oauth-protected-resource/api/mcp"`);
    expect(header).not.toContain("error=");
    const resourceMetadata = await discoverOAuthProtectedResourceMetadata(mcpUrl);
    expect(resourceMetadata).toMatchObject({ resource: mcpUrl.href, authorization_servers: [appUrl], scopes_supported: ["activities:read", "activities:write", "connections:manage"] });
    const serverMetadata = OAuthMetadataSchema.parse(await discoverAuthorizationServerMetadata(appUrl));
    expect(serverMetadata).toMatchObject({ issuer: appUrl, code_challenge_methods_supported: ["S256"], registration_endpoint: `${appUrl}/api/oauth/register` });

    // Registration and the authorization request, by the SDK.
    const provider = assistant("Claude");
    const consent = new AuthorizeAppPage(page);
    const { transport, authorizationUrl, arrived } = await authorizeThroughConsent(provider, consent);
    expect(provider.clientInformation()?.client_id).toMatch(/^pcc_/);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(mcpUrl.href);

    // The person's consent.
    await expect(consent.heading()).toHaveText("Claude wants to read your activities, correct how your workouts are grouped and manage your connections");
    await expect(consent.permissions()).toHaveCount(3);
    await consent.allow();
    const callback = await arrived;
    expect(callback.searchParams.get("iss")).toBe(appUrl);
    await transport.finishAuth(callback.searchParams.get("code")!);
    const first = provider.tokens()!;
    expect(first).toMatchObject({ token_type: "Bearer", scope: "activities:read activities:write connections:manage" });

    // Tools, with structured answers.
    const client = await connected(provider);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["get_activity", "get_training_summary", "disconnect_provider"]));
    const providers = await client.callTool({ name: "list_providers", arguments: {} });
    const registered = Object.keys(((await (await page.request.get("/api/providers")).json()) as { providers: Record<string, unknown> }).providers);
    expect((providers.structuredContent as { result: { providers: { id: string }[] } }).result.providers.map((p) => p.id)).toEqual(registered);
    const summary = await client.callTool({ name: "get_training_summary", arguments: { group_by: "month" } });
    expect(summary.structuredContent).toMatchObject({ success: true, result: { groupBy: "month" } });
    await client.close();

    // Refresh: a new pair, the rotated refresh token is spent.
    expect(await auth(provider, { serverUrl: mcpUrl })).toBe("AUTHORIZED");
    const second = provider.tokens()!;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await postWithToken(second.access_token)).status).toBe(200);

    // Revocation (RFC 7009): the refresh token ends the family, its access tokens included.
    const revoked = await fetch(serverMetadata.revocation_endpoint!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: second.refresh_token!, token_type_hint: "refresh_token", client_id: provider.clientInformation()!.client_id }),
    });
    expect(revoked.status).toBe(200);
    const refused = await postWithToken(second.access_token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  test("Settings lists the authorized app and Revoke ends its access; signed out, consent waits for sign-in; Deny sends access_denied back", async ({ page, user, auth }) => {
    expect(user).toBeTruthy();
    const consent = new AuthorizeAppPage(page);
    const provider = assistant("Research Assistant");
    const { transport, arrived } = await authorizeThroughConsent(provider, consent);
    await consent.allow();
    await transport.finishAuth((await arrived).searchParams.get("code")!);
    const accessToken = provider.tokens()!.access_token;

    const tokens = new TokensPage(page);
    await tokens.goto();
    await expect(tokens.app("Research Assistant")).toContainText("read your activities; correct how your workouts are grouped; manage your connections");
    await tokens.revokeApp("Research Assistant");
    expect((await postWithToken(accessToken)).status).toBe(401);

    // Signed out, the consent page asks to sign in first and comes back to the same request.
    await page.unrouteAll();
    await auth.signOut();
    const denied = assistant("Nosy App");
    const second = await authorizeThroughConsent(denied, consent);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Foauth%2Fauthorize%3F/);
    await auth.signIn(user, new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(consent.heading()).toHaveText("Nosy App wants to read your activities, correct how your workouts are grouped and manage your connections");
    await consent.deny();
    const answer = await second.arrived;
    expect(answer.searchParams.get("error")).toBe("access_denied");
    expect(answer.searchParams.get("code")).toBeNull();
    await tokens.goto();
    await expect(tokens.app("Nosy App")).toHaveCount(0);
  });

  test("a stateless GET on the endpoint is refused at once, so clients do not wait for a stream", async ({ request }) => {
    const started = Date.now();
    const response = await request.get("/api/mcp", { headers: { accept: "text/event-stream" } });
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("POST");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

test.describe("mcp-remote", () => {
  test("starts against the running app and lists the tools in under 5 s", async ({ page, user }) => {
    expect(user).toBeTruthy();
    const tokens = new TokensPage(page);
    await tokens.goto();
    const token = await tokens.create("mcp-remote");

    const started = Date.now();
    const remote = McpRemote.start(mcpUrl.href, ["--header", `Authorization: Bearer ${token}`]);
    try {
      const initialized = await remote.request("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "pierre-e2e", version: "1.0.0" } });
      expect(initialized.result).toMatchObject({ serverInfo: { name: "pierre-connect" } });
      remote.notify("notifications/initialized");
      const listed = await remote.request("tools/list");
      const elapsed = Date.now() - started;
      expect((listed.result!.tools as { name: string }[]).map((t) => t.name)).toContain("get_training_summary");
      test.info().annotations.push({ type: "mcp-remote ready", description: `${elapsed} ms` });
      expect(elapsed, remote.stderr.join("")).toBeLessThan(5000);
    } finally {
      await remote.stop();
    }
  });
});
