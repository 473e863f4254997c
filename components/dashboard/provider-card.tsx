"use client";

import { useFormat } from "@/components/format-provider";
import { ProviderLogo } from "@/components/provider-logo";
import type { ProviderStatus } from "@/lib/connections/service";

type Status = Omit<ProviderStatus, "id"> & { id: string };

const badge: Record<ProviderStatus["status"], { text: string; style: string }> = {
  connected: { text: "Connected", style: "bg-emerald-100 text-emerald-900" },
  disconnected: { text: "Not connected", style: "bg-slate-100 text-slate-700" },
  needs_reconnect: { text: "Needs reconnect", style: "bg-amber-100 text-amber-900" },
  error: { text: "Sync failed", style: "bg-red-100 text-red-900" },
  revoked: { text: "Access withdrawn", style: "bg-amber-100 text-amber-900" },
  not_configured: { text: "Not configured", style: "bg-slate-100 text-slate-700" },
  retired: { text: "Retired", style: "bg-amber-100 text-amber-900" },
};

/** A retired provider's explanation and, where its successor can be connected, the way over. */
function Retirement({ provider: p }: { provider: Status }) {
  const retirement = p.retirement;
  if (!retirement) return null;
  const successor = retirement.successor;
  return (
    <div className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950" data-testid="retirement">
      <p>{retirement.reason}</p>
      {successor && successor.configured && !successor.connected && (p.connected || p.status === "needs_reconnect") && (
        <p>
          Move to {successor.displayName} to keep receiving data: you sign in there once, {p.displayName} is then disconnected, and the
          workouts already stored from {p.displayName} stay in your history.
        </p>
      )}
      {successor && successor.configured && !successor.connected && !p.connected && p.status !== "needs_reconnect" && (
        <p>
          New workouts come from {successor.displayName}; anything already stored from {p.displayName} stays in your history.
        </p>
      )}
      {successor && successor.connected && <p>Your data now comes from {successor.displayName}.</p>}
      {successor && !successor.configured && !successor.connected && <p>{successor.displayName} is not configured on this server yet.</p>}
    </div>
  );
}

export function ProviderCard(props: { provider: Status; syncing: boolean; onSync: () => void; onDisconnect: () => void }) {
  const p = props.provider;
  const format = useFormat();
  const titleId = `provider-${p.id}-title`;
  const connectHref = `/api/providers/${encodeURIComponent(p.id)}/connect`;
  const counts = p.lastSyncCounts;
  const successor = p.retirement?.successor;
  // Offered where there is something to move (a connection, or a retired provider's stored history)
  // and the successor can take over.
  const hasHistory = p.connected || p.status === "needs_reconnect" || p.status === "retired";
  const moveTo = hasHistory && successor && successor.configured && !successor.connected ? successor : null;
  return (
    <article aria-labelledby={titleId} className="card flex flex-col gap-3" data-provider={p.id} data-status={p.status}>
      <header className="flex items-start gap-3">
        <ProviderLogo name={p.displayName} brandColor={p.brandColor} logo={p.logo} />
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
            Not configured on this server. An administrator sets{" "}
            {p.credentialVariables.map((variable, index) => (
              <span key={variable}>
                {index > 0 && (index === p.credentialVariables.length - 1 ? " and " : ", ")}
                <code className="text-xs">{variable}</code>
              </span>
            ))}
            .
          </p>
        )}
        {p.status === "disconnected" && <p>{p.description}</p>}
        <Retirement provider={p} />
        {p.connected && (
          <>
            <p className="truncate" title={p.account?.id ?? undefined}>
              Account:{" "}
              <span className="font-medium text-slate-800">
                {p.account?.name ?? (p.account?.id ? `ID ${p.account.id.length > 12 ? `${p.account.id.slice(0, 12)}…` : p.account.id}` : "connected")}
              </span>
            </p>
            {p.connectedAt && <p>Connected since {format.date(p.connectedAt)}</p>}
          </>
        )}
        {(p.status === "needs_reconnect" || p.status === "revoked") && <p className="text-amber-900">{p.reason ?? "Access was revoked or expired."}</p>}
        {p.history && (
          <p className="font-medium text-brand-800" data-testid="history-import">
            Importing your history: {p.history.done} of {p.history.total} {p.history.unit}
          </p>
        )}
        {props.syncing || p.syncing ? (
          <p className="font-medium text-brand-800">Syncing…</p>
        ) : (
          p.connected && (
            <>
              {p.status === "error" ? (
                // A failed attempt is not a sync: say when it was tried, not "last sync".
                p.lastSyncAt && <p suppressHydrationWarning>Tried {format.relative(p.lastSyncAt)}</p>
              ) : p.lastSyncAt ? (
                <p suppressHydrationWarning>
                  Last sync {format.relative(p.lastSyncAt)}
                  {counts && ` · ${counts.fetched} fetched, ${counts.inserted} new, ${counts.updated} updated${counts.skipped ? `, ${counts.skipped} skipped` : ""}`}
                </p>
              ) : (
                <p>Waiting for the first sync…</p>
              )}
              {p.lastSyncError && (
                <p role="alert" className="text-red-800" suppressHydrationWarning>
                  {p.lastSyncError}
                  {p.nextSyncAfter && ` Next try ${format.relative(p.nextSyncAfter)}.`}
                </p>
              )}
            </>
          )
        )}
      </div>

      <div className="flex flex-wrap gap-2">
        {moveTo && (
          <a href={moveTo.connectUrl} className="btn-primary">
            Move to {moveTo.displayName}
          </a>
        )}
        {p.status === "disconnected" && (
          <a href={connectHref} className="btn-primary">
            Connect {p.displayName}
          </a>
        )}
        {(p.status === "needs_reconnect" || p.status === "revoked") && (
          <a href={connectHref} className="btn-primary">
            Reconnect {p.displayName}
          </a>
        )}
        {p.connected && (
          <button type="button" className="btn-secondary" onClick={props.onSync} disabled={props.syncing} aria-label={`Sync ${p.displayName} now`}>
            Sync now
          </button>
        )}
        {(p.connected || p.status === "needs_reconnect" || p.status === "revoked") && (
          <button type="button" className="btn-danger" onClick={props.onDisconnect}>
            Disconnect {p.displayName}
          </button>
        )}
      </div>
    </article>
  );
}
