import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getConfig } from "@/lib/config";
import { withErrorResponse } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { corsPreflight, withCors } from "@/lib/http/cors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { authenticateMcpRequest, mcpChallenge } from "@/lib/mcp/auth";
import { createMcpServer } from "@/lib/mcp/server";
import { getProviderCatalog } from "@/lib/providers";
import { getSyncSettings } from "@/lib/sync/settings";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

/** MCP over Streamable HTTP, stateless: each request carries its own authentication. */
export const POST = withErrorResponse(async (request: Request) => {
  const auth = await authenticateMcpRequest(request);
  if (!auth.ok) {
    return withCors(
      Response.json(
        { jsonrpc: "2.0", error: { code: -32001, message: "Unauthorized: connect with OAuth, or send a personal API token as Authorization: Bearer <token>." }, id: null },
        { status: 401, headers: { "WWW-Authenticate": mcpChallenge(auth.credentialsSent) } },
      ),
    );
  }
  const { caller } = auth;
  if (caller.via === "session") assertSameOrigin(request, [getConfig().baseUrl.origin]);
  const server = createMcpServer({
    userId: caller.user.id,
    scopes: caller.scopes,
    catalog: getProviderCatalog(),
    syncSettings: getSyncSettings(),
    onConnected: (provider) => startSyncInBackground(caller.user.id, provider),
  });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
  await server.connect(transport);
  return withCors(await transport.handleRequest(request));
});

/**
 * A stateless server has no stream to offer and no session to end: GET and DELETE answer 405 at
 * once (Streamable HTTP allows it), so clients go on without waiting for a stream that never comes.
 */
function methodNotAllowed(): Response {
  return withCors(
    Response.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless; send JSON-RPC messages with POST." }, id: null },
      { status: 405, headers: { Allow: "POST" } },
    ),
  );
}

export { methodNotAllowed as GET, methodNotAllowed as DELETE, corsPreflight as OPTIONS };
