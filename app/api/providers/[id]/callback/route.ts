import { getSessionUser } from "@/lib/auth/session";
import { completeConnect } from "@/lib/connections/service";
import { isAppError } from "@/lib/errors";
import { providerRoute } from "@/lib/http/provider-route";
import { connectionsRedirect, signInRedirect } from "@/lib/http/routes";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

export const GET = providerRoute(async (request, { registry, providerId }) => {
  const user = await getSessionUser();
  // The state is bound to the person who started (perhaps through an MCP link): sign in, then finish here.
  const url = new URL(request.url);
  if (!user) return signInRedirect(`${url.pathname}${url.search}`);
  try {
    const { notice } = await completeConnect(registry, user.id, providerId, url.searchParams);
    startSyncInBackground(user.id, providerId);
    return connectionsRedirect({ kind: "success", text: notice });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return connectionsRedirect({ kind: "error", text: error.message });
  }
});
