import { requireRequestUser } from "@/lib/auth/request";
import { disconnect } from "@/lib/connections/service";
import { providerRoute } from "@/lib/http/provider-route";

export const dynamic = "force-dynamic";

export const POST = providerRoute(async (request, { registry, providerId }) => {
  const user = await requireRequestUser(request, { changesState: true });
  const result = await disconnect(registry, user.id, providerId);
  return Response.json({ success: true, result });
});
