import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodBounds } from "@/lib/feed/periods";
import { builtInProviders } from "@/lib/providers/builtin";
import { generateWorkouts } from "@/lib/providers/synthetic/generator";
import { ingestPage } from "@/lib/sync/engine";
import { createTestApp, type TestApp } from "@/test/test-app";
import { allMcpScopes, type McpScope } from "./scopes";
import { createMcpServer, toolScopes, type ToolName } from "./server";

/**
 * Every tool's contract as a client sees it, through the SDK's own client: its input and output
 * schemas, its annotations, the scope it needs, its answers and its errors.
 */
let app: TestApp;
let userId: string;
let emptyUserId: string;
const now = Date.now();
const DAY = 86_400_000;
/** Records of the same workouts from three providers, as if one watch synced to three services. */
const recorders = ["garmin", "strava", "synthetic"];

beforeAll(async () => {
  app = await createTestApp({ modules: builtInProviders, env: { PIERRE_DEFAULT_PROVIDER: "synthetic" } });
  userId = await app.createUser();
  emptyUserId = await app.createUser();
  const workouts = generateWorkouts("tools-test", { after: new Date(now - 120 * DAY), before: new Date(now) });
  for (const provider of recorders) await ingestPage(userId, provider, workouts.map((w) => ({ ...w, provider })));
});
afterAll(async () => app.close());

async function client(options: { scopes?: readonly McpScope[]; user?: string } = {}): Promise<Client> {
  const server = createMcpServer({
    userId: options.user ?? userId,
    scopes: options.scopes ?? allMcpScopes,
    catalog: app.catalog,
    syncSettings: app.syncSettings,
    onConnected: () => undefined,
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: "tools-test", version: "1.0.0" });
  await mcp.connect(clientSide);
  return mcp;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field
type Envelope = { success: boolean; result?: any; error?: string };

/** Calls a tool; the structured content and the JSON text must say the same. */
async function call(mcp: Client, name: ToolName, args: Record<string, unknown> = {}): Promise<Envelope> {
  const result = await mcp.callTool({ name, arguments: args });
  const text = JSON.parse((result.content as { text: string }[])[0]!.text) as Envelope;
  expect(result.structuredContent).toEqual(text);
  expect(Boolean(result.isError)).toBe(!text.success);
  return text;
}

/** What the SDK answers when arguments do not fit the input schema (before the tool runs). */
async function rejected(mcp: Client, name: ToolName, args: Record<string, unknown>): Promise<string> {
  const result = await mcp.callTool({ name, arguments: args });
  expect(result.isError).toBe(true);
  return (result.content as { text: string }[])[0]!.text;
}

let tools: Tool[];
beforeAll(async () => {
  tools = (await (await client()).listTools()).tools;
});
const tool = (name: ToolName) => tools.find((t) => t.name === name)!;
const firstWorkoutId = async (mcp: Client) => (await call(mcp, "get_activities", { limit: 1 })).result.items[0].id as string;

describe("every tool", () => {
  it("has a title, an output schema with the seed's envelope, and annotations", () => {
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(toolScopes).sort());
    for (const t of tools) {
      expect(t.title, t.name).toEqual(expect.any(String));
      expect(t.outputSchema?.type, t.name).toBe("object");
      expect(Object.keys(t.outputSchema!.properties ?? {}).sort(), t.name).toEqual(["error", "result", "success"]);
      expect(t.outputSchema!.required, t.name).toEqual(["success"]);
      expect(t.annotations, t.name).toEqual(expect.objectContaining({ readOnlyHint: expect.any(Boolean), openWorldHint: expect.any(Boolean) }));
    }
  });

  it("readers are read-only and idempotent; writers say what they do", () => {
    const readers: ToolName[] = ["list_providers", "get_connection_status", "get_activities", "get_activity", "get_training_summary"];
    for (const name of readers) expect(tool(name).annotations, name).toEqual({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    expect(tool("disconnect_provider").annotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true });
    expect(tool("connect_provider").annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(tool("sync_activities").annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, openWorldHint: true });
    for (const name of ["split_activity", "merge_activities", "reset_activity_grouping"] as const) {
      expect(tool(name).annotations, name).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    }
  });

  it("is offered only to callers with its scope", async () => {
    const names = async (scopes: McpScope[]) => (await (await client({ scopes })).listTools()).tools.map((t) => t.name).sort();
    expect(await names(["activities:read"])).toEqual(["get_activities", "get_activity", "get_training_summary", "list_providers"]);
    expect(await names(["connections:manage"])).toEqual(["connect_provider", "disconnect_provider", "get_connection_status", "list_providers", "sync_activities"]);
    expect(await names(["activities:write"])).toEqual(["list_providers", "merge_activities", "reset_activity_grouping", "split_activity"]);
    const readOnly = await client({ scopes: ["activities:read"] });
    expect((await readOnly.callTool({ name: "disconnect_provider", arguments: { provider: "synthetic" } })).isError).toBe(true);
  });
});

describe("list_providers", () => {
  it("lists the registry, in its order, with the default", async () => {
    const listed = await call(await client(), "list_providers");
    expect(listed.result.defaultProvider).toBe("synthetic");
    expect(listed.result.providers.map((p: { id: string }) => p.id)).toEqual(app.catalog.registry.supportedProviders());
    expect(listed.result.providers.find((p: { id: string }) => p.id === "synthetic")).toMatchObject({ configured: true, isDefault: true, connection: expect.any(String) });
  });
});

describe("get_connection_status", () => {
  it("has an entry for every registered provider", async () => {
    const status = await call(await client(), "get_connection_status");
    expect(Object.keys(status.result.providers)).toEqual(app.catalog.registry.supportedProviders());
    expect(status.result.providers.synthetic).toMatchObject({ connected: false, status: "disconnected", account: null });
  });
});

describe("connect_provider", () => {
  it("takes an optional provider and explains one that is not configured", async () => {
    expect(tool("connect_provider").inputSchema.required ?? []).toEqual([]);
    const unconfigured = app.catalog.registry.listDefinitions().find((d) => !app.catalog.registry.isConfigured(d.id))!;
    const answer = await call(await client({ user: emptyUserId }), "connect_provider", { provider: unconfigured.id });
    expect(answer).toEqual({ success: false, error: expect.stringContaining(`${unconfigured.displayName} is not configured on this server yet.`) });
    expect(await rejected(await client(), "connect_provider", { provider: "" })).toContain("provider");
  });
});

describe("disconnect_provider", () => {
  it("requires an explicit provider: there is no default for a destructive tool", async () => {
    expect(tool("disconnect_provider").inputSchema.required).toEqual(["provider"]);
    const mcp = await client({ user: emptyUserId });
    await call(mcp, "connect_provider", { provider: "synthetic" });
    const refused = await rejected(mcp, "disconnect_provider", {});
    expect(refused).toMatch(/Input validation error/);
    expect(refused).toContain("provider");
    expect((await call(mcp, "get_connection_status")).result.providers.synthetic.connected).toBe(true);
  });

  it("disconnects the named provider, and says when it is not connected", async () => {
    const mcp = await client({ user: emptyUserId });
    await call(mcp, "connect_provider", { provider: "synthetic" });
    expect(await call(mcp, "disconnect_provider", { provider: "synthetic" })).toMatchObject({ success: true, result: { provider: "synthetic", revokedAtProvider: true } });
    expect(await call(mcp, "disconnect_provider", { provider: "synthetic" })).toEqual({ success: false, error: "Synthetic is not connected." });
  });
});

describe("get_activities", () => {
  it("pages the merged feed: each workout once, with the other recorders", async () => {
    const page = await call(await client(), "get_activities", { limit: 5 });
    expect(page.result.items).toHaveLength(5);
    expect(page.result.items[0].alsoOn).toHaveLength(recorders.length - 1);
    expect(page.result.nextCursor).toEqual(expect.any(String));
    const next = await call(await client(), "get_activities", { limit: 5, cursor: page.result.nextCursor });
    expect(next.result.items[0].id).not.toBe(page.result.items[0].id);
  });

  it("names the argument the caller used in its errors", async () => {
    const mcp = await client();
    expect((await call(mcp, "get_activities", { after: "yesterday" })).error).toBe(
      "Invalid after: must be a date (2025-03-01) or an ISO 8601 date-time with a zone (2025-03-01T07:30:00Z).",
    );
    expect((await call(mcp, "get_activities", { before: "2025-02-30" })).error).toMatch(/^Invalid before: /);
    expect((await call(mcp, "get_activities", { after: "2025-03-02", before: "2025-03-01" })).error).toBe(
      "Invalid after and before: after (2025-03-02) must be before before (2025-03-01).",
    );
    expect((await call(mcp, "get_activities", { cursor: "nope" })).error).toBe("Invalid cursor: use the nextCursor value from the previous page.");
    expect(await rejected(mcp, "get_activities", { limit: 0 })).toContain("limit");
    expect(await rejected(mcp, "get_activities", { sport: "chess" })).toContain("sport");
  });
});

describe("get_activity", () => {
  it("gives one workout with every record of it and a summary, never raw payloads", async () => {
    const mcp = await client();
    const id = await firstWorkoutId(mcp);
    const detail = await call(mcp, "get_activity", { id });
    expect(detail.result.activity.id).toBe(id);
    expect(detail.result.sources.map((s: { provider: string }) => s.provider).sort()).toEqual([...recorders].sort());
    expect(detail.result.sources.filter((s: { primary: boolean }) => s.primary)).toHaveLength(1);
    expect(detail.result.sources[0].primary).toBe(true);
    expect(detail.result.summary).toMatch(/ on .+ Recorded by .+; also on .+ and .+\.$/);
    expect(JSON.stringify(detail)).not.toContain('"raw"');
  });

  it("finds the workout by the id of any of its records", async () => {
    const mcp = await client();
    const detail = await call(mcp, "get_activity", { id: await firstWorkoutId(mcp) });
    const secondary = detail.result.sources.find((s: { primary: boolean }) => !s.primary).activityId;
    expect((await call(mcp, "get_activity", { id: secondary })).result.activity.id).toBe(detail.result.activity.id);
  });

  it("says when there is no such activity, also for another person's id", async () => {
    const id = await firstWorkoutId(await client());
    expect(await call(await client(), "get_activity", { id: "nope" })).toEqual({ success: false, error: "No activity with id 'nope'. Use an id from get_activities." });
    expect((await call(await client({ user: emptyUserId }), "get_activity", { id })).success).toBe(false);
    expect(await rejected(await client(), "get_activity", {})).toContain("id");
  });
});

describe("get_training_summary", () => {
  /** Independent count: every workout whose local start falls in [first, end). */
  async function workoutsBetween(first: number, end: number, sport?: string) {
    const rows = await app.sql<{ start_time: number; utc_offset_minutes: number | null; sport: string }>("SELECT start_time, utc_offset_minutes, sport FROM workouts WHERE user_id = ?", [userId]);
    return rows.filter((r) => {
      const local = Number(r.start_time) + (r.utc_offset_minutes ?? 0) * 60_000;
      return local >= first && local < end && (!sport || r.sport === sport);
    }).length;
  }

  it("defaults to the last 12 weeks, Monday first, with totals per sport that add up", async () => {
    const summary = await call(await client(), "get_training_summary", { group_by: "week" });
    const { periods, totals } = summary.result;
    expect(periods).toHaveLength(12);
    for (const period of periods) expect(new Date(`${period.start}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(periods.at(-1).end > new Date(now).toISOString().slice(0, 10)).toBe(true);
    const sum = periods.reduce((n: number, p: { totals: { count: number } }) => n + p.totals.count, 0);
    expect(totals.count).toBe(sum);
    const bySport = Object.values(periods[periods.length - 2].bySport as Record<string, { count: number }>).reduce((n, t) => n + t.count, 0);
    expect(bySport).toBe(periods[periods.length - 2].totals.count);
    expect(totals.count).toBe(await workoutsBetween(Date.parse(`${summary.result.from}T00:00:00Z`), Date.parse(`${summary.result.to}T00:00:00Z`)));
    expect(totals.count).toBeGreaterThan(10);
  });

  it("groups by calendar month, from the month of `from` to the month of `to`, for one sport", async () => {
    const month = (offset: number) => new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + offset, 15)).toISOString().slice(0, 10);
    const summary = await call(await client(), "get_training_summary", { group_by: "month", from: month(-3), to: month(-1), sport: "run" });
    expect(summary.result.periods.map((p: { start: string }) => p.start.slice(8))).toEqual(["01", "01", "01"]);
    expect(summary.result).toMatchObject({ groupBy: "month", sport: "run", from: `${month(-3).slice(0, 8)}01` });
    const bounds = periodBounds(Date.parse(month(-3)), Date.parse(month(-1)), "month");
    expect(summary.result.totals.count).toBe(await workoutsBetween(bounds[0]!, bounds.at(-1)!, "run"));
    for (const period of summary.result.periods) expect(Object.keys(period.bySport).every((sport) => sport === "run")).toBe(true);
  });

  it("names its arguments in its errors", async () => {
    const mcp = await client();
    expect((await call(mcp, "get_training_summary", { group_by: "week", from: "last week" })).error).toBe(
      "Invalid from: must be a date (2025-03-01) or an ISO 8601 date-time with a zone (2025-03-01T07:30:00Z).",
    );
    expect((await call(mcp, "get_training_summary", { group_by: "week", to: "2025-13-01" })).error).toMatch(/^Invalid to: /);
    expect((await call(mcp, "get_training_summary", { group_by: "week", from: "2025-03-02", to: "2025-03-01" })).error).toBe(
      "Invalid from and to: from (2025-03-02) must be before to (2025-03-01).",
    );
    expect((await call(mcp, "get_training_summary", { group_by: "week", from: "2015-01-01", to: "2025-01-01" })).error).toBe(
      "Invalid from: that range holds 523 weeks; ask for at most 104 at a time (or group by month).",
    );
    expect(await rejected(mcp, "get_training_summary", {})).toContain("group_by");
    expect(await rejected(mcp, "get_training_summary", { group_by: "day" })).toContain("group_by");
  });

  it("answers zero totals for a person with no workouts", async () => {
    const summary = await call(await client({ user: emptyUserId }), "get_training_summary", { group_by: "month" });
    expect(summary.result.periods).toHaveLength(12);
    expect(summary.result.totals).toEqual({ count: 0, seconds: 0, distanceMeters: 0, elevationGainMeters: 0 });
  });
});

describe("sync_activities", () => {
  it("syncs what is connected, and refuses an unknown provider with the registry's answer", async () => {
    const mcp = await client({ user: emptyUserId });
    await call(mcp, "connect_provider", { provider: "synthetic" });
    const run = await call(mcp, "sync_activities", { provider: "synthetic" });
    expect(run.result.results.synthetic).toMatchObject({ error: null, inserted: expect.any(Number) });
    expect(await call(mcp, "sync_activities", { provider: "nope" })).toEqual({
      success: false,
      error: `Provider 'nope' is not supported. Supported providers: ${app.catalog.registry.supportedProviders().join(", ")}`,
    });
    await call(mcp, "disconnect_provider", { provider: "synthetic" });
  });
});

describe("split_activity, merge_activities, reset_activity_grouping", () => {
  it("take a record out of a workout, merge it back, and hand the decision back, all remembered by record", async () => {
    const mcp = await client();
    const merged = (await call(mcp, "get_activities", { limit: 20 })).result.items.find((item: { alsoOn: unknown[] }) => item.alsoOn.length > 0);
    const detail = (await call(mcp, "get_activity", { id: merged.id })).result;
    expect(detail.sources[1]).toMatchObject({ role: "copy", reason: expect.stringMatching(/\w/) });
    const other = detail.sources.find((s: { provider: string; providerActivityId: string }) => s.provider === merged.alsoOn[0].provider && s.providerActivityId === merged.alsoOn[0].id);
    expect(merged.alsoOn[0].reason).toBe(other.reason);
    const record = detail.sources[1].activityId as string;

    const split = await call(mcp, "split_activity", { id: merged.id, record });
    expect(split).toEqual({ success: true, result: { id: expect.any(String), message: expect.stringContaining("of its own") } });
    expect((await call(mcp, "get_activity", { id: merged.id })).result.sources.map((s: { activityId: string }) => s.activityId)).not.toContain(record);

    const joined = await call(mcp, "merge_activities", { ids: [merged.id, split.result.id] });
    expect(joined.success).toBe(true);
    const after = (await call(mcp, "get_activity", { id: joined.result.id })).result;
    expect(after.sources.find((s: { activityId: string }) => s.activityId === record).reason).toBe("you marked them as the same workout");

    expect((await call(mcp, "reset_activity_grouping", { id: joined.result.id })).result.message).toMatch(/^Forgot \d+ corrections?/);
    expect((await call(mcp, "reset_activity_grouping", { id: joined.result.id })).result.message).toBe("There were no corrections on this workout.");
  });

  it("name what is wrong", async () => {
    const mcp = await client();
    const id = await firstWorkoutId(mcp);
    expect(await call(mcp, "split_activity", { id, record: "nope" })).toEqual({ success: false, error: "Record 'nope' was not found." });
    expect(await call(mcp, "merge_activities", { ids: [id, id] })).toEqual({ success: false, error: "Choose at least two workouts to merge." });
    expect(await call(mcp, "reset_activity_grouping", { id: "nope" })).toEqual({ success: false, error: "Workout 'nope' was not found." });
    expect(await rejected(mcp, "merge_activities", { ids: [id] })).toContain("ids");
    expect(await rejected(mcp, "split_activity", { id })).toContain("record");
    const other = await client({ user: emptyUserId });
    expect(await call(other, "reset_activity_grouping", { id })).toEqual({ success: false, error: `Workout '${id}' was not found.` });
  });
});
