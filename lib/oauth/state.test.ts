import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acme } from "@/test/custom-provider";
import { createTestApp, type TestApp } from "@/test/test-app";
import { claimState, issueState, STATE_TTL_MS } from "./state";

let app: TestApp;
let alice: string;
let bob: string;

beforeEach(() => {
  app = createTestApp({ modules: [acme] });
  alice = app.createUser();
  bob = app.createUser();
});
afterEach(() => {
  vi.useRealTimers();
  app.close();
});

const issue = (userId: string, pkce = true) => issueState({ userId, provider: "acme", redirectUri: "http://localhost:3000/cb", pkce });
const claim = (state: string | null, userId: string, provider = "acme") => claimState({ state, userId, provider, providerName: "Acme" });

describe("OAuth state", () => {
  it("is random, at least 128 bits, stored only as a hash, and carries the PKCE verifier encrypted", () => {
    const { state, codeVerifier } = issue(alice);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(issue(alice).state).not.toBe(state);
    const rows = app.db.$client.prepare("select * from oauth_states").all() as Record<string, unknown>[];
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(state);
    expect(stored).not.toContain(codeVerifier);
    expect(claim(state, alice)).toEqual({ redirectUri: "http://localhost:3000/cb", codeVerifier });
  });

  it("is single use: a replayed callback is refused", () => {
    const { state } = issue(alice);
    claim(state, alice);
    expect(() => claim(state, alice)).toThrow("was already used");
  });

  it("refuses a missing, unknown or forged state", () => {
    expect(() => claim(null, alice)).toThrow("had no state");
    expect(() => claim("forged-state-value", alice)).toThrow("not one we issued");
  });

  it("is bound to the person and provider who started, without being used up by others", () => {
    const { state } = issue(alice);
    expect(() => claim(state, bob)).toThrow("started by another account");
    expect(() => claim(state, alice, "strava")).toThrow("issued for another provider");
    expect(() => claim(state, alice)).not.toThrow();
  });

  it("expires after 10 minutes", () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    const { state } = issue(alice, false);
    vi.setSystemTime(Date.now() + STATE_TTL_MS + 1);
    expect(() => claim(state, alice)).toThrow("expired");
  });
});
