import "server-only";
import { decodeEncryptionKey, parseCoreEnv, type CoreConfig } from "./core";
import { loadOrCreateDevSecrets } from "./dev-secrets";

export type AppConfig = CoreConfig & { authSecret: string; encryptionKey: Buffer };

let cached: AppConfig | undefined;

/** The validated core configuration of this process; throws a ConfigError naming each bad variable. */
export function getConfig(): AppConfig {
  if (cached) return cached;
  const core = parseCoreEnv(process.env);
  let { authSecret, encryptionKey } = core;
  if (!authSecret || !encryptionKey) {
    // parseCoreEnv already failed in strict production, so this is development or the demo.
    const generated = loadOrCreateDevSecrets(core.dataDir);
    authSecret ??= generated.authSecret;
    encryptionKey ??= decodeEncryptionKey(generated.encryptionKey);
  }
  if (!encryptionKey) throw new Error("generated encryption key is invalid");
  cached = { ...core, authSecret, encryptionKey };
  return cached;
}

/** Tests change process.env between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
