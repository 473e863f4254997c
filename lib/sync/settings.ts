import "server-only";
import { parseSyncEnv, type SyncSettings } from "@/lib/config/sync";
import { configureHttpDefaults } from "@/lib/providers/http";

let cached: SyncSettings | undefined;

export function getSyncSettings(): SyncSettings {
  if (!cached) {
    cached = parseSyncEnv(process.env);
    configureHttpDefaults({ timeoutMs: cached.requestTimeoutMs });
  }
  return cached;
}

export function setSyncSettingsForTests(settings: SyncSettings | undefined): void {
  cached = settings;
}
