import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expireTokens, requests, reset, revokeTokens } from "@/sandbox/control-client";
import { findConnection } from "@/lib/db/queries";
import { resetCircuitBreakers } from "@/lib/providers/http";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { syncUser } from "@/lib/sync/engine";
import { completeConnect, disconnect, listProviderStatuses, startConnect } from "./service";
import { getUsableTokens } from "./tokens";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
const registry = () => env.app.catalog.registry;

beforeAll(async () => {
  env = await createSandboxedApp();
});
afterAll(async () => env.close());
beforeEach(async () => {
  await reset(env.sandbox.url);
  resetCircuitBreakers();
});

/** Connect flow as a browser does it: our connect URL, the consent page, the redirect back. */
async function connect(userId: string, provider: string, decision: "authorize" | "deny" = "authorize") {
  const start = await startConnect(registry(), userId, provider);
  if (start.kind !== "redirect") throw new Error("expected a redirect");
  const extra: Record<string, string> = provider === "terra" ? { provider: "GARMIN" } : { athlete: `athlete-${userId.slice(0, 8)}` };
  const callback = await decideConsent(start.url, decision, extra);
  return { start, callback, result: () => completeConnect(registry(), userId, provider, callback.searchParams) };
}

const oauthProviders = ["strava", "garmin", "fitbit", "whoop", "coros", "polar"] as const;

describe("connecting every provider against the sandbox", () => {
  it.each([...oauthProviders, "terra"])("%s: consent, exchange (or widget), profile, tokens encrypted at rest, sync, revoke", async (provider) => {
    const userId = await env.app.createUser();
    const { callback, result } = await connect(userId, provider);
    expect(callback.pathname).toBe(`/api/providers/${provider}/callback`);
    const { notice, connection } = await result();
    expect(notice).toBe(`Connected to ${registry().require(provider).displayName}`);
    expect(connection.status).toBe("connected");
    expect(connection.providerUserId).toBeTruthy();

    const tokens = await getUsableTokens(connection.id, registry().requireProvider(provider));
    expect(tokens.accessToken.length).toBeGreaterThan(5);
    expect(connection.accessTokenEnc).not.toContain(tokens.accessToken);
    // The database file and its write-ahead log: whatever is on disk.
    const file = Buffer.concat([env.app.databasePath, `${env.app.databasePath}-wal`].filter((p) => fs.existsSync(p)).map((p) => fs.readFileSync(p)));
    // Terra has no per-user secret: its "token" is the Terra user id, stored openly as the account id.
    if (tokens.accessToken !== connection.providerUserId) expect(file.includes(Buffer.from(tokens.accessToken))).toBe(false);
    if (tokens.refreshToken) expect(file.includes(Buffer.from(tokens.refreshToken))).toBe(false);

    const run = await syncUser(registry(), userId, env.app.syncSettings, { provider });
    expect(run.results[provider]).toMatchObject({ error: null, skipped: 0 });
    expect(run.results[provider]!.inserted).toBeGreaterThan(0);

    const result2 = await disconnect(registry(), userId, provider);
    expect(result2).toMatchObject({ revokedAtProvider: true });
    expect(result2.activitiesDeleted).toBe(run.results[provider]!.inserted);
    expect(await findConnection(userId, provider)).toBeUndefined();
  });

  it("synthetic connects at once, with no redirect", async () => {
    const userId = await env.app.createUser();
    await expect(startConnect(registry(), userId, "synthetic")).resolves.toEqual({ kind: "connected", notice: "Connected to Synthetic" });
    expect(await (await findConnection(userId, "synthetic"))?.status).toBe("connected");
  });
});

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
      "Provider 'nope' is not supported. Supported providers: strava, garmin, fitbit, whoop, coros, terra, polar, synthetic",
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
