import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { TerraClient } from "./client";
import { terraDefinition } from "./definition";
import { normalizeTerraActivity } from "./normalize";
import { terraWebhook } from "./webhook";

export const terra: ProviderModule = {
  definition: terraDefinition,
  factory: singleProviderFactory(terraDefinition, (config, deps) => new TerraClient(terraDefinition, config, deps)),
  normalize: normalizeTerraActivity,
  webhook: terraWebhook,
};
