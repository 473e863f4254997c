import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { SyntheticClient } from "./client";
import { syntheticDefinition } from "./definition";

export const synthetic: ProviderModule = {
  definition: syntheticDefinition,
  factory: singleProviderFactory(syntheticDefinition, (config, deps) => new SyntheticClient(syntheticDefinition, config, deps)),
};
