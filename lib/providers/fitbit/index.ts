import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { FitbitClient } from "./client";
import { fitbitDefinition } from "./definition";
import { normalizeFitbitActivity } from "./normalize";

export const fitbit: ProviderModule = {
  definition: fitbitDefinition,
  factory: singleProviderFactory(fitbitDefinition, (config, deps) => new FitbitClient(fitbitDefinition, config, deps)),
  normalize: normalizeFitbitActivity,
};
