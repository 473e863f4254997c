import type { ProviderDefinition, RateLimitState } from "../types";

/** RateLimit-Usage / -Limit / -Reset, each "short,long" (reset in seconds). */
function polarRateLimit(headers: Headers): RateLimitState | undefined {
  const usage = headers.get("ratelimit-usage")?.split(",").map(Number);
  const limit = headers.get("ratelimit-limit")?.split(",").map(Number);
  const reset = headers.get("ratelimit-reset")?.split(",").map(Number);
  if (!usage || !limit || usage.length < 2 || limit.length < 2 || [...usage, ...limit].some(Number.isNaN)) return undefined;
  const shortLeft = limit[0]! - usage[0]!;
  const longLeft = limit[1]! - usage[1]!;
  const tight = longLeft <= 0 ? 1 : 0;
  const seconds = reset?.[tight];
  return { remaining: Math.min(shortLeft, longLeft), resetAt: seconds !== undefined && !Number.isNaN(seconds) ? new Date(Date.now() + seconds * 1000) : undefined };
}

export const polarDefinition = {
  id: "polar",
  displayName: "Polar",
  description: "Training sessions from Polar watches via Polar Flow (AccessLink).",
  brandColor: "#D10027",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://flow.polar.com/oauth2/authorization",
    tokenUrl: "https://polarremote.com/v2/oauth2/token",
    apiBaseUrl: "https://www.polaraccesslink.com/v3",
    // DELETE <revokeUrl>/<polar user id> deregisters the user and revokes the token.
    revokeUrl: "https://www.polaraccesslink.com/v3/users",
  },
  defaultScopes: ["accesslink.read_all"],
  oauth: {
    scopeSeparator: " ",
    pkce: false,
    clientAuth: "client_secret_basic",
    accountIdFromTokenResponse: (body) => (body.x_user_id === undefined ? undefined : String(body.x_user_id)),
  },
  dataTypes: ["activities", "sleep", "heart_rate"],
  developerPortalUrl: "https://admin.polaraccesslink.com/",
  sourceKind: "device",
  // AccessLink lists exercises uploaded in the last 30 days, and none from before the person registered.
  historyDays: 30,
  // The base of Polar's per-client limits (they grow with the number of registered users).
  requestLimits: [
    // Each window starts at the first request after the previous one ended.
    { scope: "app", requests: 500, perSeconds: 900, window: "first-request" },
    { scope: "app", requests: 5000, perSeconds: 86_400, window: "first-request" },
  ],
  requiresCredentials: true,
  settings: [
    {
      key: "webhookSecret",
      envSuffix: "WEBHOOK_SECRET",
      label: "Webhook signature secret key (returned once by POST /v3/webhooks)",
      secret: true,
      required: false,
    },
  ],
  rateLimitFromHeaders: polarRateLimit,
} satisfies ProviderDefinition;
