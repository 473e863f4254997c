"use client";

import { formatDistanceToNow } from "date-fns";
import type { ProviderStatus } from "@/lib/connections/service";

type Status = Omit<ProviderStatus, "id"> & { id: string };

const badge: Record<ProviderStatus["status"], { text: string; style: string }> = {
  connected: { text: "Connected", style: "bg-emerald-100 text-emerald-900" },
  disconnected: { text: "Not connected", style: "bg-slate-100 text-slate-700" },
  needs_reconnect: { text: "Needs reconnect", style: "bg-amber-100 text-amber-900" },
  error: { text: "Sync failed", style: "bg-red-100 text-red-900" },
  revoked: { text: "Access withdrawn", style: "bg-amber-100 text-amber-900" },
  not_configured: { text: "Not configured", style: "bg-slate-100 text-slate-500" },
};

function ago(iso: string | null): string | null {
  return iso ? formatDistanceToNow(new Date(iso), { addSuffix: true }) : null;
}

export function ProviderCard(props: { provider: Status; syncing: boolean; onSync: () => void; onDisconnect: () => void }) {
  const p = props.provider;
  const titleId = `provider-${p.id}-title`;
  const connectHref = `/api/providers/${encodeURIComponent(p.id)}/connect`;
  const counts = p.lastSyncCounts;
  return (
    <article aria-labelledby={titleId} className="card flex flex-col gap-3" data-provider={p.id} data-status={p.status}>
      <header className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-lg font-bold text-white"
          style={{ backgroundColor: p.brandColor }}
        >
          {p.displayName.charAt(0)}
        </span>
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="font-semibold">
            {p.displayName}
          </h2>
          <span className={`mt-1 inline-block rounded px-2 py-0.5 text-xs font-medium ${badge[p.status].style}`}>{badge[p.status].text}</span>
        </div>
      </header>

      <div className="flex-1 space-y-1 text-sm text-slate-600" aria-live="polite">
        {p.status === "not_configured" && (
          <p>
            Not configured on this server. An administrator sets <code className="text-xs">{p.credentialVariables[0]}</code> and{" "}
            <code className="text-xs">{p.credentialVariables[1]}</code>.
          </p>
        )}
        {p.status === "disconnected" && <p>{p.description}</p>}
        {p.connected && (
          <>
            <p className="truncate" title={p.account?.id ?? undefined}>
              Account:{" "}
              <span className="font-medium text-slate-800">
                {p.account?.name ?? (p.account?.id ? `ID ${p.account.id.length > 12 ? `${p.account.id.slice(0, 12)}…` : p.account.id}` : "connected")}
              </span>
            </p>
            {p.connectedAt && <p>Connected since {new Date(p.connectedAt).toLocaleDateString()}</p>}
          </>
        )}
        {p.status === "needs_reconnect" && <p className="text-amber-900">{p.reason ?? "Access was revoked or expired."}</p>}
        {props.syncing ? (
          <p className="font-medium text-brand-800">Syncing…</p>
        ) : (
          p.connected && (
            <>
              {p.lastSyncAt ? (
                <p>
                  Last sync {ago(p.lastSyncAt)}
                  {counts && ` · ${counts.fetched} fetched, ${counts.inserted} new, ${counts.updated} updated${counts.skipped ? `, ${counts.skipped} skipped` : ""}`}
                </p>
              ) : (
                <p>Waiting for the first sync…</p>
              )}
              {p.lastSyncError && (
                <p role="alert" className="text-red-800">
                  {p.lastSyncError}
                  {p.nextSyncAfter && ` Next try after ${new Date(p.nextSyncAfter).toLocaleTimeString()}.`}
                </p>
              )}
            </>
          )
        )}
      </div>

      <div className="flex flex-wrap gap-2">
        {p.status === "disconnected" && (
          <a href={connectHref} className="btn-primary">
            Connect {p.displayName}
          </a>
        )}
        {p.status === "needs_reconnect" && (
          <a href={connectHref} className="btn-primary">
            Reconnect {p.displayName}
          </a>
        )}
        {p.connected && (
          <button type="button" className="btn-secondary" onClick={props.onSync} disabled={props.syncing} aria-label={`Sync ${p.displayName} now`}>
            Sync now
          </button>
        )}
        {(p.connected || p.status === "needs_reconnect") && (
          <button type="button" className="btn-danger" onClick={props.onDisconnect}>
            Disconnect {p.displayName}
          </button>
        )}
      </div>
    </article>
  );
}
