import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { SyncSettings } from "@/lib/config/sync";
import { disconnect, listProviderStatuses, startConnect } from "@/lib/connections/service";
import { toAppError } from "@/lib/errors";
import { parseFeedQuery } from "@/lib/feed/params";
import { queryFeed } from "@/lib/feed/query";
import type { ProviderCatalog } from "@/lib/providers/catalog";
import { sports } from "@/lib/providers/types";
import { syncUser } from "@/lib/sync/engine";
import { STATE_TTL_MS } from "@/lib/oauth/state";

export interface McpContext {
  userId: string;
  catalog: ProviderCatalog;
  syncSettings: SyncSettings;
  /** Starts the first sync after a connection without waiting for it. */
  onConnected: (provider: string) => void;
}

type ToolResult = { content: { type: "text"; text: string }[]; isError?: boolean };

/** The seed's answer shape: `{ success: true, result }` or `{ success: false, error }`, as JSON text. */
async function answer(run: () => unknown | Promise<unknown>): Promise<ToolResult> {
  try {
    const result = await run();
    return { content: [{ type: "text", text: JSON.stringify({ success: true, result }) }] };
  } catch (error) {
    return { content: [{ type: "text", text: JSON.stringify(toAppError(error).toJSON()) }], isError: true };
  }
}

/** One MCP server per request, bound to the authenticated person: every tool acts as them. */
export function createMcpServer(context: McpContext): McpServer {
  const { registry, defaultProvider } = context.catalog;
  const server = new McpServer({ name: "pierre-connect", version: "0.1.0" });
  const providerList = registry.supportedProviders().join(", ");
  const providerArg = z
    .string()
    .min(1)
    .optional()
    .describe(`Provider id (${providerList}). Defaults to ${defaultProvider} when omitted.`);
  const providerFilter = z.string().min(1).optional().describe(`Only activities recorded by this provider (${providerList}).`);

  /** Provider named by the tool call, or the default; unknown names get the registry's answer. */
  const resolve = (provider: string | undefined) => {
    const id = provider ?? defaultProvider;
    registry.require(id);
    return id;
  };

  server.registerTool(
    "list_providers",
    { description: "Every fitness provider this server supports, whether it is configured, how it connects, and which is the default.", inputSchema: {} },
    () =>
      answer(() => ({
        defaultProvider,
        providers: registry.listDefinitions().map((d) => ({
          id: d.id,
          displayName: d.displayName,
          configured: registry.isConfigured(d.id),
          connection: d.connection,
          dataTypes: d.dataTypes,
          isDefault: d.id === defaultProvider,
        })),
      })),
  );

  server.registerTool(
    "get_connection_status",
    { description: "Connection status of every registered provider for you.", inputSchema: {} },
    () =>
      answer(async () => ({
        providers: Object.fromEntries(
          (await listProviderStatuses(registry, context.userId)).map((s) => [
            s.id,
            { connected: s.connected, status: s.status, displayName: s.displayName, account: s.account?.name ?? null, lastSyncAt: s.lastSyncAt, reason: s.reason },
          ]),
        ),
      })),
  );

  server.registerTool(
    "connect_provider",
    {
      description: "Connect a provider. OAuth providers answer with a URL you open in a browser signed in to Pierre Connect (valid 10 minutes); the synthetic provider connects at once.",
      inputSchema: { provider: providerArg },
    },
    ({ provider }) =>
      answer(async () => {
        const id = resolve(provider);
        const started = await startConnect(registry, context.userId, id);
        if (started.kind === "connected") {
          context.onConnected(id);
          return { provider: id, connected: true, message: started.notice };
        }
        return {
          provider: id,
          connected: false,
          authorizationUrl: started.url.toString(),
          expiresInSeconds: STATE_TTL_MS / 1000,
          message: `Open the URL in a browser where you are signed in to Pierre Connect to grant access to ${registry.require(id).displayName}.`,
        };
      }),
  );

  server.registerTool(
    "disconnect_provider",
    { description: "Disconnect a provider: revoke access there and delete what was stored from it.", inputSchema: { provider: providerArg } },
    ({ provider }) =>
      answer(async () => {
        const id = resolve(provider);
        return { provider: id, ...(await disconnect(registry, context.userId, id)) };
      }),
  );

  server.registerTool(
    "get_activities",
    {
      description: "Your merged activity feed, newest first: each workout once, with the other providers that also have it.",
      inputSchema: {
        provider: providerFilter,
        sport: z.enum(sports).optional().describe("Only this sport."),
        after: z.string().optional().describe("Only activities starting at or after this date or ISO 8601 date-time."),
        before: z.string().optional().describe("Only activities starting before this date or ISO 8601 date-time."),
        limit: z.number().int().min(1).max(100).optional().describe("How many activities (1–100, default 20)."),
        cursor: z.string().optional().describe("nextCursor from the previous answer, for the next page."),
      },
    },
    (args) =>
      answer(() => {
        if (args.provider) registry.require(args.provider);
        const query = parseFeedQuery(
          { provider: args.provider, sport: args.sport, from: args.after, to: args.before, limit: args.limit?.toString(), cursor: args.cursor },
          registry,
        );
        return queryFeed(registry, context.userId, query);
      }),
  );

  server.registerTool(
    "sync_activities",
    {
      description: "Fetch new activities from your connected providers now (all of them, or one), with per-provider counts and errors.",
      inputSchema: { provider: z.string().min(1).optional().describe(`Only this provider (${providerList}); all connected ones when omitted.`) },
    },
    ({ provider }) =>
      answer(async () => {
        if (provider) registry.require(provider);
        return syncUser(registry, context.userId, context.syncSettings, { provider, manual: true });
      }),
  );

  return server;
}
