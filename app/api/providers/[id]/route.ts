import { requireRequestUser } from "@/lib/auth/request";
import { getProviderStatus } from "@/lib/connections/service";
import { providerRoute } from "@/lib/http/provider-route";

export const dynamic = "force-dynamic";

export const GET = providerRoute(async (request, { registry, providerId }) => {
  const user = await requireRequestUser(request);
  return Response.json(await getProviderStatus(registry, user.id, providerId));
});
