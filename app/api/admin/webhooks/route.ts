import { describeWebhooks } from "@/lib/admin/webhooks";
import { requireApiAdmin } from "@/lib/auth/guards";
import { withErrorResponse } from "@/lib/errors";
import { getProviderCatalog } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async () => {
  await requireApiAdmin();
  return Response.json({ webhooks: await describeWebhooks(getProviderCatalog()) });
});
