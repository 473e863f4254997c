import { describe, expect, it } from "vitest";
import { matchRedirectUri, redirectUriProblem } from "./redirect-uris";

describe("registering redirect URIs", () => {
  it("accepts https anywhere, http on loopback only, and native apps' private schemes", () => {
    for (const uri of [
      "https://claude.ai/api/mcp/auth_callback",
      "http://127.0.0.1:3334/oauth/callback",
      "http://localhost:6274/oauth/callback",
      "http://[::1]:8080/cb",
      "com.example.app:/oauth2redirect",
      "cursor://anysphere.cursor-retrieval/oauth/callback",
    ]) {
      expect(redirectUriProblem(uri), uri).toBeNull();
    }
  });

  it("refuses what an attacker could receive or a browser would run", () => {
    expect(redirectUriProblem("http://example.com/cb")).toBe("may use http only for 127.0.0.1, localhost or [::1]; use https");
    expect(redirectUriProblem("http://127.0.0.1.example.com/cb")).toMatch(/^may use http only/);
    expect(redirectUriProblem("https://claude.ai/cb#frag")).toBe("must not have a fragment");
    expect(redirectUriProblem("https://user:pw@claude.ai/cb")).toBe("must not carry credentials");
    expect(redirectUriProblem("javascript:alert(1)")).toBe("must not use the javascript scheme");
    expect(redirectUriProblem("data:text/html,hi")).toBe("must not use the data scheme");
    expect(redirectUriProblem("file:///etc/passwd")).toBe("must not use the file scheme");
    expect(redirectUriProblem("/relative/cb")).toBe("is not an absolute URI");
  });
});

describe("matching a request's redirect URI", () => {
  const registered = ["https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1:3334/oauth/callback", "com.example.app:/cb"];

  it("matches exactly, string for string", () => {
    expect(matchRedirectUri("https://claude.ai/api/mcp/auth_callback", registered)).toBe("https://claude.ai/api/mcp/auth_callback");
    expect(matchRedirectUri("com.example.app:/cb", registered)).toBe("com.example.app:/cb");
    for (const uri of ["https://claude.ai/api/mcp/auth_callback/", "https://claude.ai/api/mcp/auth_callback?x=1", "https://CLAUDE.ai/api/mcp/auth_callback", "https://claude.ai:8443/api/mcp/auth_callback", "com.example.app:/cb2"]) {
      expect(matchRedirectUri(uri, registered), uri).toBeUndefined();
    }
  });

  it("lets a loopback URI name any port, and nothing else about it differ (RFC 8252 §7.3)", () => {
    expect(matchRedirectUri("http://127.0.0.1:49152/oauth/callback", registered)).toBe("http://127.0.0.1:49152/oauth/callback");
    expect(matchRedirectUri("http://127.0.0.1/oauth/callback", registered)).toBe("http://127.0.0.1/oauth/callback");
    expect(matchRedirectUri("http://localhost:49152/oauth/callback", registered)).toBeUndefined();
    expect(matchRedirectUri("http://127.0.0.1:49152/other", registered)).toBeUndefined();
    expect(matchRedirectUri("https://127.0.0.1:3334/oauth/callback", registered)).toBeUndefined();
    expect(matchRedirectUri("https://claude.ai:444/api/mcp/auth_callback", registered)).toBeUndefined();
  });
});
