"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

/** Copies a value to the clipboard and says so (for values people paste into another site). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="mt-1 inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100"
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
        } catch {
          // Without clipboard access (plain http, old browsers) the person selects the text instead.
          const range = document.createRange();
          const node = document.querySelector(`[data-copy-source="${CSS.escape(value)}"]`);
          if (node) {
            range.selectNodeContents(node);
            window.getSelection()?.removeAllRanges();
            window.getSelection()?.addRange(range);
          }
        }
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? <Check className="h-3.5 w-3.5" aria-hidden="true" /> : <Copy className="h-3.5 w-3.5" aria-hidden="true" />}
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
    </button>
  );
}
