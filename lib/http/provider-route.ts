import "server-only";
import { withErrorResponse } from "@/lib/errors";
import { getRegistry } from "@/lib/providers";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { ProviderDefinition } from "@/lib/providers/types";

export interface ProviderRouteContext {
  registry: ProviderRegistry;
  providerId: string;
  definition: ProviderDefinition;
}

/**
 * The one prologue of every `/api/providers/<id>/…` route: the id is read from the URL as sent (a
 * malformed percent-encoding is an unknown provider, not a crash), resolved in the registry (an
 * unknown one gets the seed's answer), and any error becomes its answer.
 */
export function providerRoute(handler: (request: Request, context: ProviderRouteContext) => Promise<Response>) {
  return withErrorResponse(async (request: Request) => {
    const registry = getRegistry();
    const segment = new URL(request.url).pathname.split("/")[3] ?? "";
    let providerId: string;
    try {
      providerId = decodeURIComponent(segment);
    } catch {
      throw registry.unsupportedError(segment);
    }
    const definition = registry.require(providerId);
    return handler(request, { registry, providerId, definition });
  });
}
