"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Whose version of a merged workout is shown first: the person orders the sources, or returns to the default. */
export function SourceOrder({ initial, own, names }: { initial: string[]; own: boolean; names: Record<string, string> }) {
  const router = useRouter();
  const [order, setOrder] = useState(initial);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const move = (index: number, by: number) =>
    setOrder((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const save = async (sourcePriority: string[] | null) => {
    setStatus({ kind: "saving" });
    const response = await fetch("/api/preferences", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ sourcePriority }) });
    const json = (await response.json().catch(() => null)) as { result?: { order: string[] }; error?: string } | null;
    if (!response.ok) return setStatus({ kind: "error", message: json?.error ?? `Saving failed (HTTP ${response.status}).` });
    if (json?.result) setOrder(json.result.order);
    setStatus({ kind: "saved", message: sourcePriority ? "Saved. Your feed now shows this order." : "Back to the default order." });
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <ol aria-label="Source order" className="max-w-md space-y-1">
        {order.map((id, index) => (
          <li key={id} className="flex items-center justify-between rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
            <span>
              <span className="mr-2 text-slate-500">{index + 1}.</span>
              {names[id] ?? id}
            </span>
            <span className="flex gap-1">
              <button type="button" className="btn-secondary px-2 py-0.5" aria-label={`Move ${names[id] ?? id} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="btn-secondary px-2 py-0.5" aria-label={`Move ${names[id] ?? id} down`} disabled={index === order.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" disabled={status.kind === "saving"} onClick={() => save(order)}>
          {status.kind === "saving" ? "Saving…" : "Save order"}
        </button>
        {own && (
          <button type="button" className="btn-secondary" disabled={status.kind === "saving"} onClick={() => save(null)}>
            Use the default order
          </button>
        )}
      </div>
      {status.message && (
        <p role={status.kind === "error" ? "alert" : "status"} className={`text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-700"}`}>
          {status.message}
        </p>
      )}
    </div>
  );
}
