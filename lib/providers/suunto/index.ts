import { singleProviderFactory } from "../base";
import type { ProviderModule } from "../types";
import { SuuntoClient } from "./client";
import { suuntoDefinition } from "./definition";

/**
 * Suunto's API gateway wants a subscription key besides the user's token. ProviderConfig has no
 * field for it yet, so it is read here from PIERRE_SUUNTO_SUBSCRIPTION_KEY.
 */
export const suunto: ProviderModule = {
  definition: suuntoDefinition,
  factory: singleProviderFactory(
    suuntoDefinition,
    (config, deps) => new SuuntoClient(suuntoDefinition, config, deps, { subscriptionKey: process.env.PIERRE_SUUNTO_SUBSCRIPTION_KEY?.trim() || undefined }),
  ),
};
