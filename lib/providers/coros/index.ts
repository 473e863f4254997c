import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { CorosClient } from "./client";
import { corosDefinition } from "./definition";
import { normalizeCorosWorkout } from "./normalize";
import { corosWebhook } from "./webhook";

export const coros: ProviderModule = {
  definition: corosDefinition,
  factory: singleProviderFactory(corosDefinition, (config, deps) => new CorosClient(corosDefinition, config, deps)),
  normalize: normalizeCorosWorkout,
  webhook: corosWebhook,
};
