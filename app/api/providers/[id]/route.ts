import { requireRequestUser } from "@/lib/auth/request";
import { getProviderStatus } from "@/lib/connections/service";
import { withErrorResponse } from "@/lib/errors";
import type { ProviderRouteContext } from "@/lib/http/routes";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request, { params }: ProviderRouteContext) => {
  const { id } = await params;
  const registry = getRegistry();
  registry.require(id);
  const user = await requireRequestUser(request);
  return Response.json(await getProviderStatus(registry, user.id, id));
});
