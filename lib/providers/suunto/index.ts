import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { SuuntoClient } from "./client";
import { suuntoDefinition } from "./definition";
import { normalizeSuuntoWorkout } from "./normalize";
import { suuntoWebhook } from "./webhook";

export const suunto: ProviderModule = {
  definition: suuntoDefinition,
  factory: singleProviderFactory(
    suuntoDefinition,
    (config, deps) => new SuuntoClient(suuntoDefinition, config, deps, { subscriptionKey: config.settings?.subscriptionKey }),
  ),
  normalize: normalizeSuuntoWorkout,
  webhook: suuntoWebhook,
};
