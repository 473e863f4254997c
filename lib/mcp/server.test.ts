import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeProviderConfigs } from "@/lib/admin/provider-config";
import { listProviderStatuses, startConnect } from "@/lib/connections/service";
import { builtInProviders } from "@/lib/providers/builtin";
import { acme } from "@/test/custom-provider";
import { createTestApp, type TestApp } from "@/test/test-app";
import { allMcpScopes } from "./scopes";
import { createMcpServer, toolScopes } from "./server";

let app: TestApp;
let userId: string;

beforeEach(async () => {
  // The README's worked example: a custom provider is one more module in the list, nothing else.
  app = await createTestApp({
    modules: [...builtInProviders, acme],
    env: { PIERRE_DEFAULT_PROVIDER: "synthetic", PIERRE_ACME_CLIENT_ID: "acme-id", PIERRE_ACME_CLIENT_SECRET: "acme-secret-value" },
  });
  userId = await app.createUser();
});
afterEach(async () => app.close());

async function mcpClient() {
  const server = createMcpServer({ userId, scopes: allMcpScopes, catalog: app.catalog, syncSettings: app.syncSettings, onConnected: () => undefined });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(clientSide);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  const [content] = result.content as { type: string; text: string }[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tool results are free-form JSON, checked field by field
  return JSON.parse(content!.text) as { success: boolean; result?: any; error?: string };
}

// What was registered, in order: every built-in module, then the custom one.
const registered = [...builtInProviders, acme].map((module) => module.definition.id);
const expectedList = registered.join(", ");

describe("a custom provider registered like a built-in one", () => {
  it("appears in the registry, the provider statuses, the admin view and the unknown-provider answer", async () => {
    expect(app.catalog.registry.supportedProviders()).toEqual(registered);
    const statuses = await listProviderStatuses(app.catalog.registry, userId);
    expect(statuses.at(-1)).toMatchObject({ id: "acme", displayName: "Acme Fitness", status: "disconnected", configured: true });
    const admin = describeProviderConfigs(app.catalog).at(-1)!;
    expect(admin).toMatchObject({ id: "acme", status: "configured", clientId: { value: "acme-id" }, clientSecret: { state: "set" } });
    expect(JSON.stringify(admin)).not.toContain("acme-secret-value");
    expect(app.catalog.registry.unsupportedError("nope").message).toBe(`Provider 'nope' is not supported. Supported providers: ${expectedList}`);
  });

  it("connects through the shared OAuth client with its own quirks (PKCE, space-separated scopes)", async () => {
    const start = await startConnect(app.catalog.registry, userId, "acme");
    if (start.kind !== "redirect") throw new Error("expected a redirect");
    expect(start.url.origin + start.url.pathname).toBe("https://auth.acme.example/authorize");
    expect(Object.fromEntries(start.url.searchParams)).toMatchObject({
      client_id: "acme-id",
      response_type: "code",
      scope: "workouts:read",
      code_challenge_method: "S256",
      redirect_uri: "http://localhost:3000/api/providers/acme/callback",
    });
    expect(start.url.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
  });
});

describe("MCP tools", () => {
  it("advertise zod input schemas", async () => {
    const client = await mcpClient();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(toolScopes).sort());
    const getActivities = tools.find((t) => t.name === "get_activities")!;
    expect(getActivities.inputSchema.properties).toHaveProperty("limit");
    expect((getActivities.inputSchema.properties as Record<string, { maximum?: number }>).limit?.maximum).toBe(100);
  });

  it("list every registered provider, custom ones included, and the default", async () => {
    const client = await mcpClient();
    const listed = await call(client, "list_providers");
    expect(listed.success).toBe(true);
    expect(listed.result.defaultProvider).toBe("synthetic");
    expect(listed.result.providers.map((p: { id: string }) => p.id).join(", ")).toBe(expectedList);
    const status = await call(client, "get_connection_status");
    expect(Object.keys(status.result.providers).join(", ")).toBe(expectedList);
    expect(status.result.providers.strava).toMatchObject({ connected: false, status: "not_configured" });
    expect(status.result.providers.acme).toMatchObject({ connected: false, status: "disconnected" });
  });

  it("answer an unknown provider with the seed's error, in every tool that takes one", async () => {
    const client = await mcpClient();
    for (const tool of ["connect_provider", "disconnect_provider", "get_activities", "sync_activities"]) {
      expect(await call(client, tool, { provider: "unknown_provider" })).toEqual({
        success: false,
        error: `Provider 'unknown_provider' is not supported. Supported providers: ${expectedList}`,
      });
    }
  });

  it("use PIERRE_DEFAULT_PROVIDER when no provider is named; synthetic connects at once and syncs", async () => {
    const client = await mcpClient();
    const connected = await call(client, "connect_provider");
    expect(connected).toEqual({ success: true, result: { provider: "synthetic", connected: true, message: "Connected to Synthetic" } });
    const synced = await call(client, "sync_activities");
    expect(synced.result.results.synthetic).toMatchObject({ error: null });
    expect(synced.result.results.synthetic.inserted).toBeGreaterThan(10);
    const activities = await call(client, "get_activities", { limit: 5, sport: "run" });
    expect(activities.result.items).toHaveLength(5);
    expect(activities.result.items.every((i: { sport: string }) => i.sport === "run")).toBe(true);
    expect(activities.result.nextCursor).toEqual(expect.any(String));
    const disconnected = await call(client, "disconnect_provider", { provider: "synthetic" });
    expect(disconnected.result).toMatchObject({ provider: "synthetic", revokedAtProvider: true });
  });

  it("give an OAuth provider's consent URL, valid 10 minutes, and explain configuration problems", async () => {
    const client = await mcpClient();
    const acmeConnect = await call(client, "connect_provider", { provider: "acme" });
    expect(acmeConnect.result).toMatchObject({ provider: "acme", connected: false, expiresInSeconds: 600 });
    expect(acmeConnect.result.authorizationUrl).toMatch(/^https:\/\/auth\.acme\.example\/authorize\?/);
    const strava = await call(client, "connect_provider", { provider: "strava" });
    expect(strava).toEqual({
      success: false,
      error: "Strava is not configured on this server yet. An administrator needs to set PIERRE_STRAVA_CLIENT_ID and PIERRE_STRAVA_CLIENT_SECRET.",
    });
    // Arguments outside the advertised schema are refused by the SDK before the tool runs.
    const tooMany = await client.callTool({ name: "get_activities", arguments: { limit: 500 } });
    expect(tooMany.isError).toBe(true);
    expect((tooMany.content as { text: string }[])[0]!.text).toContain("limit");
  });
});
