import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { OuraClient } from "./client";
import { ouraDefinition } from "./definition";
import { normalizeOuraWorkout } from "./normalize";
import { ouraWebhook } from "./webhook";

export const oura: ProviderModule = {
  definition: ouraDefinition,
  factory: singleProviderFactory(ouraDefinition, (config, deps) => new OuraClient(ouraDefinition, config, deps)),
  normalize: normalizeOuraWorkout,
  webhook: ouraWebhook,
};
