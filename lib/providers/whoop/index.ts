import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { WhoopClient } from "./client";
import { whoopDefinition } from "./definition";
import { normalizeWhoopWorkout } from "./normalize";
import { whoopWebhook } from "./webhook";

export const whoop: ProviderModule = {
  definition: whoopDefinition,
  factory: singleProviderFactory(whoopDefinition, (config, deps) => new WhoopClient(whoopDefinition, config, deps)),
  normalize: normalizeWhoopWorkout,
  webhook: whoopWebhook,
};
