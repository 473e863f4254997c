import { siStrava } from "simple-icons";
import type { ProviderDefinition, RateLimitState } from "../types";

/**
 * Strava limits reads per application in two windows (15 minutes, resetting on the quarter hour,
 * and a UTC day). Headers read "<15min>,<daily>"; GETs count against the X-ReadRateLimit pair.
 */
function stravaRateLimit(headers: Headers): RateLimitState | undefined {
  const limit = (headers.get("x-readratelimit-limit") ?? headers.get("x-ratelimit-limit"))?.split(",").map(Number);
  const usage = (headers.get("x-readratelimit-usage") ?? headers.get("x-ratelimit-usage"))?.split(",").map(Number);
  if (!limit || !usage || limit.length < 2 || usage.length < 2 || [...limit, ...usage].some(Number.isNaN)) return undefined;
  const shortLeft = limit[0]! - usage[0]!;
  const dailyLeft = limit[1]! - usage[1]!;
  const now = new Date();
  if (dailyLeft <= 0) {
    return { remaining: 0, resetAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)) };
  }
  const quarter = new Date(now);
  quarter.setUTCMinutes(Math.floor(now.getUTCMinutes() / 15) * 15 + 15, 0, 0);
  return { remaining: Math.min(shortLeft, dailyLeft), resetAt: quarter };
}

export const stravaDefinition = {
  id: "strava",
  displayName: "Strava",
  description: "Runs, rides and swims recorded or uploaded to Strava.",
  brandColor: "#FC4C02",
  logo: { svgPath: siStrava.path, source: "simple-icons" },
  connection: "oauth2",
  endpoints: {
    authUrl: "https://www.strava.com/oauth/authorize",
    tokenUrl: "https://www.strava.com/oauth/token",
    apiBaseUrl: "https://www.strava.com/api/v3",
    revokeUrl: "https://www.strava.com/oauth/deauthorize",
  },
  defaultScopes: ["read", "activity:read_all"],
  oauth: {
    scopeSeparator: ",",
    pkce: false,
    clientAuth: "client_secret_post",
    authorizeParams: { approval_prompt: "auto" },
    accountIdFromTokenResponse: (body) => {
      const athlete = body.athlete as { id?: unknown } | undefined;
      return athlete?.id === undefined ? undefined : String(athlete.id);
    },
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://www.strava.com/settings/api",
  // Mostly re-uploads from watches and head units: its copies rank after the device makers'.
  sourceKind: "platform",
  // Read limits (the tighter pair): 100 per 15 minutes and 1,000 per day for the whole app.
  requestLimits: [
    // Quarter hours starting at :00, :15, :30 and :45, and UTC days.
    { scope: "app", requests: 100, perSeconds: 900, window: "clock" },
    { scope: "app", requests: 1000, perSeconds: 86_400, window: "clock" },
  ],
  requiresCredentials: true,
  settings: [
    {
      key: "webhookVerifyToken",
      envSuffix: "WEBHOOK_VERIFY_TOKEN",
      label: "Push subscription verify token (any secret string; Strava echoes it when the subscription is created)",
      secret: true,
      required: false,
    },
  ],
  activityUrl: (id) => `https://www.strava.com/activities/${id}`,
  rateLimitFromHeaders: stravaRateLimit,
} satisfies ProviderDefinition;
