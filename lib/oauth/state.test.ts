import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acme } from "@/test/custom-provider";
import { createTestApp, type TestApp } from "@/test/test-app";
import { claimState, issueState, STATE_TTL_MS } from "./state";

let app: TestApp;
let alice: string;
let bob: string;

beforeEach(async () => {
  app = await createTestApp({ modules: [acme] });
  alice = await app.createUser();
  bob = await app.createUser();
});
afterEach(async () => {
  vi.useRealTimers();
  await app.close();
});

const issue = (userId: string, pkce = true) => issueState({ userId, provider: "acme", redirectUri: "http://localhost:3000/cb", pkce });
const claim = (state: string | null, userId: string, provider = "acme") => claimState({ state, userId, provider, providerName: "Acme" });

describe("OAuth state", () => {
  it("is random, at least 128 bits, stored only as a hash, and carries the PKCE verifier encrypted", async () => {
    const { state, codeVerifier } = await issue(alice);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect((await issue(alice)).state).not.toBe(state);
    const stored = JSON.stringify(await app.sql("select * from oauth_states"));
    expect(stored).not.toContain(state);
    expect(stored).not.toContain(codeVerifier);
    await expect(claim(state, alice)).resolves.toEqual({ redirectUri: "http://localhost:3000/cb", codeVerifier });
  });

  it("is single use: a replayed callback is refused", async () => {
    const { state } = await issue(alice);
    await claim(state, alice);
    await expect(claim(state, alice)).rejects.toThrow("was already used");
  });

  it("is single use under a race: of two callbacks at once, exactly one passes", async () => {
    const { state } = await issue(alice);
    const outcomes = await Promise.allSettled([claim(state, alice), claim(state, alice)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses a missing, unknown or forged state", async () => {
    await expect(claim(null, alice)).rejects.toThrow("had no state");
    await expect(claim("forged-state-value", alice)).rejects.toThrow("not one we issued");
  });

  it("is bound to the person and provider who started, without being used up by others", async () => {
    const { state } = await issue(alice);
    await expect(claim(state, bob)).rejects.toThrow("started by another account");
    await expect(claim(state, alice, "strava")).rejects.toThrow("issued for another provider");
    await expect(claim(state, alice)).resolves.toBeDefined();
  });

  it("expires after 10 minutes", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    const { state } = await issue(alice, false);
    vi.setSystemTime(Date.now() + STATE_TTL_MS + 1);
    await expect(claim(state, alice)).rejects.toThrow("expired");
  });
});
