import { corsPreflight } from "@/lib/http/cors";
import { protectedResourceMetadataResponse } from "@/lib/mcp/oauth/endpoints";

export const dynamic = "force-dynamic";

/** RFC 9728: `/.well-known/oauth-protected-resource` and its MCP-endpoint form `…/api/mcp`. */
export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  return protectedResourceMetadataResponse((await params).path ?? []);
}

export { corsPreflight as OPTIONS };
