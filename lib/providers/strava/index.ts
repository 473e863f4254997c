import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { StravaClient } from "./client";
import { stravaDefinition } from "./definition";
import { normalizeStravaActivity } from "./normalize";
import { stravaWebhook } from "./webhook";

export const strava: ProviderModule = {
  definition: stravaDefinition,
  factory: singleProviderFactory(stravaDefinition, (config, deps) => new StravaClient(stravaDefinition, config, deps)),
  normalize: normalizeStravaActivity,
  webhook: stravaWebhook,
};
