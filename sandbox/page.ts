import type { ProviderDefinition } from "@/lib/providers/types";
import { escapeHtml } from "./http";

/**
 * The look of the sandbox's own pages (consent screens, Terra's widget): a card in the provider's
 * colour with its mark, so the demo's hand-off to a "provider" reads like the real thing.
 */
export function sandboxPage(definition: Pick<ProviderDefinition, "displayName" | "brandColor" | "logo">, title: string, body: string): string {
  const name = escapeHtml(definition.displayName);
  const mark = definition.logo
    ? `<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="#fff"><path d="${escapeHtml(definition.logo.svgPath)}"/></svg>`
    : `<span aria-hidden="true" class="mono">${escapeHtml(definition.displayName.charAt(0))}</span>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f1f5f9;color:#0f172a;line-height:1.5}
main{max-width:28rem;margin:2.5rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;box-shadow:0 1px 3px rgba(15,23,42,.08);overflow:hidden}
.band{display:flex;align-items:center;gap:.75rem;padding:1rem 1.25rem;background:${definition.brandColor};color:#fff}
.band .badge{display:flex;align-items:center;justify-content:center;width:2.75rem;height:2.75rem;border-radius:999px;background:rgba(0,0,0,.25)}
.mono{font-weight:700;font-size:1.25rem}
h1{font-size:1.2rem;margin:0;text-shadow:0 1px 2px rgba(0,0,0,.35)}
.content{padding:1.25rem}
.note{font-size:.8rem;color:#475569;margin-top:1rem}
ul{padding-left:1.25rem}
code{background:#f1f5f9;border-radius:.25rem;padding:.1rem .3rem}
label{display:block;font-weight:600;font-size:.9rem;margin-bottom:.25rem}
input,select{width:100%;font:inherit;padding:.5rem .75rem;border:1px solid #cbd5e1;border-radius:.5rem;background:#fff}
.actions{display:flex;gap:.5rem;margin-top:1.25rem}
button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:.5rem;border:1px solid #cbd5e1;background:#fff;color:#0f172a;cursor:pointer}
button.primary{background:#0f172a;border-color:#0f172a;color:#fff}
button:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid #047857;outline-offset:2px}
</style></head>
<body><main><div class="card"><div class="band"><span class="badge">${mark}</span><h1>${name} (sandbox)</h1></div><div class="content">${body}
<p class="note">A local stand-in for ${name}, run by Pierre Connect's demo. Nothing here leaves this machine.</p></div></div></main></body></html>`;
}
