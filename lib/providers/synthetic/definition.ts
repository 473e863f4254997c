import type { ProviderDefinition } from "../types";

export const syntheticDefinition = {
  id: "synthetic",
  displayName: "Synthetic",
  description: "Generated demo workouts — a realistic year of training, the same every time for your account.",
  brandColor: "#64748B",
  connection: "none",
  endpoints: {},
  defaultScopes: [],
  dataTypes: ["activities"],
  // Generated data: ranks last whenever a real source recorded the same workout.
  sourceKind: "demo",
  requiresCredentials: false,
} satisfies ProviderDefinition;
