import { builtInProviders } from "../lib/providers/builtin";
import type { ProviderDefinition } from "../lib/providers/types";

/**
 * The providers the app under test registers, read from the same built-in list it registers them
 * from: no browser test names the roster.
 */
export const providers: readonly ProviderDefinition[] = builtInProviders.map((m) => m.definition);

export const providerIds = providers.map((p) => p.id);

/** The registry's answer for an unknown name, as every route and tool gives it. */
export const unsupported = (name: string) => `Provider '${name}' is not supported. Supported providers: ${providerIds.join(", ")}`;

/** Providers retired in favour of `successorId`. */
export const predecessorsOf = (successorId: string) => providers.filter((p) => p.retirement?.successor === successorId);
