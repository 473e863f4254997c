import "server-only";
import { parseSyncEnv, type SyncSettings } from "@/lib/config/sync";
import { configureHttpDefaults } from "@/lib/http/provider-http";
import { getRegistry } from "@/lib/providers";

let cached: SyncSettings | undefined;

export function getSyncSettings(): SyncSettings {
  if (!cached) {
    cached = parseSyncEnv(process.env, getRegistry().supportedProviders());
    configureHttpDefaults({ timeoutMs: cached.requestTimeoutMs });
  }
  return cached;
}

export function setSyncSettingsForTests(settings: SyncSettings | undefined): void {
  cached = settings;
}
