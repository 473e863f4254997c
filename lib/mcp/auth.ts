import "server-only";
import { toSessionUser, type SessionUser } from "@/lib/auth/accounts";
import { authenticateRequest } from "@/lib/auth/request";
import { getConfig } from "@/lib/config";
import { findLiveAccessToken } from "@/lib/db/queries";
import { sha256Hex } from "@/lib/security/crypto";
import { ACCESS_TOKEN_PREFIX } from "./oauth/authorization-server";
import { mcpResourceUrl, protectedResourceMetadataUrl } from "./oauth/metadata";
import { allMcpScopes, parseStoredScopes, type McpScope } from "./scopes";

export interface McpCaller {
  user: SessionUser;
  via: "session" | "token" | "oauth";
  /** What this caller may do: an OAuth app what it was granted, everyone else everything. */
  scopes: McpScope[];
}

export type McpAuthentication = { ok: true; caller: McpCaller } | { ok: false; credentialsSent: boolean };

/**
 * The caller of the MCP endpoint: an OAuth access token issued for this endpoint (its audience
 * is checked: a token for another resource is no token here), a personal API token, or the
 * browser session.
 */
export async function authenticateMcpRequest(request: Request): Promise<McpAuthentication> {
  const header = request.headers.get("authorization");
  const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
  if (bearer?.startsWith(ACCESS_TOKEN_PREFIX)) {
    const owner = await findLiveAccessToken(sha256Hex(bearer));
    if (!owner || owner.resource !== mcpResourceUrl(getConfig().baseUrl)) return { ok: false, credentialsSent: true };
    return { ok: true, caller: { user: toSessionUser(owner.user), via: "oauth", scopes: parseStoredScopes(owner.scope) } };
  }
  const auth = await authenticateRequest(request);
  if (!auth) return { ok: false, credentialsSent: header !== null };
  return { ok: true, caller: { user: auth.user, via: auth.via, scopes: [...allMcpScopes] } };
}

/**
 * The challenge of a 401 from the MCP endpoint (RFC 6750 §3, RFC 9728 §5.1): where to find how to
 * get a token, and which scopes to ask for. `error="invalid_token"` only when a token was sent.
 */
export function mcpChallenge(credentialsSent: boolean, baseUrl = getConfig().baseUrl): string {
  const parts = [`Bearer realm="Pierre Connect"`, `resource_metadata="${protectedResourceMetadataUrl(baseUrl)}"`, `scope="${allMcpScopes.join(" ")}"`];
  if (credentialsSent) parts.push(`error="invalid_token"`, `error_description="The token is invalid, expired or revoked"`);
  return parts.join(", ");
}
