import { getSessionUser } from "@/lib/auth/session";
import { completeConnect } from "@/lib/connections/service";
import { isAppError, withErrorResponse } from "@/lib/errors";
import { dashboardRedirect, signInRedirect, type ProviderRouteContext } from "@/lib/http/routes";
import { getRegistry } from "@/lib/providers";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request, { params }: ProviderRouteContext) => {
  const { id } = await params;
  const registry = getRegistry();
  registry.require(id);
  const user = await getSessionUser();
  // The state is bound to the person who started (perhaps through an MCP link): sign in, then finish here.
  const url = new URL(request.url);
  if (!user) return signInRedirect(`${url.pathname}${url.search}`);
  try {
    const { notice } = await completeConnect(registry, user.id, id, url.searchParams);
    startSyncInBackground(user.id, id);
    return dashboardRedirect({ kind: "success", text: notice });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return dashboardRedirect({ kind: "error", text: error.message });
  }
});
