import type { Metadata } from "next";
import { listTokens } from "@/lib/auth/api-tokens";
import { requirePageUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { listAuthorizedApps } from "@/lib/mcp/oauth/apps";
import { AuthorizedApps } from "./authorized-apps";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await requirePageUser("/settings/tokens");
  const mcpUrl = new URL("/api/mcp", getConfig().baseUrl).toString();
  return (
    <section className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Personal API tokens</h1>
        <p className="mt-2 text-sm text-slate-600">
          Tokens let AI assistants (over MCP at <code>{mcpUrl}</code>) and your scripts act as you:{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. A token is shown once; we keep only a hash. Revoking one stops it at once.
        </p>
      </div>
      <TokenManager tokens={await listTokens(user.id)} />
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Authorized apps</h2>
        <p className="text-sm text-slate-600">
          Apps you allowed to connect by URL alone (MCP authorization), such as Claude&apos;s connectors. Revoking one ends its access at once; it has
          to ask you again.
        </p>
        <AuthorizedApps apps={await listAuthorizedApps(user.id)} />
      </div>
    </section>
  );
}
