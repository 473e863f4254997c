import { remainingAndResetHeaders } from "../rate-limit";
import type { ProviderDefinition } from "../types";

export const whoopDefinition = {
  id: "whoop",
  displayName: "WHOOP",
  description: "Workouts, strain and heart rate from the WHOOP strap.",
  brandColor: "#1A1A1A",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://api.prod.whoop.com/oauth/oauth2/auth",
    tokenUrl: "https://api.prod.whoop.com/oauth/oauth2/token",
    apiBaseUrl: "https://api.prod.whoop.com/developer",
    revokeUrl: "https://api.prod.whoop.com/developer/v2/user/access",
  },
  // Without `offline` WHOOP issues no refresh token and the connection dies after an hour.
  defaultScopes: ["offline", "read:workout", "read:profile"],
  oauth: {
    scopeSeparator: " ",
    pkce: false,
    clientAuth: "client_secret_post",
    // Each refresh revokes the previous refresh token.
    rotatesRefreshToken: true,
    issuesRefreshToken: true,
    refreshParams: { scope: "offline" },
  },
  dataTypes: ["activities", "recovery", "sleep"],
  developerPortalUrl: "https://developer-dashboard.whoop.com/",
  requiresCredentials: true,
  // IETF RateLimit-draft headers; Remaining and Reset (seconds) describe the tightest window.
  rateLimitFromHeaders: remainingAndResetHeaders("x-ratelimit-remaining", "x-ratelimit-reset"),
} satisfies ProviderDefinition;
