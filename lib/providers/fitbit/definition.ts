import { remainingAndResetHeaders } from "../rate-limit";
import type { ProviderDefinition } from "../types";

export const fitbitDefinition = {
  id: "fitbit",
  displayName: "Fitbit",
  description: "Exercise logs from Fitbit trackers and Pixel Watch.",
  brandColor: "#00B0B9",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://www.fitbit.com/oauth2/authorize",
    tokenUrl: "https://api.fitbit.com/oauth2/token",
    apiBaseUrl: "https://api.fitbit.com",
    revokeUrl: "https://api.fitbit.com/oauth2/revoke",
  },
  defaultScopes: ["activity", "heartrate", "profile"],
  oauth: {
    scopeSeparator: " ",
    pkce: true,
    clientAuth: "client_secret_basic",
    // Refresh tokens are single use: every refresh returns a new pair.
    rotatesRefreshToken: true,
    issuesRefreshToken: true,
    accountIdFromTokenResponse: (body) => (typeof body.user_id === "string" ? body.user_id : undefined),
  },
  dataTypes: ["activities", "heart_rate"],
  developerPortalUrl: "https://dev.fitbit.com/apps",
  requiresCredentials: true,
  // 150 requests per user per hour; the reset header counts seconds to the top of the hour.
  rateLimitFromHeaders: remainingAndResetHeaders("fitbit-rate-limit-remaining", "fitbit-rate-limit-reset"),
} satisfies ProviderDefinition;
