import type { ProviderDefinition } from "@/lib/providers/types";
import { escapeHtml, html, type SandboxResponse } from "./http";
import { sandboxPage } from "./page";
import { recipients } from "./push";
import type { SandboxState } from "./state";

export const recordPagePath = "/record";

const sports = ["run", "ride", "swim", "walk", "hike", "strength"] as const;

/**
 * "Record a workout now": for the demo, a workout that just ended reaches one of the providers, and
 * that provider's webhook goes to the app at once, so the open dashboard shows it without a click.
 * Accounts are the ones that consented on a sandbox consent page (or Terra's widget).
 */
export function recordPage(state: SandboxState, definitions: readonly ProviderDefinition[], query: URLSearchParams): SandboxResponse {
  const options = definitions
    .filter((definition) => state.pushes.has(definition.id))
    .flatMap((definition) =>
      recipients(state, definition.id, undefined).map(
        (account) =>
          `<option value="${escapeHtml(`${definition.id}|${account.owner}`)}"${query.get("provider") === definition.id ? " selected" : ""}>${escapeHtml(`${definition.displayName} — ${account.label}`)}</option>`,
      ),
    );
  const sent = query.get("provider");
  const name = definitions.find((definition) => definition.id === sent)?.displayName ?? sent ?? "";
  const result = query.get("error")
    ? `<p role="alert">${escapeHtml(query.get("error")!)}</p>`
    : sent
      ? `<p role="status">${escapeHtml(name)} recorded “${escapeHtml(query.get("name") ?? "")}” and sent its webhook to Pierre Connect (answer: HTTP ${escapeHtml(query.get("status") ?? "none")}). It appears on the dashboard within seconds (under the provider's own name for it where the provider names workouts).</p>`
      : "";
  const form =
    options.length === 0
      ? `<p>No account here yet. Connect a provider in Pierre Connect first: its consent page (the "Athlete" name) makes the account this page records for.</p>`
      : `<form method="post">
<p><label for="account">Provider and account</label><select id="account" name="account">${options.join("")}</select></p>
<p><label for="sport">Sport</label><select id="sport" name="sport">${sports.map((sport) => `<option value="${sport}">${sport}</option>`).join("")}</select></p>
<div class="actions"><button class="primary" type="submit">Record a workout now</button></div></form>`;
  const target = state.webhookTarget ? `<p class="note">Webhooks go to <code>${escapeHtml(state.webhookTarget)}</code>.</p>` : `<p class="note">No app URL is set (SANDBOX_APP_URL): webhooks are not sent.</p>`;
  return html(
    sandboxPage(
      { displayName: "Every provider", brandColor: "#0f172a" },
      "Record a workout now (sandbox)",
      `<p>A workout that just ended reaches the provider you pick, and the provider tells Pierre Connect at once, the way its real webhook does.</p>${result}${form}${target}`,
    ),
  );
}
