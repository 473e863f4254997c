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
    // Not RFC 7009: a DELETE with the user's bearer token revokes the grant (and stops its webhooks).
    revokeUrl: "https://api.prod.whoop.com/developer/v2/user/access",
  },
  // `offline` is what makes WHOOP issue a refresh token; without it the connection dies with the
  // one-hour access token.
  defaultScopes: ["offline", "read:workout", "read:profile"],
  oauth: {
    scopeSeparator: " ",
    // WHOOP documents the plain confidential code flow; PKCE is neither required nor documented.
    pkce: false,
    clientAuth: "client_secret_post",
    // WHOOP's refresh grant asks for `scope=offline` again (RFC 6749 makes scope optional there) so the
    // renewed grant keeps issuing refresh tokens.
    refreshParams: { scope: "offline" },
    // The token response names no user; the client reads /v2/user/profile/basic.
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://developer.whoop.com/",
  // An all-day wearable: its workout records rank after sport watches, which measure more.
  sourceKind: "wearable",
  // 100 requests a minute and 10,000 a day for the whole app.
  requestLimits: [
    { scope: "app", requests: 100, perSeconds: 60 },
    { scope: "app", requests: 10_000, perSeconds: 86_400 },
  ],
  requiresCredentials: true,
  // 100/minute and 10,000/day per app; Remaining and Reset (seconds) describe whichever window is
  // closest to running out.
  rateLimitFromHeaders: remainingAndResetHeaders("x-ratelimit-remaining", "x-ratelimit-reset"),
  // The strap opens a workout only once heart rate has stayed up for several minutes and closes it
  // when it has settled, so an auto-detected record starts up to ~12 min after the watch's and ends
  // minutes early or late.
  detection: { startLagSeconds: 12 * 60, endLagSeconds: 10 * 60 },
} satisfies ProviderDefinition;
