import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { GarminClient } from "./client";
import { garminDefinition } from "./definition";
import { normalizeGarminActivity } from "./normalize";
import { garminWebhook } from "./webhook";

export const garmin: ProviderModule = {
  definition: garminDefinition,
  factory: singleProviderFactory(garminDefinition, (config, deps) => new GarminClient(garminDefinition, config, deps)),
  normalize: normalizeGarminActivity,
  webhook: garminWebhook,
};
