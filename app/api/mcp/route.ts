import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { authenticateRequest, WWW_AUTHENTICATE } from "@/lib/auth/request";
import { getConfig } from "@/lib/config";
import { withErrorResponse } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { createMcpServer } from "@/lib/mcp/server";
import { getProviderCatalog } from "@/lib/providers";
import { getSyncSettings } from "@/lib/sync/settings";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

/** MCP over Streamable HTTP, stateless: each request carries its own authentication. */
const handle = withErrorResponse(async (request: Request) => {
  const auth = await authenticateRequest(request);
  if (!auth) {
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32001, message: "Unauthorized: send a personal API token as Authorization: Bearer <token>." }, id: null },
      { status: 401, headers: { "WWW-Authenticate": WWW_AUTHENTICATE } },
    );
  }
  if (auth.via === "session") assertSameOrigin(request, [getConfig().baseUrl.origin]);
  const server = createMcpServer({
    userId: auth.user.id,
    catalog: getProviderCatalog(),
    syncSettings: getSyncSettings(),
    onConnected: (provider) => startSyncInBackground(auth.user.id, provider),
  });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
  await server.connect(transport);
  return transport.handleRequest(request);
});

export { handle as GET, handle as POST, handle as DELETE };
