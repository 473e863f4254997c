import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { WahooClient } from "./client";
import { wahooDefinition } from "./definition";
import { normalizeWahooWorkout } from "./normalize";
import { wahooWebhook } from "./webhook";

export const wahoo: ProviderModule = {
  definition: wahooDefinition,
  factory: singleProviderFactory(wahooDefinition, (config, deps) => new WahooClient(wahooDefinition, config, deps)),
  normalize: normalizeWahooWorkout,
  webhook: wahooWebhook,
};
