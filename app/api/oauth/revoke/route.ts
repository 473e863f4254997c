import { corsPreflight } from "@/lib/http/cors";
import { handleRevocation } from "@/lib/mcp/oauth/endpoints";

export const dynamic = "force-dynamic";

/** Token revocation (RFC 7009) for MCP clients. */
export function POST(request: Request) {
  return handleRevocation(request);
}

export { corsPreflight as OPTIONS };
