import { ConfigError, type ConfigProblems, type CoreConfig, type Env } from "@/lib/config/core";
import { loadProviderEnvConfig, type ConfigSources } from "@/lib/config/provider-env";
import { parseSourcePriority } from "@/lib/config/sync";
import { ProviderRegistry } from "./registry";
import type { ProviderModule } from "./types";

/** The registry of this process plus what the admin view needs to explain it. */
export interface ProviderCatalog {
  registry: ProviderRegistry;
  /** Where each provider's effective values came from. */
  sources: ReadonlyMap<string, ConfigSources>;
  /** Used when a tool names no provider (`PIERRE_DEFAULT_PROVIDER`, default synthetic). */
  defaultProvider: string;
  /** Which source's record a merged workout shows, first wins (`PIERRE_SOURCE_PRIORITY` or by source kind). */
  sourcePriority: string[];
}

/** Registers `modules` with their env configuration; every bad variable is reported at once. */
export function buildProviderCatalog(
  modules: readonly ProviderModule[],
  env: Env,
  core: Pick<CoreConfig, "baseUrl" | "demo">,
): ProviderCatalog {
  const registry = new ProviderRegistry();
  const sources = new Map<string, ConfigSources>();
  const problems: ConfigProblems = [];

  for (const providerModule of modules) {
    const { id } = providerModule.definition;
    try {
      const loaded = loadProviderEnvConfig(id, providerModule.definition, env, core);
      registry.register(providerModule, loaded.config);
      sources.set(id, loaded.sources);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }

  const defaultProvider = env.PIERRE_DEFAULT_PROVIDER?.trim() || "synthetic";
  if (problems.length === 0 && !registry.isSupported(defaultProvider)) {
    problems.push({
      variable: "PIERRE_DEFAULT_PROVIDER",
      problem: `'${defaultProvider}' is not a registered provider. Registered providers: ${registry.supportedProviders().join(", ")}`,
    });
  }
  const sourcePriority = parseSourcePriority(env, registry.listDefinitions(), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { registry, sources, defaultProvider, sourcePriority };
}
