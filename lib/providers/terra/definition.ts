import type { ProviderDefinition, RateLimitState } from "../types";

function terraRateLimit(headers: Headers): RateLimitState | undefined {
  const remaining = Number(headers.get("x-terra-ratelimit-remaining"));
  if (!headers.has("x-terra-ratelimit-remaining") || Number.isNaN(remaining)) return undefined;
  const resetAfter = Number(headers.get("x-terra-ratelimit-reset-after"));
  return { remaining, resetAt: Number.isNaN(resetAfter) ? undefined : new Date(Date.now() + resetAfter * 1000) };
}

/**
 * Terra is an aggregator with no OAuth redirect of its own: a hosted widget session connects the
 * person to one of Terra's providers, and every call is signed with the app's `dev-id` (client id)
 * and `x-api-key` (client secret).
 */
export const terraDefinition = {
  id: "terra",
  displayName: "Terra",
  description: "Wearables connected through Terra's widget (Garmin, Oura, Suunto, Wahoo and more).",
  brandColor: "#4F46E5",
  connection: "hosted",
  endpoints: {
    authUrl: "https://access.tryterra.co/api/v2/auth/generateWidgetSession",
    apiBaseUrl: "https://access.tryterra.co/api/v2",
    revokeUrl: "https://access.tryterra.co/api/v2/auth/deauthenticateUser",
  },
  // Scopes are chosen per provider in Terra's dashboard.
  defaultScopes: [],
  dataTypes: ["activities", "sleep", "daily", "body"],
  developerPortalUrl: "https://dashboard.tryterra.co/",
  requiresCredentials: true,
  rateLimitFromHeaders: terraRateLimit,
} satisfies ProviderDefinition;
