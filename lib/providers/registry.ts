import { AppError, excerpt } from "@/lib/errors";
import type { FitnessProvider, ProviderConfig, ProviderDefinition, ProviderDependencies, ProviderFactory, ProviderModule, ProviderWebhook } from "./types";

/**
 * The seed's ProviderRegistry: factories and default configs by name, in registration order.
 * Everything that lists or resolves providers (pages, routes, sync, MCP tools) asks a registry;
 * nothing else knows which providers exist.
 */
export class ProviderRegistry {
  private readonly factories = new Map<string, ProviderFactory>();
  private readonly configs = new Map<string, ProviderConfig>();
  private readonly definitions = new Map<string, ProviderDefinition>();
  private readonly webhooks = new Map<string, ProviderWebhook>();

  registerFactory(name: string, factory: ProviderFactory): void {
    if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`Provider name '${name}' must be lower-case letters, digits, '-' or '_'.`);
    if (this.factories.has(name)) throw new Error(`Provider '${name}' is already registered.`);
    this.factories.set(name, factory);
  }

  setDefaultConfig(name: string, config: ProviderConfig): void {
    if (!this.factories.has(name)) throw new Error(`Provider '${name}' has no factory; register it before configuring it.`);
    this.configs.set(name, config);
  }

  /** A provider folder's module in one call: its factory, its definition and its effective config. */
  register(module: ProviderModule, config: ProviderConfig): void {
    this.registerFactory(module.definition.id, module.factory);
    this.definitions.set(module.definition.id, module.definition);
    if (module.webhook) this.webhooks.set(module.definition.id, module.webhook);
    this.setDefaultConfig(module.definition.id, config);
  }

  /** The provider's push notifications, when it sends them. */
  getWebhook(name: string): ProviderWebhook | undefined {
    return this.webhooks.get(name);
  }

  isSupported(name: string): boolean {
    return this.factories.has(name);
  }

  /** Registration order. */
  supportedProviders(): string[] {
    return [...this.factories.keys()];
  }

  createProvider(name: string, dependencies?: Partial<ProviderDependencies>): FitnessProvider | undefined {
    const factory = this.factories.get(name);
    const config = this.configs.get(name);
    if (!factory || !config) return undefined;
    return factory.create(config, dependencies);
  }

  getConfig(name: string): ProviderConfig | undefined {
    return this.configs.get(name);
  }

  getDefinition(name: string): ProviderDefinition | undefined {
    let definition = this.definitions.get(name);
    if (!definition && this.isSupported(name)) {
      // Registered through the bare seed API: the client carries its definition.
      definition = this.createProvider(name)?.definition;
      if (definition) this.definitions.set(name, definition);
    }
    return definition;
  }

  /** Definitions of every registered provider, in registration order. */
  listDefinitions(): ProviderDefinition[] {
    return this.supportedProviders().flatMap((name) => {
      const definition = this.getDefinition(name);
      return definition ? [definition] : [];
    });
  }

  /** The seed's answer for a name that is not registered (a long name is cut: the answer never echoes much). */
  unsupportedError(name: string): AppError {
    return new AppError(
      "provider_not_supported",
      `Provider '${excerpt(name)}' is not supported. Supported providers: ${this.supportedProviders().join(", ")}`,
    );
  }

  /** The definition of a registered provider, or the seed's "not supported" error. */
  require(name: string): ProviderDefinition {
    const definition = this.getDefinition(name);
    if (!definition) throw this.unsupportedError(name);
    return definition;
  }

  /** A client for a registered provider, or the seed's "not supported" error. */
  requireProvider(name: string, dependencies?: Partial<ProviderDependencies>): FitnessProvider {
    const provider = this.createProvider(name, dependencies);
    if (!provider) throw this.unsupportedError(name);
    return provider;
  }

  /** Whether the provider can be used: credentials and required settings present, or none needed. */
  isConfigured(name: string): boolean {
    const definition = this.getDefinition(name);
    const config = this.configs.get(name);
    if (!definition || !config) return false;
    const settingsPresent = (definition.settings ?? []).every((setting) => !setting.required || Boolean(config.settings?.[setting.key]));
    return settingsPresent && (!definition.requiresCredentials || Boolean(config.clientId && config.clientSecret));
  }

  /**
   * The provider's own page for one of its activities, only where the provider is its real self:
   * with its API pointed elsewhere (the sandbox, a test double) an id names nothing on the real site.
   */
  activityUrl(name: string, providerActivityId: string): string | null {
    const definition = this.getDefinition(name);
    const config = this.configs.get(name);
    if (!definition?.activityUrl || !config) return null;
    if (definition.endpoints.apiBaseUrl && config.apiBaseUrl !== definition.endpoints.apiBaseUrl) return null;
    return definition.activityUrl(providerActivityId) ?? null;
  }
}
