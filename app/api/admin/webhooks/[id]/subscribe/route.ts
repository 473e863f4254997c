import { subscribeWebhook } from "@/lib/admin/webhooks";
import { requireApiAdmin } from "@/lib/auth/guards";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getConfig } from "@/lib/config";
import { providerRoute } from "@/lib/http/provider-route";
import { getProviderCatalog } from "@/lib/providers";

export const dynamic = "force-dynamic";

/** Creates the app's webhook subscription at a provider that makes them through its API (Strava). */
export const POST = providerRoute(async (request, { providerId }) => {
  await requireApiAdmin();
  assertSameOrigin(request, [getConfig().baseUrl.origin]);
  return Response.json({ success: true, result: await subscribeWebhook(getProviderCatalog(), providerId) });
}, { segment: 4 });
