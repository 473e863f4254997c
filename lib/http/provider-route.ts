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
export function providerRoute(handler: (request: Request, context: ProviderRouteContext) => Promise<Response>, options: { segment?: number } = {}) {
  return withErrorResponse(async (request: Request) => {
    const registry = getRegistry();
    // `/api/providers/<id>/…` and `/api/webhooks/<id>` by default; deeper routes say where the id is.
    const segment = new URL(request.url).pathname.split("/")[options.segment ?? 3] ?? "";
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
