"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DisplayPreferences } from "@/lib/format";

const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Units, first day of the week and time zone: saved at once, and every page follows. */
export function DisplayPreferencesForm({ initial, zones }: { initial: DisplayPreferences; zones: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setStatus({ kind: "saving" });
    const response = await fetch("/api/preferences", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
    const json = (await response.json().catch(() => null)) as { error?: string } | null;
    if (!response.ok) return setStatus({ kind: "error", message: json?.error ?? `Saving failed (HTTP ${response.status}).` });
    setStatus({ kind: "saved", message: "Saved." });
    router.refresh();
  };
  return (
    <form className="grid max-w-2xl gap-4 sm:grid-cols-3" onSubmit={save} aria-label="Units and time">
      <div>
        <label htmlFor="pref-units" className="label">
          Units
        </label>
        <select id="pref-units" className="input" value={values.units} onChange={(e) => setValues({ ...values, units: e.target.value as DisplayPreferences["units"] })}>
          <option value="metric">Metric (km, m)</option>
          <option value="imperial">Imperial (mi, ft)</option>
        </select>
      </div>
      <div>
        <label htmlFor="pref-week" className="label">
          First day of the week
        </label>
        <select id="pref-week" className="input" value={values.weekStart} onChange={(e) => setValues({ ...values, weekStart: Number(e.target.value) })}>
          {days.map((day, index) => (
            <option key={day} value={index}>
              {day}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pref-zone" className="label">
          Times shown in
        </label>
        <select id="pref-zone" className="input" value={values.timeZone ?? ""} onChange={(e) => setValues({ ...values, timeZone: e.target.value || null })}>
          <option value="">Where each workout happened</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3 sm:col-span-3">
        <button type="submit" className="btn-primary" disabled={status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : "Save units and time"}
        </button>
        {status.message && (
          <p role={status.kind === "error" ? "alert" : "status"} className={`text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-700"}`}>
            {status.message}
          </p>
        )}
      </div>
    </form>
  );
}
