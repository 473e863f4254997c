import { corsPreflight } from "@/lib/http/cors";
import { handleRegistration } from "@/lib/mcp/oauth/endpoints";

export const dynamic = "force-dynamic";

/** Dynamic Client Registration (RFC 7591) for MCP clients. */
export function POST(request: Request) {
  return handleRegistration(request);
}

export { corsPreflight as OPTIONS };
