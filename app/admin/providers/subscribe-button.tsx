"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function SubscribeButton({ provider, displayName, again }: { provider: string; displayName: string; again: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className="btn-secondary"
        disabled={state.pending}
        onClick={async () => {
          setState({ pending: true, error: null });
          const response = await fetch(`/api/admin/webhooks/${encodeURIComponent(provider)}/subscribe`, { method: "POST" });
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          setState({ pending: false, error: response.ok ? null : (body?.error ?? `Failed (HTTP ${response.status}).`) });
          router.refresh();
        }}
      >
        {state.pending ? "Subscribing…" : again ? `Subscribe ${displayName} again` : `Create the ${displayName} subscription`}
      </button>
      {state.error && (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </span>
  );
}
