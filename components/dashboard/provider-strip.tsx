"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { ProviderLogo } from "@/components/provider-logo";
import { fetchProviders, type ProviderStatusMap } from "./api";

const trouble: Record<string, string> = {
  needs_reconnect: "needs reconnecting",
  error: "sync failed",
  revoked: "access withdrawn",
};

/**
 * The dashboard's one line about connections: the connected sources, quietly, and loudly only what
 * needs the person (a reconnect, a failing sync) or an administrator (not configured).
 */
export function ProviderStrip({ initial }: { initial: ProviderStatusMap }) {
  const { data: providers = initial } = useQuery({
    queryKey: ["providers"],
    queryFn: fetchProviders,
    initialData: initial,
    refetchInterval: (query) => (Object.values(query.state.data ?? {}).some((p) => p.connected && !p.lastSyncAt) ? 1500 : false),
  });
  const entries = Object.entries(providers);
  const connected = entries.filter(([, p]) => p.connected && p.status !== "error");
  const attention = entries.filter(([, p]) => trouble[p.status]);
  const unconfigured = entries.filter(([, p]) => p.status === "not_configured");
  const importing = entries.filter(([, p]) => p.history);
  return (
    <section aria-labelledby="strip-heading" className="card flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2" data-testid="provider-strip">
      <h2 id="strip-heading" className="text-sm font-medium text-slate-700">
        Sources
      </h2>
      {connected.length > 0 ? (
        <ul aria-label="Connected sources" className="flex flex-wrap items-center gap-1.5">
          {connected.map(([id, p]) => (
            <li key={id} data-strip-provider={id} title={`${p.displayName}: connected`}>
              <ProviderLogo name={p.displayName} brandColor={p.brandColor} logo={p.logo} size="sm" />
              <span className="sr-only">{p.displayName}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">No source connected yet.</p>
      )}
      {attention.length > 0 && (
        <ul aria-label="Sources that need attention" className="flex flex-wrap gap-2">
          {attention.map(([id, p]) => (
            <li key={id} data-strip-provider={id} data-status={p.status}>
              <Link href="/connections" className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-sm text-amber-950 hover:underline">
                <TriangleAlert className="h-4 w-4" aria-hidden="true" />
                {p.displayName} {trouble[p.status]}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {importing.length > 0 && (
        <ul aria-label="History imports" className="flex flex-wrap gap-2 text-sm text-brand-800" data-testid="strip-history">
          {importing.map(([id, p]) => (
            <li key={id}>
              {p.displayName}: {p.history!.done} of {p.history!.total} {p.history!.unit} imported
            </li>
          ))}
        </ul>
      )}
      {unconfigured.length > 0 && (
        <p className="text-sm text-slate-700">
          {unconfigured.length} not configured on this server
        </p>
      )}
      <Link href="/connections" className="ml-auto text-sm font-medium text-brand-700 underline">
        {connected.length > 0 ? "Manage connections" : "Connect a source"}
      </Link>
    </section>
  );
}
