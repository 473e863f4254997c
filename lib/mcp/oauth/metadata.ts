import type { OAuthMetadata, OAuthProtectedResourceMetadata } from "@modelcontextprotocol/sdk/shared/auth.js";
import { allMcpScopes } from "@/lib/mcp/scopes";

/**
 * Where everything of MCP authorization lives, from the one public origin (PIERRE_BASE_URL): this
 * app is both the protected resource (the MCP endpoint) and its authorization server.
 */
export const MCP_PATH = "/api/mcp";
export const AUTHORIZE_PATH = "/oauth/authorize";
export const TOKEN_PATH = "/api/oauth/token";
export const REGISTER_PATH = "/api/oauth/register";
export const REVOKE_PATH = "/api/oauth/revoke";
const PROTECTED_RESOURCE_WELL_KNOWN = "/.well-known/oauth-protected-resource";

/** The canonical URI of the MCP endpoint (RFC 8707 §2): what tokens are issued for. */
export function mcpResourceUrl(baseUrl: URL): string {
  return `${baseUrl.origin}${MCP_PATH}`;
}

/** The issuer identifier: our origin, no path, so its metadata sits at the root well-known URL. */
export function issuerUrl(baseUrl: URL): string {
  return baseUrl.origin;
}

/** The path-suffixed metadata URL for the MCP endpoint (RFC 9728 §3.1), named in our 401s. */
export function protectedResourceMetadataUrl(baseUrl: URL): string {
  return `${baseUrl.origin}${PROTECTED_RESOURCE_WELL_KNOWN}${MCP_PATH}`;
}

/**
 * Whether a `resource` parameter names our MCP endpoint. Only this one resource exists here; a
 * trailing slash is the same resource, and scheme and host compare case-insensitively as URLs do.
 */
export function isOurResource(value: string, baseUrl: URL): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash || value.includes("#") || url.search) return false;
  const path = url.pathname.endsWith("/") ? url.pathname.slice(0, -1) : url.pathname;
  return url.origin === baseUrl.origin && path === MCP_PATH;
}

/** RFC 9728 metadata of the MCP endpoint. */
export function protectedResourceMetadata(baseUrl: URL): OAuthProtectedResourceMetadata {
  return {
    resource: mcpResourceUrl(baseUrl),
    authorization_servers: [issuerUrl(baseUrl)],
    scopes_supported: [...allMcpScopes],
    bearer_methods_supported: ["header"],
    resource_name: "Pierre Connect",
    resource_documentation: `${baseUrl.origin}/settings/tokens`,
  };
}

/** RFC 8414 metadata of the authorization server. */
export function authorizationServerMetadata(baseUrl: URL): OAuthMetadata {
  const at = (path: string) => `${baseUrl.origin}${path}`;
  return {
    issuer: issuerUrl(baseUrl),
    authorization_endpoint: at(AUTHORIZE_PATH),
    token_endpoint: at(TOKEN_PATH),
    registration_endpoint: at(REGISTER_PATH),
    revocation_endpoint: at(REVOKE_PATH),
    scopes_supported: [...allMcpScopes],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    revocation_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    authorization_response_iss_parameter_supported: true,
    service_documentation: at("/settings/tokens"),
  };
}
