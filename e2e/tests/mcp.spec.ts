import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { reset } from "../../sandbox/control-client";
import { TokensPage } from "../pages/tokens";
import { appUrl, expect, sandboxUrl, test } from "../fixtures";
import { providerIds } from "../roster";

const providerList = providerIds.join(", ");

async function mcpClient(token?: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL("/api/mcp", appUrl), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  const client = new Client({ name: "pierre-e2e", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  return JSON.parse((result.content as { text: string }[])[0]!.text) as { success: boolean; result?: Record<string, unknown>; error?: string };
}

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

test.describe("personal API tokens and MCP", () => {
  test("a token created on the settings page drives every MCP tool; revoking it stops it at once", async ({ page, user }) => {
    expect(user).toBeTruthy();
    const tokens = new TokensPage(page);
    await tokens.goto();
    await expect(page.getByText("No tokens yet.")).toBeVisible();
    const token = await tokens.create("Claude Desktop");
    expect(token).toMatch(/^pc_[\w-]{43}$/);
    await expect(tokens.row("Claude Desktop")).toContainText(token.slice(0, 10));
    await page.reload();
    expect(await page.content()).not.toContain(token);
    await expect(tokens.row("Claude Desktop")).toContainText("never");

    const client = await mcpClient(token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "connect_provider",
      "disconnect_provider",
      "get_activities",
      "get_activity",
      "get_connection_status",
      "get_training_summary",
      "list_providers",
      "merge_activities",
      "reset_activity_grouping",
      "split_activity",
      "sync_activities",
    ]);
    expect(tools.find((t) => t.name === "connect_provider")!.inputSchema.properties).toHaveProperty("provider");

    const listed = await call(client, "list_providers");
    expect((listed.result!.providers as { id: string }[]).map((p) => p.id).join(", ")).toBe(providerList);

    expect(await call(client, "connect_provider")).toEqual({ success: true, result: { provider: "synthetic", connected: true, message: "Connected to Synthetic" } });
    const status = await call(client, "get_connection_status");
    expect((status.result!.providers as Record<string, { connected: boolean; status: string }>).synthetic).toMatchObject({ connected: true, status: "connected" });

    const synced = await call(client, "sync_activities", { provider: "synthetic" });
    expect(synced.success).toBe(true);
    const activities = await call(client, "get_activities", { limit: 3 });
    expect(activities.result!.items).toHaveLength(3);
    const [first] = activities.result!.items as { id: string }[];
    expect((await call(client, "get_activity", { id: first!.id })).result).toMatchObject({ activity: { id: first!.id }, summary: expect.any(String) });

    const strava = await call(client, "connect_provider", { provider: "strava" });
    expect(strava.result).toMatchObject({ provider: "strava", connected: false, expiresInSeconds: 600 });
    expect(String(strava.result!.authorizationUrl)).toMatch(new RegExp(`^${sandboxUrl}/strava/oauth/authorize\\?`));

    expect(await call(client, "disconnect_provider", { provider: "synthetic" })).toMatchObject({ success: true });
    expect(await call(client, "get_activities", { provider: "unknown_provider" })).toEqual({
      success: false,
      error: `Provider 'unknown_provider' is not supported. Supported providers: ${providerList}`,
    });

    // The same token works for the JSON routes.
    const providers = await page.request.get("/api/providers", { headers: { Authorization: `Bearer ${token}` } });
    expect(providers.status()).toBe(200);

    await tokens.goto();
    await expect(tokens.row("Claude Desktop")).not.toContainText("never");
    await tokens.revoke("Claude Desktop");
    await expect(client.listTools()).rejects.toThrow(/Unauthorized/);
    expect((await page.request.get("/api/providers", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
    await client.close();
  });

  test("no token or a bad token gets 401 with WWW-Authenticate; invalid_token only when a token was sent", async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer pc_not-a-real-token" }, { Authorization: "Basic abc" }];
    for (const headers of attempts) {
      const response = await request.post("/api/mcp", {
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
      });
      expect(response.status()).toBe(401);
      const challenge = response.headers()["www-authenticate"]!;
      expect(challenge).toContain('Bearer realm="Pierre Connect"');
      expect(challenge).toContain("resource_metadata=");
      expect(challenge.includes('error="invalid_token"')).toBe("Authorization" in headers);
    }
    await expect(mcpClient()).rejects.toThrow(/Unauthorized/);
  });

  test("an empty token name is refused with a clear message", async ({ page, user }) => {
    expect(user).toBeTruthy();
    const tokens = new TokensPage(page);
    await tokens.goto();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Give the token a name, e.g. “Claude Desktop”.");
  });
});
