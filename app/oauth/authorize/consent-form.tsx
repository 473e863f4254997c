"use client";

import { useState } from "react";
import { decideAction } from "./actions";

/**
 * Allow and Deny. The answer is a URL of the app (often another origin or a native app's scheme);
 * the browser goes there by navigation, which the page's form-action policy does not restrict.
 */
export function ConsentForm({ query }: { query: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: "allow" | "deny") {
    setPending(true);
    setError(null);
    const result = await decideAction(query, decision);
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    window.location.assign(result.url);
  }

  return (
    <div className="space-y-3">
      <div className="flex gap-3">
        <button type="button" className="btn-primary" disabled={pending} onClick={() => decide("allow")}>
          Allow
        </button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => decide("deny")}>
          Deny
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
