import "server-only";
import { timingSafeEqual } from "node:crypto";
import { OAuthClientMetadataSchema, type OAuthClientInformationFull } from "@modelcontextprotocol/sdk/shared/auth.js";
import { findOAuthClient, insertOAuthClient } from "@/lib/db/queries";
import type { OAuthClientRow } from "@/lib/db/schema";
import { excerpt, OAuthProtocolError } from "@/lib/errors";
import { isMcpScope, parseStoredScopes, type McpScope } from "@/lib/mcp/scopes";
import { randomToken, sha256Hex } from "@/lib/security/crypto";
import { MAX_REDIRECT_URIS, redirectUriProblem } from "./redirect-uris";

/** An application registered with us, as the authorization steps need it. */
export interface RegisteredClient {
  id: string;
  name: string;
  redirectUris: string[];
  /** The scopes it registered for, or null when it named none (then it may ask for any). */
  scopes: McpScope[] | null;
  confidential: boolean;
  clientUri: string | null;
}

const SUPPORTED_GRANTS = ["authorization_code", "refresh_token"] as const;
const AUTH_METHODS = ["none", "client_secret_post", "client_secret_basic"] as const;
type AuthMethod = (typeof AUTH_METHODS)[number];
const MAX_NAME_LENGTH = 100;

function toRegisteredClient(row: OAuthClientRow): RegisteredClient {
  const metadata = JSON.parse(row.metadata) as { client_uri?: string };
  return {
    id: row.id,
    name: row.name,
    redirectUris: JSON.parse(row.redirectUris) as string[],
    scopes: row.scope === null ? null : parseStoredScopes(row.scope),
    confidential: row.secretHash !== null,
    clientUri: metadata.client_uri ?? null,
  };
}

export async function findClient(clientId: string): Promise<RegisteredClient | undefined> {
  if (!clientId || clientId.length > 100) return undefined;
  const row = await findOAuthClient(clientId);
  return row ? toRegisteredClient(row) : undefined;
}

function sameSecret(secret: string, secretHash: string): boolean {
  const given = Buffer.from(sha256Hex(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The client, if it proved who it is: a confidential client by its secret, a public client by
 * sending none (its proof is PKCE). Undefined for anything else, so callers answer invalid_client.
 */
export async function authenticateClient(clientId: string, secret: string | undefined): Promise<RegisteredClient | undefined> {
  if (!clientId || clientId.length > 100) return undefined;
  const row = await findOAuthClient(clientId);
  if (!row) return undefined;
  if (row.secretHash === null) return secret ? undefined : toRegisteredClient(row);
  return secret && sameSecret(secret, row.secretHash) ? toRegisteredClient(row) : undefined;
}

/**
 * Client credentials of a token or revocation request (RFC 6749 §2.3.1): HTTP Basic with
 * form-encoded parts, or `client_id` (and `client_secret`) in the body, never both.
 */
export function clientCredentials(headers: Headers, params: URLSearchParams): { clientId: string; secret: string | undefined } {
  const header = headers.get("authorization");
  const basic = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim()) : null;
  if (header && !basic) throw new OAuthProtocolError("invalid_client", "Client authentication must use HTTP Basic or the request body.", { status: 401 });
  if (basic) {
    if (params.has("client_secret")) throw new OAuthProtocolError("invalid_request", "Authenticate the client one way only: HTTP Basic or client_secret in the body.");
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthProtocolError("invalid_client", "HTTP Basic credentials must be client_id:client_secret.", { status: 401 });
    const part = (value: string) => {
      try {
        return decodeURIComponent(value.replace(/\+/g, " "));
      } catch {
        throw new OAuthProtocolError("invalid_client", "HTTP Basic credentials are not form-encoded.", { status: 401 });
      }
    };
    return { clientId: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) || undefined };
  }
  const clientId = params.get("client_id");
  if (!clientId) throw new OAuthProtocolError("invalid_client", "Missing client_id: send it in the body, or authenticate with HTTP Basic.", { status: 401 });
  return { clientId, secret: params.get("client_secret") || undefined };
}

/** A name for the consent page: printable, short, never empty. */
function displayName(name: string | undefined, clientUri: string | undefined): string {
  const clean = (name ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim().slice(0, MAX_NAME_LENGTH);
  if (clean) return clean;
  if (clientUri) return new URL(clientUri).host;
  return "An unnamed app";
}

const invalidMetadata = (description: string) => new OAuthProtocolError("invalid_client_metadata", description);

/**
 * Dynamic Client Registration (RFC 7591): checks the metadata against what this server supports,
 * stores the client (a secret only as its hash) and answers with its information. The secret,
 * if any, is in this answer alone.
 */
export async function registerClient(body: unknown): Promise<OAuthClientInformationFull> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidMetadata("The body must be a JSON object of client metadata (RFC 7591).");
  const parsed = OAuthClientMetadataSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "metadata";
    if (issue.path[0] === "redirect_uris") throw new OAuthProtocolError("invalid_redirect_uri", `Invalid ${field}: ${issue.message}`);
    throw invalidMetadata(`Invalid ${field}: ${issue.message}`);
  }
  const metadata = parsed.data;

  if (metadata.redirect_uris.length === 0) throw new OAuthProtocolError("invalid_redirect_uri", "redirect_uris must name at least one URI.");
  if (metadata.redirect_uris.length > MAX_REDIRECT_URIS) throw new OAuthProtocolError("invalid_redirect_uri", `redirect_uris may name at most ${MAX_REDIRECT_URIS} URIs.`);
  metadata.redirect_uris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri);
    if (problem) throw new OAuthProtocolError("invalid_redirect_uri", `redirect_uris[${index}] (${excerpt(uri, 80)}) ${problem}.`);
  });

  const grantTypes = metadata.grant_types ?? ["authorization_code", "refresh_token"];
  const unsupportedGrant = grantTypes.find((grant) => !(SUPPORTED_GRANTS as readonly string[]).includes(grant));
  if (unsupportedGrant) throw invalidMetadata(`Invalid grant_types: '${excerpt(unsupportedGrant)}' is not supported; use authorization_code and refresh_token.`);
  if (!grantTypes.includes("authorization_code")) throw invalidMetadata("Invalid grant_types: authorization_code is required.");

  const responseTypes = metadata.response_types ?? ["code"];
  if (responseTypes.some((type) => type !== "code")) throw invalidMetadata("Invalid response_types: only 'code' is supported.");

  // RFC 7591 §2: without a method, the client authenticates with a secret over HTTP Basic.
  const authMethod = (metadata.token_endpoint_auth_method ?? "client_secret_basic") as AuthMethod;
  if (!AUTH_METHODS.includes(authMethod)) {
    throw invalidMetadata(`Invalid token_endpoint_auth_method: '${excerpt(String(metadata.token_endpoint_auth_method))}' is not supported; use ${AUTH_METHODS.join(", ")}.`);
  }

  let scopes: McpScope[] | null = null;
  if (metadata.scope !== undefined && metadata.scope.trim() !== "") {
    const words = metadata.scope.trim().split(/\s+/);
    const unknown = words.find((word) => !isMcpScope(word));
    if (unknown) throw invalidMetadata(`Invalid scope: '${excerpt(unknown)}' is not a scope of this server.`);
    scopes = words as McpScope[];
  }

  const secret = authMethod === "none" ? undefined : `pcs_${randomToken(32)}`;
  const clientId = `pcc_${randomToken(18)}`;
  const issuedAt = Math.floor(Date.now() / 1000);
  const info: OAuthClientInformationFull = {
    ...metadata,
    client_name: displayName(metadata.client_name, metadata.client_uri),
    grant_types: grantTypes,
    response_types: responseTypes,
    token_endpoint_auth_method: authMethod,
    ...(scopes ? { scope: scopes.join(" ") } : {}),
    client_id: clientId,
    client_id_issued_at: issuedAt,
    ...(secret ? { client_secret_expires_at: 0 } : {}),
  };
  await insertOAuthClient({
    id: clientId,
    secretHash: secret ? sha256Hex(secret) : null,
    name: info.client_name!,
    redirectUris: JSON.stringify(metadata.redirect_uris),
    tokenEndpointAuthMethod: authMethod,
    scope: scopes ? scopes.join(" ") : null,
    metadata: JSON.stringify(info),
  });
  return secret ? { ...info, client_secret: secret } : info;
}
