import { getSessionUser } from "@/lib/auth/session";
import { startConnect } from "@/lib/connections/service";
import { isAppError } from "@/lib/errors";
import { providerRoute } from "@/lib/http/provider-route";
import { connectionsRedirect, signInRedirect } from "@/lib/http/routes";
import { startSyncInBackground } from "@/lib/sync/triggers";

export const dynamic = "force-dynamic";

export const GET = providerRoute(async (_request, { registry, providerId }) => {
  const user = await getSessionUser();
  if (!user) return signInRedirect("/connections");
  try {
    const start = await startConnect(registry, user.id, providerId);
    if (start.kind === "connected") {
      startSyncInBackground(user.id, providerId);
      return connectionsRedirect({ kind: "success", text: start.notice });
    }
    return Response.redirect(start.url, 302);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return connectionsRedirect({ kind: "error", text: error.message });
  }
});
