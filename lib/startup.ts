import { getConfig } from "@/lib/config";
import { ConfigError } from "@/lib/config/core";
import { getDb } from "@/lib/db";
import { getProviderCatalog } from "@/lib/providers";

export function startUp(): void {
  try {
    const config = getConfig();
    getDb();
    const { registry, defaultProvider } = getProviderCatalog();
    const configured = registry.supportedProviders().filter((id) => registry.isConfigured(id));
    console.log(
      `[pierre] ready: ${config.baseUrl.origin}, database ${config.databasePath}, providers ${registry.supportedProviders().join(", ")} ` +
        `(configured: ${configured.join(", ") || "none"}; default: ${defaultProvider})${config.demo ? ", demo mode" : ""}`,
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[pierre] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
