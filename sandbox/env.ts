/**
 * The PIERRE_* variables that point the app at the sandbox, derived from the provider definitions:
 * each provider's real endpoints are served under /<id> + the endpoint's own path, and each gets
 * made-up client credentials (and settings). Used by `npm run demo`, the browser tests and the
 * integration tests. Nothing here names a provider: a new definition is covered by its registry line.
 */
import { providerEnvName, providerSettingEnvName } from "@/lib/config/provider-env";
import { builtInProviders } from "@/lib/providers/builtin";
import type { ProviderDefinition, ProviderEndpoints, ProviderModule } from "@/lib/providers/types";

export type EndpointField = keyof ProviderEndpoints;
const endpointFields: readonly EndpointField[] = ["authUrl", "tokenUrl", "apiBaseUrl", "revokeUrl"];

/** Providers the sandbox stands in for: every registered one that talks to an API of its own. */
export function sandboxedDefinitions(modules: readonly ProviderModule[] = builtInProviders): ProviderDefinition[] {
  return modules.map((module) => module.definition).filter((definition) => definition.connection !== "none");
}

export function sandboxDefinition(id: string, modules: readonly ProviderModule[] = builtInProviders): ProviderDefinition {
  const definition = sandboxedDefinitions(modules).find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`The sandbox has no provider '${id}'.`);
  return definition;
}

export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
  /** The definition's own settings (e.g. an API subscription key), by key. */
  settings: Record<string, string>;
}

export function sandboxCredentials(provider: string | ProviderDefinition): SandboxCredentials {
  const definition = typeof provider === "string" ? sandboxDefinition(provider) : provider;
  const { id } = definition;
  return {
    clientId: `sandbox-${id}-client`,
    clientSecret: `sandbox-${id}-secret`,
    settings: Object.fromEntries((definition.settings ?? []).map((setting) => [setting.key, `sandbox-${id}-${setting.key}`])),
  };
}

/**
 * Where the sandbox serves one of a provider's real endpoints: `/<id>` + the URL's path, so
 * `https://www.strava.com/api/v3` is `/strava/api/v3`. Undefined when the provider has no such endpoint.
 */
export function sandboxPath(provider: string | ProviderDefinition, field: EndpointField): string | undefined {
  const definition = typeof provider === "string" ? sandboxDefinition(provider) : provider;
  const url = definition.endpoints[field];
  return url ? `/${definition.id}${new URL(url).pathname.replace(/\/+$/, "")}` : undefined;
}

export function sandboxProviderEnv(sandboxUrl: string, modules: readonly ProviderModule[] = builtInProviders): Record<string, string> {
  const base = sandboxUrl.replace(/\/+$/, "");
  const env: Record<string, string> = {};
  for (const definition of sandboxedDefinitions(modules)) {
    const credentials = sandboxCredentials(definition);
    env[providerEnvName(definition.id, "clientId")] = credentials.clientId;
    env[providerEnvName(definition.id, "clientSecret")] = credentials.clientSecret;
    for (const field of endpointFields) {
      const path = sandboxPath(definition, field);
      if (path) env[providerEnvName(definition.id, field)] = base + path;
    }
    for (const setting of definition.settings ?? []) env[providerSettingEnvName(definition.id, setting)] = credentials.settings[setting.key]!;
  }
  return env;
}

/**
 * The app the sandbox's webhooks go to: SANDBOX_APP_URL, or the app's own PIERRE_BASE_URL when the
 * sandbox runs with the app's environment. Webhooks are sent to <it>/api/webhooks/<provider>.
 */
export function sandboxAppUrl(env: Record<string, string | undefined>): string | undefined {
  const url = env.SANDBOX_APP_URL?.trim() || env.PIERRE_BASE_URL?.trim();
  return url ? url.replace(/\/+$/, "") : undefined;
}
