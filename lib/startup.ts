import { getConfig } from "@/lib/config";
import { ConfigError, describeDatabase } from "@/lib/config/core";
import { getStore } from "@/lib/db";
import { repairUngrouped } from "@/lib/feed/regroup";
import { startBackgroundWork } from "@/lib/background";
import { getProviderCatalog } from "@/lib/providers";
import { getSyncSettings } from "@/lib/sync/settings";

export async function startUp(): Promise<void> {
  try {
    const config = getConfig();
    const store = getStore();
    const { registry, defaultProvider } = getProviderCatalog();
    const repaired = await repairUngrouped(store);
    if (repaired > 0) console.log(`[pierre] grouped the stored activities of ${repaired} people`);
    const configured = registry.supportedProviders().filter((id) => registry.isConfigured(id));
    const settings = getSyncSettings();
    if (settings.runWorker) {
      const work = startBackgroundWork();
      process.once("SIGTERM", () => void work.stop());
    }
    console.log(
      `[pierre] ready: ${config.baseUrl.origin}, database ${describeDatabase(config.database)}, providers ${registry.supportedProviders().join(", ")} ` +
        `(configured: ${configured.join(", ") || "none"}; default: ${defaultProvider})${config.demo ? ", demo mode" : ""}, ` +
        (settings.runWorker ? `background jobs here, syncs every ${settings.intervalMinutes} min` : "background jobs in a separate worker"),
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[pierre] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
