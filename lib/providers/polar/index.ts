import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { PolarClient } from "./client";
import { polarDefinition } from "./definition";
import { normalizePolarExercise } from "./normalize";
import { polarWebhook } from "./webhook";

export const polar: ProviderModule = {
  definition: polarDefinition,
  factory: singleProviderFactory(polarDefinition, (config, deps) => new PolarClient(polarDefinition, config, deps)),
  normalize: normalizePolarExercise,
  webhook: polarWebhook,
};
