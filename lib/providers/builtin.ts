import { coros } from "./coros";
import { fitbit } from "./fitbit";
import { garmin } from "./garmin";
import { polar } from "./polar";
import { strava } from "./strava";
import { synthetic } from "./synthetic";
import { terra } from "./terra";
import { whoop } from "./whoop";
import type { ProviderModule } from "./types";

/**
 * The built-in providers, in registration order. Adding a provider is its folder plus one line here
 * (see README "Adding a provider"); nothing else in the app names a provider.
 */
export const builtInProviders: readonly ProviderModule[] = [strava, garmin, fitbit, whoop, coros, terra, polar, synthetic];
