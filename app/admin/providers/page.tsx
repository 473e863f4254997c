import type { Metadata } from "next";
import { CopyButton } from "@/components/copy-button";
import { describeProviderConfigs, type ConfigValue, type ProviderConfigView } from "@/lib/admin/provider-config";
import { describeWebhooks } from "@/lib/admin/webhooks";
import { requirePageAdmin } from "@/lib/auth/guards";
import { getProviderCatalog } from "@/lib/providers";
import { WebhookTable } from "./webhooks";

export const metadata: Metadata = { title: "Provider configuration" };
export const dynamic = "force-dynamic";

function Source({ value }: { value: ConfigValue<unknown> }) {
  const text = value.source === "default" ? "default" : value.source === "unset" ? "not set" : value.source;
  return <span className="block text-xs text-slate-600">from {text}</span>;
}

function UrlCell({ value }: { value: ConfigValue }) {
  return (
    <td className="min-w-[10rem] max-w-[16rem] px-3 py-2 align-top">
      {value.value ? <code className="text-xs [overflow-wrap:anywhere]">{value.value}</code> : <span className="text-slate-600">not used</span>}
      <Source value={value} />
    </td>
  );
}

const statusLabel: Record<ProviderConfigView["status"], string> = {
  configured: "Configured",
  not_configured: "Not configured",
  always_available: "Always available",
};

const statusStyle: Record<ProviderConfigView["status"], string> = {
  configured: "bg-emerald-100 text-emerald-900",
  not_configured: "bg-amber-100 text-amber-900",
  always_available: "bg-sky-100 text-sky-900",
};

export default async function AdminProvidersPage() {
  await requirePageAdmin("/admin/providers");
  const catalog = getProviderCatalog();
  const rows = describeProviderConfigs(catalog);
  return (
    <section>
      <h1 className="text-2xl font-bold">Provider configuration</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Every registered provider with its effective settings and where each came from. Client secrets are never shown — only whether
        they are set. Register the redirect URI at each provider&apos;s developer portal. The default provider for AI tools is{" "}
        <strong>{catalog.defaultProvider}</strong> (<code>PIERRE_DEFAULT_PROVIDER</code>).
      </p>
      <div
        className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        tabIndex={0}
        role="region"
        aria-label="Provider configuration table (scrolls sideways)"
      >
        <table className="min-w-[72rem] text-left text-sm">
          <caption className="sr-only">Effective configuration of each registered provider</caption>
          <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Provider</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Client ID</th>
              <th scope="col" className="px-3 py-2">Client secret</th>
              <th scope="col" className="px-3 py-2">Redirect URI</th>
              <th scope="col" className="px-3 py-2">Authorize URL</th>
              <th scope="col" className="px-3 py-2">Token URL</th>
              <th scope="col" className="px-3 py-2">API base URL</th>
              <th scope="col" className="px-3 py-2">Revoke URL</th>
              <th scope="col" className="px-3 py-2">Scopes</th>
              <th scope="col" className="px-3 py-2">Other settings</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((row) => (
              <tr key={row.id} data-provider={row.id}>
                <th scope="row" className="px-3 py-2 align-top font-medium">
                  {row.displayName}
                  <span className="block text-xs font-normal text-slate-600">
                    <code>{row.id}</code>
                    {row.isDefault && " · default provider"}
                  </span>
                  {row.retired && (
                    <span className="block text-xs font-normal text-amber-800">
                      Retired since {row.retired.since}
                      {row.retired.successor && (
                        <>
                          {" "}
                          · succeeded by <code>{row.retired.successor}</code>
                        </>
                      )}
                    </span>
                  )}
                  {row.oauth && (
                    <span className="block text-xs font-normal text-slate-600">
                      {row.oauth.pkce ? "PKCE" : "no PKCE"}, {row.oauth.clientAuth === "client_secret_basic" ? "HTTP Basic" : "form body"} auth,{" "}
                      {row.oauth.scopeSeparator}-separated scopes
                    </span>
                  )}
                </th>
                <td className="px-3 py-2 align-top">
                  <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${statusStyle[row.status]}`}>{statusLabel[row.status]}</span>
                </td>
                <td className="px-3 py-2 align-top">
                  {row.clientId.value ? <code className="text-xs [overflow-wrap:anywhere]">{row.clientId.value}</code> : <span className="text-slate-600">missing</span>}
                  <span className="block text-xs text-slate-600">{row.clientId.variable}</span>
                </td>
                <td className="px-3 py-2 align-top">
                  <span className={row.clientSecret.state === "set" ? "text-emerald-800" : "text-slate-600"}>{row.clientSecret.state}</span>
                  <span className="block text-xs text-slate-600">{row.clientSecret.variable}</span>
                </td>
                <td className="min-w-[12rem] max-w-[18rem] px-3 py-2 align-top">
                  <code className="text-xs [overflow-wrap:anywhere]" data-copy-source={row.redirectUri.value}>
                    {row.redirectUri.value}
                  </code>
                  {row.redirectUri.value && <CopyButton value={row.redirectUri.value} label={`Copy ${row.displayName}'s redirect URI`} />}
                  <Source value={row.redirectUri} />
                </td>
                <UrlCell value={row.authUrl} />
                <UrlCell value={row.tokenUrl} />
                <UrlCell value={row.apiBaseUrl} />
                <UrlCell value={row.revokeUrl} />
                <td className="px-3 py-2 align-top">
                  {row.scopes.value && row.scopes.value.length > 0 ? (
                    <code className="text-xs">{row.scopes.value.join(", ")}</code>
                  ) : (
                    <span className="text-slate-600">none</span>
                  )}
                  <Source value={row.scopes} />
                </td>
                <td className="px-3 py-2 align-top">
                  {row.settings.length === 0 && <span className="text-slate-600">none</span>}
                  {row.settings.map((setting) => (
                    <span key={setting.key} className="mb-1 block" data-setting={setting.key}>
                      <span className="block text-xs">{setting.label}</span>
                      {setting.secret ? (
                        <span className={setting.state === "set" ? "text-emerald-800" : "text-slate-600"}>{setting.state}</span>
                      ) : setting.value ? (
                        <code className="text-xs [overflow-wrap:anywhere]">{setting.value}</code>
                      ) : (
                        <span className="text-slate-600">missing</span>
                      )}
                      <span className="block text-xs text-slate-600">
                        {setting.variable}
                        {setting.required && " (required)"}
                      </span>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WebhookTable webhooks={await describeWebhooks(catalog)} />
    </section>
  );
}
