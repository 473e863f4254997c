import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expireTokens, requests, reset, revokeTokens } from "@/sandbox/control-client";
import { findConnection } from "@/lib/db/queries";
import { resetProviderHealth } from "@/test/test-app";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { syncUser } from "@/lib/sync/engine";
import { providerEnvName } from "@/lib/config/provider-env";
import { queryFeed } from "@/lib/feed/query";
import { builtInProviders } from "@/lib/providers/builtin";
import { buildProviderCatalog } from "@/lib/providers/catalog";
import { sandboxPath, sandboxProviderEnv } from "@/sandbox/env";
import { completeConnect, listProviderStatuses, startConnect } from "./service";
import { getUsableTokens } from "./tokens";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
const registry = () => env.app.catalog.registry;

beforeAll(async () => {
  env = await createSandboxedApp();
});
afterAll(async () => env.close());
beforeEach(async () => {
  await reset(env.sandbox.url);
  await resetProviderHealth();
});

/** Connect flow as a browser does it: our connect URL, the consent page (or Terra's widget), the redirect back. */
async function connect(userId: string, provider: string, decision: "authorize" | "deny" = "authorize", athlete = `athlete-${userId.slice(0, 8)}`) {
  const start = await startConnect(registry(), userId, provider);
  if (start.kind !== "redirect") throw new Error("expected a redirect");
  const callback = await decideConsent(start.url, decision, { athlete });
  return { start, callback, result: () => completeConnect(registry(), userId, provider, callback.searchParams) };
}

// Each registered provider's connect, exchange, sync and revoke run in lib/providers/contract.test.ts.

describe("what can go wrong in the callback", () => {
  it("Terra: another person's Terra user id put into the redirect is refused, because Terra does not confirm it", async () => {
    const alice = await env.app.createUser();
    const bob = await env.app.createUser();
    const aliceTerra = await connect(alice, "terra");
    const { connection } = await aliceTerra.result();
    const bobTerra = await connect(bob, "terra");
    const forged = new URLSearchParams(bobTerra.callback.searchParams);
    forged.set("user_id", connection.providerUserId!);
    await expect(completeConnect(registry(), bob, "terra", forged)).rejects.toThrow("Terra does not confirm this connection as yours");
    expect(await findConnection(bob, "terra")).toBeUndefined();
    // Claiming to be Alice in the URL does not help either: the state was issued to Bob.
    const again = await connect(bob, "terra");
    const claimed = new URLSearchParams(again.callback.searchParams);
    claimed.set("user_id", connection.providerUserId!);
    claimed.set("reference_id", alice);
    await expect(completeConnect(registry(), bob, "terra", claimed)).rejects.toThrow();
    expect(await findConnection(bob, "terra")).toBeUndefined();
    expect((await findConnection(alice, "terra"))?.providerUserId).toBe(connection.providerUserId);
  });

  it("a denied consent ends with a clear message and no connection", async () => {
    const userId = await env.app.createUser();
    const { callback, result } = await connect(userId, "strava", "deny");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    await expect(result()).rejects.toThrow("You did not grant access to Strava, so nothing was connected.");
    expect(await findConnection(userId, "strava")).toBeUndefined();
  });

  it("a replayed callback is refused and changes nothing", async () => {
    const userId = await env.app.createUser();
    const { callback, result } = await connect(userId, "fitbit");
    const { connection } = await result();
    await expect(completeConnect(registry(), userId, "fitbit", callback.searchParams)).rejects.toThrow("already used");
    expect(await findConnection(userId, "fitbit")).toEqual(connection);
  });

  it("another person's callback is refused", async () => {
    const alice = await env.app.createUser();
    const bob = await env.app.createUser();
    const { callback } = await connect(alice, "whoop");
    await expect(completeConnect(registry(), bob, "whoop", callback.searchParams)).rejects.toThrow("started by another account");
    expect(await findConnection(bob, "whoop")).toBeUndefined();
  });

  it("a forged code is refused by the provider and nothing is stored", async () => {
    const userId = await env.app.createUser();
    const { callback } = await connect(userId, "garmin");
    callback.searchParams.set("code", "forged");
    await expect(completeConnect(registry(), userId, "garmin", callback.searchParams)).rejects.toMatchObject({ code: "oauth_exchange_failed" });
    expect(await findConnection(userId, "garmin")).toBeUndefined();
  });

  it("an unknown provider gets the registry's answer", async () => {
    const userId = await env.app.createUser();
    await expect(startConnect(registry(), userId, "nope")).rejects.toThrow(
      `Provider 'nope' is not supported. Supported providers: ${registry().supportedProviders().join(", ")}`,
    );
  });
});

describe("token refresh", () => {
  it("20 concurrent uses of an expiring connection make exactly one refresh request, saving the rotated token", async () => {
    const userId = await env.app.createUser();
    const { result } = await connect(userId, "strava");
    const { connection } = await result();
    const before = await getUsableTokens(connection.id, registry().requireProvider("strava"));
    // Make the stored token look about to expire.
    await env.app.sql("update provider_connections set token_expires_at = ? where id = ?", [Date.now() + 60_000, connection.id]);
    const tokenRequestsBefore = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "/oauth/token" })).length;

    const results = await Promise.all(Array.from({ length: 20 }, () => getUsableTokens(connection.id, registry().requireProvider("strava"))));
    const tokenRequests = (await requests(env.sandbox.url, { provider: "strava", pathIncludes: "/oauth/token" })).length - tokenRequestsBefore;
    expect(tokenRequests).toBe(1);
    expect(new Set(results.map((t) => t.accessToken)).size).toBe(1);
    expect(results[0]!.accessToken).not.toBe(before.accessToken);
    expect(results[0]!.refreshToken).not.toBe(before.refreshToken);
    // The rotated refresh token is what is stored now.
    const stored = await getUsableTokens(connection.id, registry().requireProvider("strava"));
    expect(stored.refreshToken).toBe(results[0]!.refreshToken);
  });

  it("COROS renews by extending: the same tokens, a later expiry", async () => {
    const userId = await env.app.createUser();
    const { connection } = await (await connect(userId, "coros")).result();
    const before = await getUsableTokens(connection.id, registry().requireProvider("coros"));
    await env.app.sql("update provider_connections set token_expires_at = ? where id = ?", [Date.now() + 60_000, connection.id]);
    const after = await getUsableTokens(connection.id, registry().requireProvider("coros"));
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("a revoked grant moves the connection to needs-reconnect; a provider outage does not", async () => {
    const userId = await env.app.createUser();
    const { connection } = await (await connect(userId, "whoop")).result();
    await env.app.sql("update provider_connections set token_expires_at = ? where id = ?", [Date.now() + 60_000, connection.id]);

    const { failNext } = await import("@/sandbox/control-client");
    await failNext(env.sandbox.url, { provider: "whoop", count: 1, status: 503, target: "token" });
    await expect(getUsableTokens(connection.id, registry().requireProvider("whoop"))).rejects.toMatchObject({ code: "provider_unavailable" });
    expect(await (await findConnection(userId, "whoop"))?.status).toBe("connected");

    await revokeTokens(env.sandbox.url, "whoop");
    await expect(getUsableTokens(connection.id, registry().requireProvider("whoop"))).rejects.toMatchObject({ code: "needs_reconnect" });
    expect(await findConnection(userId, "whoop")).toMatchObject({ status: "needs_reconnect" });
    const status = (await listProviderStatuses(registry(), userId)).find((s) => s.id === "whoop");
    expect(status).toMatchObject({ status: "needs_reconnect", connected: false });
  });

  it("an access token expired at the provider shows up as needs-reconnect on the next sync", async () => {
    const userId = await env.app.createUser();
    await (await connect(userId, "polar")).result();
    await expireTokens(env.sandbox.url, "polar");
    const run = await syncUser(registry(), userId, env.app.syncSettings, { provider: "polar" });
    expect(run.results.polar?.error).toContain("Reconnect Polar");
    expect(await (await findConnection(userId, "polar"))?.status).toBe("needs_reconnect");
  });
});

describe("moving from a retired provider to its successor", () => {
  const retiredDefinition = () => registry().listDefinitions().find((d) => d.retirement?.successor)!;

  it("connecting the successor retires the old connection, keeps its workouts, and the same workout from both is one feed item", async () => {
    const retired = retiredDefinition();
    const successor = registry().require(retired.retirement!.successor!);
    const userId = await env.app.createUser();
    await (await connect(userId, retired.id, "authorize", "mover")).result();
    const first = await syncUser(registry(), userId, env.app.syncSettings, { provider: retired.id });
    const stored = first.results[retired.id]!.inserted;
    expect(stored).toBeGreaterThan(0);

    const before = (await listProviderStatuses(registry(), userId)).find((s) => s.id === retired.id)!;
    expect(before).toMatchObject({ status: "connected", retirement: { since: retired.retirement!.since, successor: { id: successor.id, configured: true, connected: false } } });

    const moved = await (await connect(userId, successor.id, "authorize", "mover")).result();
    expect(moved.notice).toBe(
      `Connected to ${successor.displayName}. ${retired.displayName} is disconnected; the workouts stored from it stay in your history.`,
    );
    expect(await findConnection(userId, retired.id)).toBeUndefined();
    // Revoked at the old provider too, where it still answers.
    expect((await requests(env.sandbox.url, { provider: retired.id })).some((r) => r.method === "POST" && r.path === sandboxPath(retired, "revokeUrl"))).toBe(true);
    const count = async (provider: string) => (await env.app.sql<{ n: number }>("select count(*) as n from activities where user_id = ? and provider = ?", [userId, provider]))[0]!.n;
    expect(await count(retired.id)).toBe(stored);

    const second = await syncUser(registry(), userId, env.app.syncSettings, { provider: successor.id });
    expect(second.results[successor.id]).toMatchObject({ error: null });
    expect(second.results[successor.id]!.inserted).toBeGreaterThan(0);

    // One history: every workout the old provider stored is one item that the successor's record joined.
    const feed = await queryFeed(registry(), userId, { limit: 100, provider: retired.id });
    expect(feed.items).toHaveLength(stored);
    for (const item of feed.items) {
      const sources = [item.provider, ...item.alsoOn.map((other) => other.provider)].sort();
      expect(sources, item.name).toEqual([retired.id, successor.id].sort());
    }
    const everything = await queryFeed(registry(), userId, { limit: 100 });
    expect(everything.items.length).toBe(Math.max(stored, second.results[successor.id]!.inserted));

    const after = (await listProviderStatuses(registry(), userId)).find((s) => s.id === retired.id)!;
    expect(after).toMatchObject({ status: "disconnected", retirement: { successor: { connected: true } } });
  });

  it("a retired provider without credentials says so instead of asking an admin to configure it", async () => {
    const retired = retiredDefinition();
    const bare = buildProviderCatalog(
      builtInProviders,
      { ...sandboxProviderEnv(env.sandbox.url), [providerEnvName(retired.id, "clientId")]: "", [providerEnvName(retired.id, "clientSecret")]: "" },
      { baseUrl: new URL("http://localhost:3000"), demo: false },
    );
    const userId = await env.app.createUser();
    const status = (await listProviderStatuses(bare.registry, userId)).find((s) => s.id === retired.id)!;
    expect(status).toMatchObject({ status: "retired", configured: false, connected: false, retirement: { successor: { configured: true } } });
    expect(status.reason).toBe(`${retired.displayName} is retired. ${retired.retirement!.reason}`);
    await expect(startConnect(bare.registry, userId, retired.id)).rejects.toThrow(`${retired.displayName} is retired.`);
  });
});
