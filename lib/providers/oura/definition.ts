import type { ProviderDefinition } from "../types";

export const ouraDefinition = {
  id: "oura",
  displayName: "Oura",
  description: "Workouts detected or logged with the Oura Ring.",
  brandColor: "#2F3A4F",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://cloud.ouraring.com/oauth/authorize",
    tokenUrl: "https://api.ouraring.com/oauth/token",
    apiBaseUrl: "https://api.ouraring.com",
    // Not RFC 7009: the access token goes in the query string (see OuraClient.revoke).
    revokeUrl: "https://api.ouraring.com/oauth/revoke",
  },
  // `workout` reads the workout list, `heartrate` the ring's heart rate during a workout (its
  // streams); `personal_info` answers with the user's id under any scope.
  defaultScopes: ["workout", "heartrate"],
  oauth: {
    scopeSeparator: " ",
    // Oura documents no PKCE.
    pkce: false,
    clientAuth: "client_secret_post",
    // Refresh tokens are single-use: every refresh returns a new one, which the shared client stores.
    // The token response names no user; the client reads /v2/usercollection/personal_info.
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://cloud.ouraring.com/oauth/applications",
  // An all-day wearable: its workouts rank after sport watches, which measure more.
  sourceKind: "wearable",
  // Oura limits per token and per app but no longer publishes numbers; its older docs said 5,000
  // requests per 5 minutes. Unconfirmed, so it is counted app-wide, the cautious reading.
  requestLimits: [{ scope: "app", requests: 5000, perSeconds: 300 }],
  requiresCredentials: true,
  settings: [
    {
      key: "webhookVerifyToken",
      envSuffix: "WEBHOOK_VERIFY_TOKEN",
      label: "Webhook verification token (any secret string; Oura sends it back when a subscription is made)",
      secret: true,
      required: false,
    },
  ],
  // No rateLimitFromHeaders: Oura sends X-RateLimit-* only on a 429 and never a remaining count,
  // and that 429 carries Retry-After, which the shared HTTP client honours.
} satisfies ProviderDefinition;
