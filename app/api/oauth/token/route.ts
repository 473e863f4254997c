import { corsPreflight } from "@/lib/http/cors";
import { handleToken } from "@/lib/mcp/oauth/endpoints";

export const dynamic = "force-dynamic";

/** The OAuth token endpoint for MCP clients: authorization_code (PKCE S256) and refresh_token (rotating). */
export function POST(request: Request) {
  return handleToken(request);
}

export { corsPreflight as OPTIONS };
