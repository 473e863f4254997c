import { corsPreflight } from "@/lib/http/cors";
import { authorizationServerMetadataResponse } from "@/lib/mcp/oauth/endpoints";

export const dynamic = "force-dynamic";

/** RFC 8414 authorization-server metadata; the issuer is our origin, so there is no path suffix. */
export function GET() {
  return authorizationServerMetadataResponse();
}

export { corsPreflight as OPTIONS };
