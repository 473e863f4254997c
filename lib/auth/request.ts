import "server-only";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import type { SessionUser } from "./accounts";
import { authenticateToken } from "./api-tokens";
import { getSessionUser } from "./session";

export interface RequestAuth {
  user: SessionUser;
  via: "session" | "token";
}

/**
 * A personal API token (`Authorization: Bearer …`) or the browser session. A bearer header that
 * does not hold a valid token is refused, never silently replaced by the session.
 */
export async function authenticateRequest(request: Request): Promise<RequestAuth | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const user = match ? await authenticateToken(match[1]!) : null;
    return user ? { user, via: "token" } : null;
  }
  const user = await getSessionUser();
  return user ? { user, via: "session" } : null;
}

/** JSON routes: the caller, or 401. State changes through the session must come from our pages. */
export async function requireRequestUser(request: Request, options: { changesState?: boolean } = {}): Promise<SessionUser> {
  const auth = await authenticateRequest(request);
  if (!auth) throw new AppError("unauthorized", "Sign in, or send a personal API token as `Authorization: Bearer <token>`.");
  if (options.changesState && auth.via === "session") assertSameOrigin(request, [getConfig().baseUrl.origin]);
  return auth.user;
}
