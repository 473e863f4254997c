import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { authorizationQuery, checkAuthorizationRequest, type AuthorizationParams } from "@/lib/mcp/oauth/authorization-server";
import { describeScopes, mcpScopes } from "@/lib/mcp/scopes";
import { ConsentForm } from "./consent-form";

export const metadata: Metadata = { title: "Authorize an app" };
export const dynamic = "force-dynamic";

/** Where the app sends the person back to, as they can judge it: a host, or a native app's scheme. */
function destination(redirectUri: string): string {
  const url = new URL(redirectUri);
  return url.host ? url.host : `the app (${url.protocol.slice(0, -1)})`;
}

/** The consent step of MCP authorization: the signed-in person allows or denies an app. */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<AuthorizationParams> }) {
  const params = await searchParams;
  const check = await checkAuthorizationRequest(params, getConfig().baseUrl);
  if (check.kind === "redirect") redirect(check.url);
  if (check.kind === "invalid") {
    return (
      <section className="mx-auto max-w-lg space-y-3">
        <h1 className="text-2xl font-bold">This authorization request cannot be used</h1>
        <p role="alert" className="text-slate-700">
          {check.message}
        </p>
      </section>
    );
  }
  const query = authorizationQuery(params);
  const user = await requirePageUser(`/oauth/authorize?${query}`);
  const { client, scopes, redirectUri } = check.request;
  return (
    <section className="mx-auto max-w-lg space-y-5">
      <h1 className="text-2xl font-bold">
        {client.name} wants to {describeScopes(scopes)}
      </h1>
      <p className="text-sm text-slate-700">
        You are signed in as <strong>{user.email}</strong>. If you allow it, {client.name} can act as you on Pierre Connect:
      </p>
      <ul className="space-y-2" aria-label="What the app may do">
        {scopes.map((scope) => (
          <li key={scope} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <span className="font-medium">{mcpScopes[scope].phrase.replace(/^./, (c) => c.toUpperCase())}</span>
            <span className="block text-slate-600">{mcpScopes[scope].detail}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">
        You will be sent back to <strong>{destination(redirectUri)}</strong>. You can revoke this access at any time under Settings → API tokens.
      </p>
      <ConsentForm query={query} />
    </section>
  );
}
