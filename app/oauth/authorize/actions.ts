"use server";

import { getSessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { authorizationParams, checkAuthorizationRequest, decideAuthorization } from "@/lib/mcp/oauth/authorization-server";

export type DecisionResult = { ok: true; url: string } | { ok: false; error: string };

/** The person's Allow or Deny; the request is checked again, as it came from the browser. */
export async function decideAction(query: string, decision: "allow" | "deny"): Promise<DecisionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session ended. Sign in again, then reopen the app's link." };
  const baseUrl = getConfig().baseUrl;
  const check = await checkAuthorizationRequest(authorizationParams(query), baseUrl);
  if (check.kind === "invalid") return { ok: false, error: check.message };
  if (check.kind === "redirect") return { ok: true, url: check.url };
  return { ok: true, url: await decideAuthorization(user.id, check.request, decision === "allow" ? "allow" : "deny", baseUrl) };
}
