import { ConfigError, isLoopbackHost, type ConfigProblems, type Env } from "./core";
import type { ProviderConfig, ProviderEndpoints, ProviderSetting } from "@/lib/providers/types";

/**
 * Per-provider configuration, compatible with Pierre's variables: `PIERRE_<ID>_CLIENT_ID`,
 * `_CLIENT_SECRET`, `_AUTH_URL`, `_TOKEN_URL`, `_API_BASE_URL`, `_REVOKE_URL`, `_SCOPES`
 * (comma-separated) and `_REDIRECT_URI`, each falling back to the provider's defaults.
 */

export interface ProviderDefaults {
  endpoints: ProviderEndpoints;
  defaultScopes: readonly string[];
  settings?: readonly ProviderSetting[];
}

export const configFields = ["clientId", "clientSecret", "authUrl", "tokenUrl", "apiBaseUrl", "revokeUrl", "scopes", "redirectUri"] as const;
export type ConfigField = (typeof configFields)[number];

/** Where each effective value came from: "default", "unset", or the variable's name (settings by key). */
export type ConfigSources = Record<ConfigField, string> & { settings?: Record<string, string> };

export interface LoadedProviderConfig {
  config: ProviderConfig;
  sources: ConfigSources;
}

const suffixes: Record<ConfigField, string> = {
  clientId: "CLIENT_ID",
  clientSecret: "CLIENT_SECRET",
  authUrl: "AUTH_URL",
  tokenUrl: "TOKEN_URL",
  apiBaseUrl: "API_BASE_URL",
  revokeUrl: "REVOKE_URL",
  scopes: "SCOPES",
  redirectUri: "REDIRECT_URI",
};

function envPrefix(provider: string): string {
  return `PIERRE_${provider.toUpperCase().replace(/-/g, "_")}`;
}

export function providerEnvName(provider: string, field: ConfigField): string {
  return `${envPrefix(provider)}_${suffixes[field]}`;
}

/** The variable of one of a provider's own settings, e.g. PIERRE_SUUNTO_SUBSCRIPTION_KEY. */
export function providerSettingEnvName(provider: string, setting: Pick<ProviderSetting, "envSuffix">): string {
  return `${envPrefix(provider)}_${setting.envSuffix}`;
}

/** http(s) only; plain http only for loopback hosts unless the demo flag is on. */
export function checkEndpointUrl(value: string, options: { allowInsecure: boolean }): string | undefined {
  if (!URL.canParse(value)) return "must be an absolute URL";
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use https (or http for a local sandbox)";
  if (url.protocol === "http:" && !options.allowInsecure && !isLoopbackHost(url.hostname)) {
    return "must use https; plain http is allowed only for localhost/127.0.0.1 or with PIERRE_DEMO=1";
  }
  if (url.username || url.password) return "must not contain credentials";
  return undefined;
}

export function loadProviderEnvConfig(
  name: string,
  defaults: ProviderDefaults,
  env: Env,
  options: { baseUrl: URL; demo: boolean },
): LoadedProviderConfig {
  const problems: ConfigProblems = [];
  const read = (field: ConfigField) => {
    const value = env[providerEnvName(name, field)]?.trim();
    return value ? value : undefined;
  };

  const sources = {} as ConfigSources;
  const endpoint = (field: "authUrl" | "tokenUrl" | "apiBaseUrl" | "revokeUrl") => {
    const value = read(field);
    if (value === undefined) {
      sources[field] = defaults.endpoints[field] ? "default" : "unset";
      return defaults.endpoints[field];
    }
    const problem = checkEndpointUrl(value, { allowInsecure: options.demo });
    if (problem) problems.push({ variable: providerEnvName(name, field), problem });
    sources[field] = providerEnvName(name, field);
    return value;
  };

  const authUrl = endpoint("authUrl");
  const tokenUrl = endpoint("tokenUrl");
  const apiBaseUrl = endpoint("apiBaseUrl");
  const revokeUrl = endpoint("revokeUrl");

  let scopes = [...defaults.defaultScopes];
  sources.scopes = "default";
  const rawScopes = read("scopes");
  if (rawScopes !== undefined) {
    scopes = rawScopes.split(",").map((s) => s.trim()).filter(Boolean);
    if (scopes.some((s) => /\s/.test(s))) {
      problems.push({ variable: providerEnvName(name, "scopes"), problem: "must be comma-separated scopes without spaces inside a scope" });
    }
    sources.scopes = providerEnvName(name, "scopes");
  }

  let redirectUri = new URL(`/api/providers/${name}/callback`, options.baseUrl).toString();
  sources.redirectUri = "PIERRE_BASE_URL";
  const rawRedirect = read("redirectUri");
  if (rawRedirect !== undefined) {
    const problem = checkEndpointUrl(rawRedirect, { allowInsecure: options.demo });
    if (problem) problems.push({ variable: providerEnvName(name, "redirectUri"), problem });
    redirectUri = rawRedirect;
    sources.redirectUri = providerEnvName(name, "redirectUri");
  }

  const clientId = read("clientId");
  const clientSecret = read("clientSecret");
  sources.clientId = clientId ? providerEnvName(name, "clientId") : "unset";
  sources.clientSecret = clientSecret ? providerEnvName(name, "clientSecret") : "unset";
  if (clientId && !clientSecret) {
    problems.push({ variable: providerEnvName(name, "clientSecret"), problem: `is missing while ${providerEnvName(name, "clientId")} is set` });
  }
  if (clientSecret && !clientId) {
    problems.push({ variable: providerEnvName(name, "clientId"), problem: `is missing while ${providerEnvName(name, "clientSecret")} is set` });
  }

  const config: ProviderConfig = { name, authUrl, tokenUrl, apiBaseUrl, revokeUrl, defaultScopes: scopes, redirectUri, clientId, clientSecret };
  if (defaults.settings?.length) {
    const settings: Record<string, string> = {};
    const settingSources: Record<string, string> = {};
    for (const setting of defaults.settings) {
      const variable = providerSettingEnvName(name, setting);
      const value = env[variable]?.trim();
      if (value) settings[setting.key] = value;
      settingSources[setting.key] = value ? variable : "unset";
    }
    config.settings = settings;
    sources.settings = settingSources;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { config, sources };
}
