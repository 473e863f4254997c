import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { GoogleHealthClient } from "./client";
import { googleDefinition } from "./definition";
import { normalizeGoogleExercise } from "./normalize";

export const google: ProviderModule = {
  definition: googleDefinition,
  factory: singleProviderFactory(googleDefinition, (config, deps) => new GoogleHealthClient(googleDefinition, config, deps)),
  normalize: normalizeGoogleExercise,
};
