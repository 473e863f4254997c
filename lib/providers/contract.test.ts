/**
 * The provider contract: every registered provider goes through the same checks, so a new provider
 * is covered by its folder and registry line alone. Definition, env loading, connect URL, token
 * exchange against the sandbox over real HTTP, a first sync, its fixtures, its card, its admin row
 * and `list_providers`.
 */
import fs from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderCard } from "@/components/dashboard/provider-card";
import { isSport } from "@/lib/activity/sports";
import { describeProviderConfigs } from "@/lib/admin/provider-config";
import { providerEnvName, providerSettingEnvName, loadProviderEnvConfig } from "@/lib/config/provider-env";
import { completeConnect, disconnect, listProviderStatuses, startConnect, type ProviderStatus } from "@/lib/connections/service";
import { getUsableTokens } from "@/lib/connections/tokens";
import { findConnection } from "@/lib/db/queries";
import { createMcpServer } from "@/lib/mcp/server";
import { allMcpScopes } from "@/lib/mcp/scopes";
import { syncUser } from "@/lib/sync/engine";
import { sandboxCredentials, sandboxPath } from "@/sandbox/env";
import { reset } from "@/sandbox/control-client";
import { fixturesDirOf } from "@/test/fixtures";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { builtInProviders } from "./builtin";
import { buildProviderCatalog } from "./catalog";
import { parseProviderJson } from "./json";
import { sourceKinds, type NormalizedActivity, type ProviderModule } from "./types";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
const registry = () => env.app.catalog.registry;

beforeAll(async () => {
  env = await createSandboxedApp();
  await reset(env.sandbox.url);
});
afterAll(async () => env.close());

const core = { baseUrl: new URL("https://pierre.example.com"), demo: false };
const endpointFields = ["authUrl", "tokenUrl", "apiBaseUrl", "revokeUrl"] as const;

function renderCard(status: ProviderStatus): string {
  return renderToStaticMarkup(createElement(ProviderCard, { provider: status, syncing: false, onSync: () => undefined, onDisconnect: () => undefined }));
}

/** Candidate workout items of a sample: a list, the lists inside an envelope, or the object itself. */
function itemsOf(sample: unknown): unknown[] {
  if (Array.isArray(sample)) return sample;
  if (!sample || typeof sample !== "object") return [];
  const lists = Object.values(sample).filter((value): value is unknown[] => Array.isArray(value) && value.some((item) => item && typeof item === "object"));
  return lists.length > 0 ? lists.flat() : [sample];
}

function tryNormalize(normalize: NonNullable<ProviderModule["normalize"]>, item: unknown): NormalizedActivity | null | undefined {
  try {
    return normalize(item);
  } catch {
    return undefined;
  }
}

it("the registry holds exactly the built-in providers, in their order", () => {
  expect(registry().supportedProviders()).toEqual(builtInProviders.map((m) => m.definition.id));
});

describe.each(builtInProviders.map((m) => [m.definition.id, m] as const))("provider %s", (id, providerModule) => {
  const definition = providerModule.definition;

  it("has a valid definition", () => {
    expect(id).toMatch(/^[a-z][a-z0-9_-]*$/);
    expect(definition.displayName.trim()).not.toBe("");
    expect(definition.description.trim()).not.toBe("");
    expect(definition.brandColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(sourceKinds).toContain(definition.sourceKind);
    expect(definition.dataTypes.length).toBeGreaterThan(0);
    for (const field of endpointFields) {
      const url = definition.endpoints[field];
      if (url) expect(new URL(url).protocol, `${field} ${url}`).toBe("https:");
    }
    for (const scope of definition.defaultScopes) expect(scope).toMatch(/^\S+$/);
    if (definition.connection === "oauth2") {
      expect(definition.oauth).toBeDefined();
      expect(definition.endpoints.authUrl && definition.endpoints.tokenUrl && definition.endpoints.apiBaseUrl).toBeTruthy();
      expect(definition.requiresCredentials).toBe(true);
    }
    if (definition.connection === "hosted") expect(definition.endpoints.authUrl && definition.endpoints.apiBaseUrl).toBeTruthy();
    if (definition.connection === "none") expect(definition.requiresCredentials).toBe(false);
    for (const limit of definition.requestLimits ?? []) expect(limit.requests > 0 && limit.perSeconds > 0).toBe(true);
    for (const setting of definition.settings ?? []) expect(setting.envSuffix).toMatch(/^[A-Z][A-Z0-9_]*$/);
    // Its source kind places it in the default source priority: never below the demo source.
    const priority = env.app.catalog.sourcePriority;
    const demo = registry().listDefinitions().filter((d) => d.sourceKind === "demo");
    if (definition.sourceKind !== "demo") for (const other of demo) expect(priority.indexOf(id)).toBeLessThan(priority.indexOf(other.id));
    if (definition.retirement) {
      expect(definition.retirement.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (definition.retirement.successor) {
        expect(definition.retirement.successor).not.toBe(id);
        expect(registry().isSupported(definition.retirement.successor)).toBe(true);
      }
    }
  });

  it("loads its configuration from PIERRE_<ID>_* variables", () => {
    const overrides: Record<string, string> = {
      [providerEnvName(id, "clientId")]: "contract-id",
      [providerEnvName(id, "clientSecret")]: "contract-secret",
      [providerEnvName(id, "scopes")]: "one,two",
    };
    for (const field of endpointFields) overrides[providerEnvName(id, field)] = `https://override.example/${field}`;
    for (const setting of definition.settings ?? []) overrides[providerSettingEnvName(id, setting)] = `contract-${setting.key}`;
    const { config, sources } = loadProviderEnvConfig(id, definition, overrides, core);
    expect(config).toMatchObject({ clientId: "contract-id", clientSecret: "contract-secret", defaultScopes: ["one", "two"], redirectUri: `https://pierre.example.com/api/providers/${id}/callback` });
    for (const field of endpointFields) {
      expect(config[field]).toBe(`https://override.example/${field}`);
      expect(sources[field]).toBe(providerEnvName(id, field));
    }
    for (const setting of definition.settings ?? []) expect(config.settings?.[setting.key]).toBe(`contract-${setting.key}`);

    // Without variables: the definition's own endpoints, and no credentials.
    const defaults = buildProviderCatalog([providerModule], { PIERRE_DEFAULT_PROVIDER: id }, core);
    const plain = defaults.registry.getConfig(id)!;
    for (const field of endpointFields) expect(plain[field]).toBe(definition.endpoints[field]);
    expect(defaults.registry.isConfigured(id)).toBe(!definition.requiresCredentials && !(definition.settings ?? []).some((s) => s.required));
  });

  it("has fixtures that its normalizer reads into the shared shape", () => {
    if (definition.connection === "none") return; // nothing comes over the wire
    expect(providerModule.normalize, "the module exports its normalizer").toBeTypeOf("function");
    const dir = fixturesDirOf(id);
    expect(fs.existsSync(dir), `${dir} exists`).toBe(true);
    const samples = fs.readdirSync(dir).filter((name) => name.endsWith(".json") && name !== "documented-sport-codes.json");
    expect(samples.length, "provider samples").toBeGreaterThan(0);
    const activities = samples.flatMap((name) =>
      itemsOf(parseProviderJson(fs.readFileSync(path.join(dir, name), "utf8")))
        .map((item) => tryNormalize(providerModule.normalize!, item))
        .filter((activity): activity is NormalizedActivity => Boolean(activity)),
    );
    expect(activities.length, "workouts normalized from the fixtures").toBeGreaterThan(0);
    for (const activity of activities) {
      expect(activity.provider).toBe(id);
      expect(activity.providerActivityId).not.toBe("");
      expect(Number.isNaN(activity.startTime.getTime())).toBe(false);
      expect(isSport(activity.sport)).toBe(true);
      for (const value of [activity.elapsedSeconds, activity.movingSeconds, activity.distanceMeters, activity.calories]) {
        if (value !== null) expect(value >= 0 && Number.isFinite(value)).toBe(true);
      }
    }
    // Its sport table is checked against the documented codes by the room's own test.
    expect(fs.existsSync(path.join(dir, "documented-sport-codes.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "..", "sports.test.ts"))).toBe(true);
  });

  it("connects against the sandbox, syncs, shows its card, admin row and list_providers entry, and disconnects", async () => {
    const userId = await env.app.createUser();
    const [before] = (await listProviderStatuses(registry(), userId)).filter((s) => s.id === id);
    expect(before).toMatchObject({ configured: true, status: "disconnected", connected: false });
    const disconnectedCard = renderCard(before!);
    expect(disconnectedCard).toContain(`data-provider="${id}"`);
    expect(disconnectedCard).toContain(definition.displayName);
    expect(disconnectedCard).toContain(`href="/api/providers/${id}/connect"`);

    const start = await startConnect(registry(), userId, id);
    if (definition.connection === "none") {
      expect(start.kind).toBe("connected");
    } else {
      if (start.kind !== "redirect") throw new Error("expected a redirect");
      expect(start.url.origin).toBe(env.sandbox.url);
      if (definition.connection === "oauth2") {
        expect(start.url.pathname).toBe(sandboxPath(definition, "authUrl"));
        const query = start.url.searchParams;
        const config = registry().getConfig(id)!;
        expect(query.get("client_id")).toBe(sandboxCredentials(definition).clientId);
        expect(query.get("redirect_uri")).toBe(config.redirectUri);
        expect(query.get("response_type")).toBe("code");
        expect(query.get("state")).toMatch(/^[\w-]{43}$/);
        const quirks = definition.oauth!;
        if (quirks.omitScope || config.defaultScopes.length === 0) expect(query.has("scope")).toBe(false);
        else expect(query.get("scope")).toBe(config.defaultScopes.join(quirks.scopeSeparator));
        expect(query.get("code_challenge_method")).toBe(quirks.pkce ? "S256" : null);
        for (const [key, value] of Object.entries(quirks.authorizeParams ?? {})) expect(query.get(key)).toBe(value);
      }
      const callback = await decideConsent(start.url, "authorize", { athlete: `contract-${id}` });
      expect(callback.pathname).toBe(`/api/providers/${id}/callback`);
      const { notice, connection } = await completeConnect(registry(), userId, id, callback.searchParams);
      expect(notice).toBe(`Connected to ${definition.displayName}`);
      expect(connection).toMatchObject({ status: "connected" });
      expect(connection.providerUserId).toBeTruthy();

      // Tokens are encrypted at rest: whatever is on disk never holds them.
      const tokens = await getUsableTokens(connection.id, registry().requireProvider(id));
      const file = await env.app.storedBytes();
      // What is stored openly is there to be found: the search reads what the database holds.
      expect(file.includes(Buffer.from(connection.providerUserId!))).toBe(true);
      // A hosted connection's "token" may be the provider's user id, which is stored openly as the account id.
      if (tokens.accessToken !== connection.providerUserId) expect(file.includes(Buffer.from(tokens.accessToken))).toBe(false);
      if (tokens.refreshToken) expect(file.includes(Buffer.from(tokens.refreshToken))).toBe(false);
    }

    const run = await syncUser(registry(), userId, env.app.syncSettings, { provider: id });
    expect(run.results[id]).toMatchObject({ error: null, skipped: 0 });
    expect(run.results[id]!.inserted).toBeGreaterThan(0);

    const [after] = (await listProviderStatuses(registry(), userId)).filter((s) => s.id === id);
    expect(after).toMatchObject({ status: "connected", connected: true });
    const connectedCard = renderCard(after!);
    expect(connectedCard).toContain(`Disconnect ${definition.displayName}`);
    expect(connectedCard).toContain("Last sync");

    const row = describeProviderConfigs(env.app.catalog).find((r) => r.id === id);
    expect(row).toMatchObject({ displayName: definition.displayName, status: definition.requiresCredentials ? "configured" : "always_available" });
    expect(row!.redirectUri.value).toBe(registry().getConfig(id)!.redirectUri);
    if (definition.requiresCredentials) {
      expect(row!.clientSecret).toEqual({ state: "set", variable: providerEnvName(id, "clientSecret") });
      expect(row!.authUrl.source).toBe(providerEnvName(id, "authUrl"));
      const secrets = [sandboxCredentials(definition).clientSecret, ...(definition.settings ?? []).filter((s) => s.secret).map((s) => sandboxCredentials(definition).settings[s.key]!)];
      for (const secret of secrets) expect(JSON.stringify(row)).not.toContain(secret);
    }
    for (const setting of definition.settings ?? []) {
      expect(row!.settings.find((s) => s.key === setting.key)).toMatchObject({ variable: providerSettingEnvName(id, setting), source: providerSettingEnvName(id, setting) });
    }

    const server = createMcpServer({ userId, scopes: allMcpScopes, catalog: env.app.catalog, syncSettings: env.app.syncSettings, onConnected: () => undefined });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "contract", version: "1.0.0" });
    await client.connect(clientSide);
    const listed = await client.callTool({ name: "list_providers", arguments: {} });
    const body = JSON.parse((listed.content as { text: string }[])[0]!.text) as { result: { providers: { id: string }[] } };
    expect(body.result.providers.find((p) => p.id === id)).toMatchObject({ displayName: definition.displayName, configured: true, connection: definition.connection });
    await client.close();

    const result = await disconnect(registry(), userId, id);
    expect(result).toMatchObject({ revokedAtProvider: true, activitiesDeleted: run.results[id]!.inserted });
    expect(await findConnection(userId, id)).toBeUndefined();
  });

  it("says on its card what an admin sets when it is not configured", async () => {
    if (!definition.requiresCredentials) return;
    const bare = buildProviderCatalog([providerModule], { PIERRE_DEFAULT_PROVIDER: id }, core);
    const userId = await env.app.createUser();
    const [status] = await listProviderStatuses(bare.registry, userId);
    const card = renderCard(status!);
    expect(card).not.toContain(`href="/api/providers/${id}/connect"`);
    if (definition.retirement) {
      expect(status!.status).toBe("retired");
      expect(card).toContain("Retired");
    } else {
      expect(status!.status).toBe("not_configured");
      for (const variable of status!.credentialVariables) expect(card).toContain(variable);
      expect(status!.credentialVariables).toEqual(
        expect.arrayContaining([providerEnvName(id, "clientId"), providerEnvName(id, "clientSecret"), ...(definition.settings ?? []).filter((s) => s.required).map((s) => providerSettingEnvName(id, s))]),
      );
    }
  });
});
