import { coros } from "./coros";
import { fitbit } from "./fitbit";
import { garmin } from "./garmin";
import { google } from "./google";
import { oura } from "./oura";
import { polar } from "./polar";
import { strava } from "./strava";
import { suunto } from "./suunto";
import { synthetic } from "./synthetic";
import { terra } from "./terra";
import type { ProviderModule } from "./types";
import { wahoo } from "./wahoo";
import { whoop } from "./whoop";

/**
 * The built-in providers, in registration order. Adding a provider is its folder plus one line here
 * (`npm run provider:new <id>` writes both; see README "Adding a provider"); nothing else in the app
 * names a provider.
 */
export const builtInProviders: readonly ProviderModule[] = [
  strava,
  garmin,
  fitbit,
  whoop,
  coros,
  terra,
  polar,
  synthetic,
  google,
  oura,
  suunto,
  wahoo,
];
