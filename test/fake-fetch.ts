import { createProviderHttp, type ProviderHttp } from "@/lib/providers/http";
import type { FitnessProvider, ProviderConfig, ProviderDefinition, TokenSet } from "@/lib/providers/types";

/**
 * A fetch stand-in for unit tests of provider clients: below the HTTP line, so the client's own
 * URL building, headers, paging and error handling all run for real.
 */
export function fakeFetch(handler: (request: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request.clone());
    return handler(request);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    ...init,
    headers: { "content-type": "application/json", ...Object.fromEntries(new Headers(init.headers)) },
  });
}

/** The effective config a provider gets from its definition, pointed at a test host. */
export function testConfig(definition: ProviderDefinition, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    name: definition.id,
    ...definition.endpoints,
    defaultScopes: [...definition.defaultScopes],
    redirectUri: `http://localhost:3000/api/providers/${definition.id}/callback`,
    clientId: "test-client",
    clientSecret: "test-secret",
    ...overrides,
  };
}

/** A ProviderHttp over a fake fetch, with retries fast enough for unit tests. */
export function testHttp(definition: ProviderDefinition, fetchImpl: typeof fetch) {
  return createProviderHttp({
    providerId: `${definition.id}-test-${Math.random()}`,
    displayName: definition.displayName,
    rateLimitFromHeaders: definition.rateLimitFromHeaders,
    fetch: fetchImpl,
  });
}

/** A provider client over a fake fetch, holding the given tokens, plus the requests it made. */
export async function fakeClient<C extends FitnessProvider>(
  Client: new (definition: ProviderDefinition, config: ProviderConfig, dependencies: { http: ProviderHttp }) => C,
  definition: ProviderDefinition,
  config: ProviderConfig,
  handler: (request: Request) => Response | Promise<Response>,
  tokens: TokenSet | null = { accessToken: "test-access-token" },
): Promise<{ client: C; calls: Request[] }> {
  const fake = fakeFetch(handler);
  const client = new Client(definition, config, { http: testHttp(definition, fake.fetch) });
  if (tokens) await client.setCredentials(tokens);
  return { client, calls: fake.calls };
}
