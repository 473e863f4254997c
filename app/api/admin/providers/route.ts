import { describeProviderConfigs } from "@/lib/admin/provider-config";
import { requireApiAdmin } from "@/lib/auth/guards";
import { withErrorResponse } from "@/lib/errors";
import { getProviderCatalog } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async () => {
  await requireApiAdmin();
  const catalog = getProviderCatalog();
  return Response.json({ defaultProvider: catalog.defaultProvider, providers: describeProviderConfigs(catalog) });
});
