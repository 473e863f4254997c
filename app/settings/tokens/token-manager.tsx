"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";
import { useFormat } from "@/components/format-provider";
import type { ApiTokenView } from "@/lib/auth/api-tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

export function TokenManager({ tokens }: { tokens: ApiTokenView[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState<ApiTokenView | null>(null);
  const format = useFormat();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : "never");

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setError(null);
    const result = await createTokenAction(new FormData(form));
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    form.reset();
    setCreated({ token: result.token, name: result.name });
    router.refresh();
  }

  async function onRevoke(token: ApiTokenView) {
    const result = await revokeTokenAction(token.id);
    if (!result.ok) setError(result.error ?? "Revoking failed.");
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="card flex flex-wrap items-end gap-3">
        <div className="w-full min-w-0 flex-1 sm:min-w-[14rem]">
          <label htmlFor="token-name" className="label">
            Token name
          </label>
          <input id="token-name" name="name" className="input" placeholder="Claude Desktop" maxLength={60} aria-invalid={error ? true : undefined} />
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          Create token
        </button>
        {error && (
          <p role="alert" className="w-full text-sm text-red-800">
            {error}
          </p>
        )}
      </form>

      {created && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-900">Token “{created.name}” created. Copy it now — it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="break-all rounded bg-white px-2 py-1">
              {created.token}
            </code>
            <button type="button" className="btn-secondary min-h-8 px-2 py-1" onClick={() => navigator.clipboard?.writeText(created.token)}>
              Copy
            </button>
          </div>
        </div>
      )}

      <div className="card overflow-x-auto p-0" tabIndex={0} role="region" aria-label="Your personal API tokens">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your personal API tokens</caption>
          <thead className="bg-slate-100 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Token</th>
              <th scope="col" className="px-3 py-2">Created</th>
              <th scope="col" className="px-3 py-2">Last used</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {tokens.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-600">
                  No tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((token) => (
              <tr key={token.id} data-token-name={token.name}>
                <td className="px-3 py-2 font-medium">{token.name}</td>
                <td className="px-3 py-2">
                  <code>{token.prefix}…</code>
                </td>
                <td className="px-3 py-2">{when(token.createdAt)}</td>
                <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                <td className="px-3 py-2 text-right">
                  {token.revokedAt ? (
                    <span className="text-slate-600">Revoked {when(token.revokedAt)}</span>
                  ) : (
                    <button type="button" className="btn-danger min-h-8 px-2 py-1" onClick={() => setConfirming(token)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={`Revoke “${confirming?.name ?? ""}”?`}
        body="Anything using this token (an assistant, a script) loses access at once. This cannot be undone; you can create a new token."
        confirmLabel="Revoke token"
        onConfirm={() => {
          const token = confirming;
          setConfirming(null);
          if (token) void onRevoke(token);
        }}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
