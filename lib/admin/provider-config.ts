import type { ConfigField, ConfigSources } from "@/lib/config/provider-env";
import { providerEnvName, providerSettingEnvName } from "@/lib/config/provider-env";
import type { ProviderCatalog } from "@/lib/providers/catalog";

export interface ConfigValue<T = string> {
  value: T | null;
  /** "default", "unset", or the name of the env variable that set it. */
  source: string;
  /** The variable an admin sets to change it. */
  variable: string;
}

export interface ProviderConfigView {
  id: string;
  displayName: string;
  status: "configured" | "not_configured" | "always_available";
  isDefault: boolean;
  connection: string;
  authUrl: ConfigValue;
  tokenUrl: ConfigValue;
  apiBaseUrl: ConfigValue;
  revokeUrl: ConfigValue;
  scopes: ConfigValue<string[]>;
  /** Register exactly this at the provider. */
  redirectUri: ConfigValue;
  clientId: ConfigValue;
  /** Never the secret itself. */
  clientSecret: { state: "set" | "missing"; variable: string };
  oauth: { pkce: boolean; clientAuth: string; scopeSeparator: string } | null;
  /** The provider's own settings; a secret one is only "set" or "missing", like the client secret. */
  settings: ProviderSettingView[];
  developerPortalUrl: string | null;
  /** When the provider's API was switched off, and what replaces it. */
  retired: { since: string; successor: string | null } | null;
}

export type ProviderSettingView = { key: string; label: string; variable: string; required: boolean; source: string } & (
  | { secret: true; state: "set" | "missing" }
  | { secret: false; value: string | null }
);

/** Every registered provider's effective configuration, secrets reduced to "set"/"missing". */
export function describeProviderConfigs(catalog: ProviderCatalog): ProviderConfigView[] {
  const { registry, sources, defaultProvider } = catalog;
  return registry.listDefinitions().map((definition) => {
    const config = registry.getConfig(definition.id)!;
    const from: ConfigSources = sources.get(definition.id) ?? ({} as ConfigSources);
    const value = <T,>(field: ConfigField, v: T | undefined): ConfigValue<T> => ({
      value: v ?? null,
      source: from[field] ?? (v === undefined ? "unset" : "default"),
      variable: providerEnvName(definition.id, field),
    });
    return {
      id: definition.id,
      displayName: definition.displayName,
      status: !definition.requiresCredentials ? "always_available" : registry.isConfigured(definition.id) ? "configured" : "not_configured",
      isDefault: definition.id === defaultProvider,
      connection: definition.connection,
      authUrl: value("authUrl", config.authUrl),
      tokenUrl: value("tokenUrl", config.tokenUrl),
      apiBaseUrl: value("apiBaseUrl", config.apiBaseUrl),
      revokeUrl: value("revokeUrl", config.revokeUrl),
      scopes: value("scopes", config.defaultScopes),
      redirectUri: value("redirectUri", config.redirectUri),
      clientId: value("clientId", config.clientId),
      clientSecret: { state: config.clientSecret ? "set" : "missing", variable: providerEnvName(definition.id, "clientSecret") },
      oauth: definition.oauth
        ? { pkce: definition.oauth.pkce, clientAuth: definition.oauth.clientAuth, scopeSeparator: definition.oauth.scopeSeparator === " " ? "space" : "comma" }
        : null,
      settings: (definition.settings ?? []).map((setting): ProviderSettingView => {
        const current = config.settings?.[setting.key];
        const common = {
          key: setting.key,
          label: setting.label,
          variable: providerSettingEnvName(definition.id, setting),
          required: setting.required,
          source: from.settings?.[setting.key] ?? (current ? "default" : "unset"),
        };
        return setting.secret ? { ...common, secret: true, state: current ? "set" : "missing" } : { ...common, secret: false, value: current ?? null };
      }),
      developerPortalUrl: definition.developerPortalUrl ?? null,
      retired: definition.retirement ? { since: definition.retirement.since, successor: definition.retirement.successor ?? null } : null,
    };
  });
}
