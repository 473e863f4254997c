import { OAuthMetadataSchema, OAuthProtectedResourceMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { describe, expect, it } from "vitest";
import { authorizationServerMetadata, isOurResource, mcpResourceUrl, protectedResourceMetadata, protectedResourceMetadataUrl } from "./metadata";

const baseUrl = new URL("https://connect.example.com");

describe("discovery documents", () => {
  it("protected resource metadata (RFC 9728) names the MCP endpoint, us as its authorization server and the scopes", () => {
    const document = OAuthProtectedResourceMetadataSchema.parse(protectedResourceMetadata(baseUrl));
    expect(document).toMatchObject({
      resource: "https://connect.example.com/api/mcp",
      authorization_servers: ["https://connect.example.com"],
      scopes_supported: ["activities:read", "activities:write", "connections:manage"],
      bearer_methods_supported: ["header"],
    });
    expect(protectedResourceMetadataUrl(baseUrl)).toBe("https://connect.example.com/.well-known/oauth-protected-resource/api/mcp");
  });

  it("authorization server metadata (RFC 8414) offers only the code flow with S256, refresh and revocation", () => {
    const document = OAuthMetadataSchema.parse(authorizationServerMetadata(baseUrl));
    expect(document).toMatchObject({
      issuer: "https://connect.example.com",
      authorization_endpoint: "https://connect.example.com/oauth/authorize",
      token_endpoint: "https://connect.example.com/api/oauth/token",
      registration_endpoint: "https://connect.example.com/api/oauth/register",
      revocation_endpoint: "https://connect.example.com/api/oauth/revoke",
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    });
    // The issuer of the metadata is the authorization server the resource metadata names.
    expect(protectedResourceMetadata(baseUrl).authorization_servers).toEqual([document.issuer]);
  });
});

describe("the resource indicator", () => {
  it("is the MCP endpoint; a trailing slash names it too, anything else does not", () => {
    expect(mcpResourceUrl(baseUrl)).toBe("https://connect.example.com/api/mcp");
    expect(isOurResource("https://connect.example.com/api/mcp", baseUrl)).toBe(true);
    expect(isOurResource("https://CONNECT.example.com/api/mcp/", baseUrl)).toBe(true);
    for (const other of ["https://connect.example.com", "https://connect.example.com/api/mcp/x", "http://connect.example.com/api/mcp", "https://evil.example/api/mcp", "https://connect.example.com/api/mcp#x", "https://connect.example.com/api/mcp?x=1", "not a url"]) {
      expect(isOurResource(other, baseUrl), other).toBe(false);
    }
  });
});
