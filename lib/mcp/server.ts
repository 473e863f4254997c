import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { sports } from "@/lib/activity/sports";
import type { SyncSettings } from "@/lib/config/sync";
import { disconnect, listProviderStatuses, startConnect } from "@/lib/connections/service";
import { toAppError } from "@/lib/errors";
import { parseFeedQuery } from "@/lib/feed/params";
import { queryFeed } from "@/lib/feed/query";
import { forgetCorrections, mergeWorkouts, splitFromWorkout } from "@/lib/feed/corrections";
import { trainingSummary } from "@/lib/feed/summary";
import { workoutDetail } from "@/lib/feed/workout";
import { STATE_TTL_MS } from "@/lib/oauth/state";
import type { ProviderCatalog } from "@/lib/providers/catalog";
import { syncUser } from "@/lib/sync/engine";
import {
  connectionStatusSchema,
  connectResultSchema,
  disconnectResultSchema,
  envelope,
  feedPageSchema,
  groupingChangeSchema,
  providerListSchema,
  syncRunSchema,
  trainingSummarySchema,
  workoutDetailSchema,
} from "./output-schemas";
import type { McpScope } from "./scopes";

export interface McpContext {
  userId: string;
  /** What the caller may do: tools outside these scopes are not offered at all. */
  scopes: readonly McpScope[];
  catalog: ProviderCatalog;
  syncSettings: SyncSettings;
  /** Starts the first sync after a connection without waiting for it. */
  onConnected: (provider: string) => void;
}

/**
 * Every answer is the seed's envelope, `{ success: true, result }` or `{ success: false, error }`:
 * as `structuredContent` for clients that read the output schema, and as JSON text for older ones.
 */
async function answer(run: () => unknown | Promise<unknown>): Promise<CallToolResult> {
  let envelope: { success: true; result: unknown } | { success: false; error: string };
  try {
    envelope = { success: true, result: await run() };
  } catch (error) {
    envelope = toAppError(error).toJSON();
  }
  return {
    content: [{ type: "text", text: JSON.stringify(envelope) }],
    structuredContent: envelope as unknown as Record<string, unknown>,
    ...(envelope.success ? {} : { isError: true }),
  };
}

/** Readers change nothing and give the same answer twice; none of them leaves this server. */
const reader: ToolAnnotations = { readOnlyHint: true, idempotentHint: true, openWorldHint: false };

/** The scope each tool needs; listing the providers needs none. */
export const toolScopes = {
  list_providers: null,
  get_connection_status: "connections:manage",
  connect_provider: "connections:manage",
  disconnect_provider: "connections:manage",
  sync_activities: "connections:manage",
  get_activities: "activities:read",
  get_activity: "activities:read",
  get_training_summary: "activities:read",
  split_activity: "activities:write",
  merge_activities: "activities:write",
  reset_activity_grouping: "activities:write",
} as const satisfies Record<string, McpScope | null>;

export type ToolName = keyof typeof toolScopes;

/** One MCP server per request, bound to the authenticated person: every tool acts as them. */
export function createMcpServer(context: McpContext): McpServer {
  const { registry, defaultProvider } = context.catalog;
  const server = new McpServer({ name: "pierre-connect", version: "0.2.0" });
  const providerList = registry.supportedProviders().join(", ");
  const optionalProvider = z
    .string()
    .min(1)
    .optional()
    .describe(`Provider id (${providerList}). Defaults to ${defaultProvider} when omitted.`);
  const providerFilter = z.string().min(1).optional().describe(`Only activities recorded by this provider (${providerList}).`);
  const allowed = (tool: ToolName) => {
    const scope = toolScopes[tool];
    return scope === null || context.scopes.includes(scope);
  };

  /** Provider named by the tool call, or the default; unknown names get the registry's answer. */
  const resolve = (provider: string | undefined) => {
    const id = provider ?? defaultProvider;
    registry.require(id);
    return id;
  };

  if (allowed("list_providers")) {
    server.registerTool(
      "list_providers",
      {
        title: "List providers",
        description: "Every fitness provider this server supports, whether it is configured, how it connects, and which is the default.",
        inputSchema: {},
        outputSchema: envelope(providerListSchema),
        annotations: reader,
      },
      () =>
        answer(() => ({
          defaultProvider,
          providers: registry.listDefinitions().map((d) => ({
            id: d.id,
            displayName: d.displayName,
            configured: registry.isConfigured(d.id),
            connection: d.connection,
            dataTypes: [...d.dataTypes],
            isDefault: d.id === defaultProvider,
          })),
        })),
    );
  }

  if (allowed("get_connection_status")) {
    server.registerTool(
      "get_connection_status",
      {
        title: "Connection status",
        description: "Connection status of every registered provider for you: connected or not, the account, the last sync and what needs attention.",
        inputSchema: {},
        outputSchema: envelope(connectionStatusSchema),
        annotations: reader,
      },
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
  }

  if (allowed("connect_provider")) {
    server.registerTool(
      "connect_provider",
      {
        title: "Connect a provider",
        description:
          "Connect a provider. OAuth providers answer with a URL you open in a browser signed in to Pierre Connect (valid 10 minutes); the synthetic provider connects at once.",
        inputSchema: { provider: optionalProvider },
        outputSchema: envelope(connectResultSchema),
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
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
  }

  if (allowed("disconnect_provider")) {
    server.registerTool(
      "disconnect_provider",
      {
        title: "Disconnect a provider",
        description:
          "Disconnect a provider: revoke access there and delete every activity stored from it. Destructive: name the provider explicitly; there is no default.",
        inputSchema: { provider: z.string().min(1).describe(`The provider to disconnect (${providerList}). Required.`) },
        outputSchema: envelope(disconnectResultSchema),
        // Disconnecting twice leaves things as disconnecting once did.
        annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
      },
      ({ provider }) =>
        answer(async () => {
          registry.require(provider);
          return { provider, ...(await disconnect(registry, context.userId, provider)) };
        }),
    );
  }

  if (allowed("get_activities")) {
    server.registerTool(
      "get_activities",
      {
        title: "Activity feed",
        description: "Your merged activity feed, newest first: each workout once, with the other providers that also have it.",
        inputSchema: {
          provider: providerFilter,
          sport: z.enum(sports).optional().describe("Only this sport."),
          after: z.string().optional().describe("Only activities starting at or after this date (2025-03-01) or ISO 8601 date-time with a zone."),
          before: z.string().optional().describe("Only activities starting before this date (the end of that day) or ISO 8601 date-time with a zone."),
          limit: z.number().int().min(1).max(100).optional().describe("How many activities (1–100, default 20)."),
          cursor: z.string().optional().describe("nextCursor from the previous answer, for the next page."),
        },
        outputSchema: envelope(feedPageSchema),
        annotations: reader,
      },
      (args) =>
        answer(() => {
          if (args.provider) registry.require(args.provider);
          const query = parseFeedQuery(
            { provider: args.provider, sport: args.sport, from: args.after, to: args.before, limit: args.limit?.toString(), cursor: args.cursor },
            registry,
            { from: "after", to: "before" },
          );
          return queryFeed(registry, context.userId, query);
        }),
    );
  }

  if (allowed("get_activity")) {
    server.registerTool(
      "get_activity",
      {
        title: "One activity",
        description:
          "One workout by its id (from get_activities): the merged values, every provider's record of it side by side, and a one-line summary.",
        inputSchema: { id: z.string().min(1).max(100).describe("The activity's id, as get_activities gives it.") },
        outputSchema: envelope(workoutDetailSchema),
        annotations: reader,
      },
      ({ id }) => answer(() => workoutDetail(registry, context.userId, id)),
    );
  }

  if (allowed("get_training_summary")) {
    server.registerTool(
      "get_training_summary",
      {
        title: "Training summary",
        description:
          "Training totals (workouts, time, distance, elevation) per week (Monday first) or calendar month and per sport, in each workout's local time. Whole periods from the one containing `from` to the one containing `to`; by default the last 12.",
        inputSchema: {
          from: z.string().optional().describe("A date (2025-01-01) or ISO 8601 date-time with a zone in the first period."),
          to: z.string().optional().describe("A date or ISO 8601 date-time with a zone in the last period (default: now)."),
          group_by: z.enum(["week", "month"]).describe("Period length."),
          sport: z.enum(sports).optional().describe("Only this sport."),
        },
        outputSchema: envelope(trainingSummarySchema),
        annotations: reader,
      },
      (args) => answer(() => trainingSummary(context.userId, { from: args.from, to: args.to, groupBy: args.group_by, sport: args.sport })),
    );
  }

  // The person's last word on grouping: remembered by provider record through every later sync.
  const corrects: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  if (allowed("split_activity")) {
    server.registerTool(
      "split_activity",
      {
        title: "Not the same workout",
        description:
          "Take one record out of a merged workout: it becomes a workout of its own and stays apart from the others through every later sync. Name the workout and the record (an activityId from get_activity's sources).",
        inputSchema: {
          id: z.string().min(1).max(100).describe("The workout's id, from get_activities or get_activity."),
          record: z.string().min(1).max(100).describe("The activityId of the record to take out, from get_activity's sources."),
        },
        outputSchema: envelope(groupingChangeSchema),
        annotations: corrects,
      },
      ({ id, record }) =>
        answer(async () => {
          const { workoutId, remainingWorkoutId } = await splitFromWorkout(context.userId, record, id);
          return { id: workoutId, message: `The record is now workout ${workoutId} of its own; the others remain workout ${remainingWorkoutId}.` };
        }),
    );
  }

  if (allowed("merge_activities")) {
    server.registerTool(
      "merge_activities",
      {
        title: "Same workout",
        description: "Merge workouts that are one workout recorded more than once; they stay merged through every later sync. Workouts must start within 14 hours of each other.",
        inputSchema: { ids: z.array(z.string().min(1).max(100)).min(2).max(10).describe("Two or more workout ids from get_activities.") },
        outputSchema: envelope(groupingChangeSchema),
        annotations: corrects,
      },
      ({ ids }) =>
        answer(async () => {
          const { workoutId } = await mergeWorkouts(context.userId, ids);
          return { id: workoutId, message: `Merged into workout ${workoutId}.` };
        }),
    );
  }

  if (allowed("reset_activity_grouping")) {
    server.registerTool(
      "reset_activity_grouping",
      {
        title: "Let Pierre decide",
        description: "Forget every split and merge the person made on this workout's records; the evidence alone groups them again.",
        inputSchema: { id: z.string().min(1).max(100).describe("The workout's id.") },
        outputSchema: envelope(groupingChangeSchema),
        annotations: corrects,
      },
      ({ id }) =>
        answer(async () => {
          const { workoutId, forgotten } = await forgetCorrections(context.userId, id);
          return { id: workoutId, message: forgotten ? `Forgot ${forgotten} correction${forgotten === 1 ? "" : "s"}; the workout is ${workoutId}.` : "There were no corrections on this workout." };
        }),
    );
  }

  if (allowed("sync_activities")) {
    server.registerTool(
      "sync_activities",
      {
        title: "Sync activities",
        description: "Fetch new activities from your connected providers now (all of them, or one), with per-provider counts and errors.",
        inputSchema: { provider: z.string().min(1).optional().describe(`Only this provider (${providerList}); all connected ones when omitted.`) },
        outputSchema: envelope(syncRunSchema),
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
      },
      ({ provider }) =>
        answer(async () => {
          if (provider) registry.require(provider);
          return syncUser(registry, context.userId, context.syncSettings, { provider, manual: true });
        }),
    );
  }

  return server;
}
