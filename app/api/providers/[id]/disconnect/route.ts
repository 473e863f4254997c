import { requireRequestUser } from "@/lib/auth/request";
import { disconnect } from "@/lib/connections/service";
import { withErrorResponse } from "@/lib/errors";
import type { ProviderRouteContext } from "@/lib/http/routes";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request, { params }: ProviderRouteContext) => {
  const { id } = await params;
  const registry = getRegistry();
  registry.require(id);
  const user = await requireRequestUser(request, { changesState: true });
  const result = await disconnect(registry, user.id, id);
  return Response.json({ success: true, result });
});
