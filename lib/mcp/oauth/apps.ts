import "server-only";
import { listLiveGrants, revokeOAuthGrantsOfClient } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import { parseStoredScopes, type McpScope } from "@/lib/mcp/scopes";

/** An app a person has authorized over MCP OAuth, as the settings page lists it. */
export interface AuthorizedAppView {
  clientId: string;
  name: string;
  scopes: McpScope[];
  authorizedAt: string;
  lastUsedAt: string | null;
}

/** One row per app, however often it was authorized: the scopes of all its live grants together. */
export async function listAuthorizedApps(userId: string): Promise<AuthorizedAppView[]> {
  const apps = new Map<string, AuthorizedAppView>();
  for (const grant of await listLiveGrants(userId)) {
    const app = apps.get(grant.clientId);
    const lastUsedAt = grant.lastUsedAt?.toISOString() ?? null;
    if (!app) {
      apps.set(grant.clientId, {
        clientId: grant.clientId,
        name: grant.clientName,
        scopes: parseStoredScopes(grant.scope),
        authorizedAt: grant.createdAt.toISOString(),
        lastUsedAt,
      });
      continue;
    }
    app.scopes = parseStoredScopes([...app.scopes, ...parseStoredScopes(grant.scope)].join(" "));
    if (grant.createdAt.toISOString() < app.authorizedAt) app.authorizedAt = grant.createdAt.toISOString();
    if (lastUsedAt && (!app.lastUsedAt || lastUsedAt > app.lastUsedAt)) app.lastUsedAt = lastUsedAt;
  }
  return [...apps.values()];
}

/** Ends every token the person gave the app; it must ask again to come back. */
export async function revokeAuthorizedApp(userId: string, clientId: string): Promise<void> {
  if ((await revokeOAuthGrantsOfClient(userId, clientId)) === 0) throw new AppError("not_found", "That app is not authorized, or was revoked already.");
}
