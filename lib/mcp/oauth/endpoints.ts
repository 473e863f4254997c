import "server-only";
import { getConfig } from "@/lib/config";
import { OAuthProtocolError, toOAuthError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { clientAddress } from "@/lib/http/client-address";
import { withCors } from "@/lib/http/cors";
import { exchangeToken, readFormParams, revokeTokenRequest } from "./authorization-server";
import { registerClient } from "./clients";
import { limitRegistration, limitTokenRequests } from "./limits";
import { authorizationServerMetadata, MCP_PATH, protectedResourceMetadata } from "./metadata";

/** The HTTP side of the OAuth endpoints: each route handler is one call to one of these. */

function addressOf(request: Request): string {
  return clientAddress(request.headers, getConfig().trustedProxies);
}

/** Every OAuth answer is readable cross-origin, and every failure an RFC 6749 error body. */
async function oauthEndpoint(run: () => Promise<Response>): Promise<Response> {
  try {
    return withCors(await run());
  } catch (error) {
    return withCors(toOAuthError(error).toResponse());
  }
}

const metadataHeaders = { "Cache-Control": "public, max-age=300" };

/**
 * RFC 9728 metadata, at the root well-known URL and path-suffixed for the MCP endpoint; any other
 * suffix names a resource we do not have.
 */
export function protectedResourceMetadataResponse(pathSuffix: readonly string[] = []): Response {
  const suffix = pathSuffix.length ? `/${pathSuffix.join("/")}` : "";
  if (suffix && suffix !== MCP_PATH) return withCors(Response.json({ error: "not_found", error_description: "No protected resource at this path." }, { status: 404 }));
  return withCors(Response.json(protectedResourceMetadata(getConfig().baseUrl), { headers: metadataHeaders }));
}

export function authorizationServerMetadataResponse(): Response {
  return withCors(Response.json(authorizationServerMetadata(getConfig().baseUrl), { headers: metadataHeaders }));
}

export function handleRegistration(request: Request): Promise<Response> {
  return oauthEndpoint(async () => {
    await limitRegistration(addressOf(request));
    const text = await readBodyText(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new OAuthProtocolError("invalid_client_metadata", "The body must be a JSON object of client metadata (RFC 7591).");
    }
    return Response.json(await registerClient(body), { status: 201, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
  });
}

export function handleToken(request: Request): Promise<Response> {
  return oauthEndpoint(async () => {
    await limitTokenRequests(addressOf(request));
    const params = readFormParams(request, await readBodyText(request));
    return exchangeToken(request, params, getConfig().baseUrl);
  });
}

export function handleRevocation(request: Request): Promise<Response> {
  return oauthEndpoint(async () => {
    await limitTokenRequests(addressOf(request));
    const params = readFormParams(request, await readBodyText(request));
    return revokeTokenRequest(request, params);
  });
}
