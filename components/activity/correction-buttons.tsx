"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

async function send(url: string, method: string, body?: unknown): Promise<Record<string, string>> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await response.json().catch(() => null)) as { result?: Record<string, string>; error?: string } | null;
  if (!response.ok) throw new Error(json?.error ?? `Request failed (HTTP ${response.status}).`);
  return json?.result ?? {};
}

/** A button that changes the grouping, then shows the workout the person was looking at, as it is now. */
function CorrectionButton({ label, pendingLabel, confirm, run, className = "btn-secondary" }: { label: string; pendingLabel: string; confirm?: string; run: () => Promise<string>; className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          setPending(true);
          setError(null);
          try {
            const next = await run();
            router.replace(`/activities/${encodeURIComponent(next)}`);
            router.refresh();
          } catch (thrown) {
            setError(thrown instanceof Error ? thrown.message : String(thrown));
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

export function SplitButton({ workoutId, activityId, sourceName }: { workoutId: string; activityId: string; sourceName: string }) {
  return (
    <CorrectionButton
      label="Not the same workout"
      pendingLabel="Separating…"
      confirm={`Show the ${sourceName} record as a workout of its own? Pierre will remember this through every sync.`}
      run={async () => (await send(`/api/activities/${encodeURIComponent(workoutId)}/split`, "POST", { activityId })).remainingWorkoutId!}
    />
  );
}

export function MergeButton({ workoutId, otherId, otherName }: { workoutId: string; otherId: string; otherName: string }) {
  return (
    <CorrectionButton
      label="Same workout"
      pendingLabel="Merging…"
      confirm={`Merge “${otherName}” into this workout? Pierre will remember this through every sync.`}
      run={async () => (await send("/api/activities/merge", "POST", { ids: [workoutId, otherId] })).workoutId!}
    />
  );
}

export function ForgetButton({ workoutId }: { workoutId: string }) {
  return <CorrectionButton label="Let Pierre decide" pendingLabel="Regrouping…" run={async () => (await send(`/api/activities/${encodeURIComponent(workoutId)}/corrections`, "DELETE")).workoutId!} />;
}
