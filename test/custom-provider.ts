import { BaseFitnessProvider, singleProviderFactory } from "@/lib/providers/base";
import type { ActivityBatch, Athlete, ProviderDefinition, ProviderModule } from "@/lib/providers/types";

/**
 * The README's worked example of a custom provider, as tests use it: a definition and a tiny client,
 * registered exactly like a built-in one.
 */
export const acmeDefinition = {
  id: "acme",
  displayName: "Acme Fitness",
  description: "A custom provider registered by a test.",
  brandColor: "#7c3aed",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://auth.acme.example/authorize",
    tokenUrl: "https://auth.acme.example/token",
    apiBaseUrl: "https://api.acme.example/v1",
  },
  defaultScopes: ["workouts:read"],
  oauth: { scopeSeparator: " ", pkce: true, clientAuth: "client_secret_basic" },
  dataTypes: ["activities"],
  sourceKind: "device",
  requiresCredentials: true,
} satisfies ProviderDefinition;

class AcmeClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    return { id: "acme-1", name: "Acme athlete" };
  }
  async *streamActivities(): AsyncGenerator<ActivityBatch> {
    yield { activities: [], skipped: 0, problems: [] };
  }
}

export const acme: ProviderModule = {
  definition: acmeDefinition,
  factory: singleProviderFactory(acmeDefinition, (config, deps) => new AcmeClient(acmeDefinition, config, deps)),
};
