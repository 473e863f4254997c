"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormat } from "@/components/format-provider";
import type { AuthorizedAppView } from "@/lib/mcp/oauth/apps";
import { mcpScopes } from "@/lib/mcp/scopes";
import { revokeAppAction } from "./actions";

export function AuthorizedApps({ apps }: { apps: AuthorizedAppView[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const format = useFormat();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : "never");

  async function onRevoke(app: AuthorizedAppView) {
    const result = await revokeAppAction(app.clientId);
    setError(result.ok ? null : (result.error ?? "Revoking failed."));
    router.refresh();
  }

  return (
    <div className="card overflow-x-auto p-0" tabIndex={0} role="region" aria-label="Apps you authorized">
      {error && (
        <p role="alert" className="px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Apps you authorized</caption>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">App</th>
            <th scope="col" className="px-3 py-2">May</th>
            <th scope="col" className="px-3 py-2">Authorized</th>
            <th scope="col" className="px-3 py-2">Last used</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {apps.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-4 text-slate-600">
                No apps authorized.
              </td>
            </tr>
          )}
          {apps.map((app) => (
            <tr key={app.clientId} data-app-name={app.name}>
              <td className="px-3 py-2 font-medium">{app.name}</td>
              <td className="px-3 py-2">{app.scopes.map((scope) => mcpScopes[scope].phrase).join("; ")}</td>
              <td className="px-3 py-2">{when(app.authorizedAt)}</td>
              <td className="px-3 py-2">{when(app.lastUsedAt)}</td>
              <td className="px-3 py-2 text-right">
                <button type="button" className="btn-danger min-h-8 px-2 py-1" onClick={() => onRevoke(app)} aria-label={`Revoke ${app.name}`}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
