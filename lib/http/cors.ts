/**
 * CORS for the endpoints that browser-based MCP clients (the MCP Inspector, web assistants) call
 * from their own origin: discovery, registration, token, revocation and the MCP endpoint. Any
 * origin may read the answers, because none of them honours another site's cookies: browsers
 * send no credentials to a wildcard origin, and the MCP endpoint checks the Origin of session calls.
 */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID",
  "Access-Control-Expose-Headers": "WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version, Retry-After",
  "Access-Control-Max-Age": "600",
};

/** The same response with the CORS headers added. */
export function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The answer to a preflight request. */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
