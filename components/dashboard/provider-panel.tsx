"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { disconnectProvider, fetchProviders, syncProvider, type ProviderStatusMap } from "./api";
import { ConfirmDialog } from "./confirm-dialog";
import { ProviderCard } from "./provider-card";

export function ProviderPanel({ initial }: { initial: ProviderStatusMap }) {
  const queryClient = useQueryClient();
  const [syncing, setSyncing] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);

  const { data: providers = initial } = useQuery({
    queryKey: ["providers"],
    queryFn: fetchProviders,
    initialData: initial,
    // A fresh connection syncs in the background: look again until its first sync is done.
    refetchInterval: (query) =>
      Object.values(query.state.data ?? {}).some((p) => p.connected && !p.lastSyncAt) ? 1500 : false,
  });

  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: ["providers"] });
    void queryClient.invalidateQueries({ queryKey: ["activities"] });
  };

  const setSyncingFor = (id: string, on: boolean) =>
    setSyncing((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** One request per provider, so each card finishes on its own and a slow provider delays nobody. */
  async function sync(ids: string[]) {
    setMessage(null);
    ids.forEach((id) => setSyncingFor(id, true));
    await Promise.all(
      ids.map(async (id) => {
        try {
          await syncProvider(id);
        } catch (error) {
          setMessage({ kind: "error", text: error instanceof Error ? error.message : "Sync failed." });
        } finally {
          setSyncingFor(id, false);
          void queryClient.invalidateQueries({ queryKey: ["providers"] });
        }
      }),
    );
    refreshAll();
  }

  async function confirmDisconnect() {
    if (!confirming) return;
    const { id } = confirming;
    setConfirming(null);
    try {
      const result = await disconnectProvider(id);
      setMessage({ kind: result.revokedAtProvider ? "success" : "error", text: result.notice });
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof Error ? error.message : "Disconnecting failed." });
    }
    refreshAll();
  }

  const entries = Object.entries(providers);
  const connectedIds = entries.filter(([, p]) => p.connected).map(([id]) => id);

  return (
    <section aria-labelledby="providers-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="providers-heading" className="text-xl font-semibold">
          Your sources
        </h2>
        <button type="button" className="btn-primary" disabled={connectedIds.length === 0 || syncing.size > 0} onClick={() => sync(connectedIds)}>
          {syncing.size > 0 ? "Syncing…" : "Sync all now"}
        </button>
      </div>
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`rounded-md border px-3 py-2 text-sm ${message.kind === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
        >
          {message.text}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {entries.map(([id, provider]) => (
          <ProviderCard
            key={id}
            provider={{ id, ...provider }}
            syncing={syncing.has(id)}
            onSync={() => sync([id])}
            onDisconnect={() => setConfirming({ id, name: provider.displayName })}
          />
        ))}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={`Disconnect ${confirming?.name ?? ""}?`}
        body={`Pierre Connect will revoke its access at ${confirming?.name ?? "the provider"} and delete every workout it stored from there. Workouts also recorded by your other providers stay.`}
        confirmLabel="Disconnect"
        onConfirm={confirmDisconnect}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}
