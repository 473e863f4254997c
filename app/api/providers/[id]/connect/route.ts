import { getSessionUser } from "@/lib/auth/session";
import { startConnect } from "@/lib/connections/service";
import { isAppError, toAppError, withErrorResponse } from "@/lib/errors";
import { dashboardRedirect, signInRedirect, type ProviderRouteContext } from "@/lib/http/routes";
import { getRegistry } from "@/lib/providers";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request, { params }: ProviderRouteContext) => {
  const { id } = await params;
  const registry = getRegistry();
  registry.require(id);
  const user = await getSessionUser();
  if (!user) return signInRedirect("/dashboard");
  try {
    const start = await startConnect(registry, user.id, id);
    if (start.kind === "connected") {
      startSyncInBackground(user.id, id);
      return dashboardRedirect({ kind: "success", text: start.notice });
    }
    return Response.redirect(start.url, 302);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return dashboardRedirect({ kind: "error", text: toAppError(error).message });
  }
});
