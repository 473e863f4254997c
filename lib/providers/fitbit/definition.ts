import { siFitbit } from "simple-icons";
import { remainingAndResetHeaders } from "../rate-limit";
import type { ProviderDefinition } from "../types";

export const fitbitDefinition = {
  id: "fitbit",
  displayName: "Fitbit",
  description: "Exercise logs from Fitbit trackers and Pixel Watch.",
  brandColor: "#00B0B9",
  logo: { svgPath: siFitbit.path, source: "simple-icons" },
  connection: "oauth2",
  endpoints: {
    authUrl: "https://www.fitbit.com/oauth2/authorize",
    tokenUrl: "https://api.fitbit.com/oauth2/token",
    apiBaseUrl: "https://api.fitbit.com",
    // RFC 7009; revoking one token revokes every token of this user for the app.
    revokeUrl: "https://api.fitbit.com/oauth2/revoke",
  },
  // `activity` reads the exercise log; `heartrate` its heart-rate figures; `profile` the name.
  defaultScopes: ["activity", "heartrate", "profile"],
  oauth: {
    scopeSeparator: " ",
    // Fitbit recommends PKCE (S256) even for confidential clients that also send a secret.
    pkce: true,
    clientAuth: "client_secret_basic",
    // Beyond RFC 6749, the token response names the account: `user_id` is the encoded Fitbit user id.
    accountIdFromTokenResponse: (body) => (typeof body.user_id === "string" && body.user_id ? body.user_id : undefined),
  },
  dataTypes: ["activities", "heart_rate"],
  developerPortalUrl: "https://dev.fitbit.com/apps",
  // An all-day wearable: its workout records rank after sport watches, which measure more.
  sourceKind: "wearable",
  // 150 requests an hour for each person.
  requestLimits: [{ scope: "user", requests: 150, perSeconds: 3600, window: "clock" }],
  requiresCredentials: true,
  // 150 requests per user per hour; Fitbit-Rate-Limit-Reset counts seconds until the quota resets
  // (near the top of the hour), not a timestamp.
  rateLimitFromHeaders: remainingAndResetHeaders("fitbit-rate-limit-remaining", "fitbit-rate-limit-reset"),
  // SmartTrack logs an exercise after minutes of sustained movement and stops at the first long
  // break: detected records start up to ~12 min late, end minutes off, and a long hike can arrive
  // as two walks.
  detection: { startLagSeconds: 12 * 60, endLagSeconds: 10 * 60 },
  // Fitbit tokens cannot be carried over to the Google Health API: each person consents again
  // there, and the Fitbit connection is retired once they have.
  retirement: {
    since: "2026-11-02",
    reason: "Google turned off the Fitbit Web API on 2 November 2026; Fitbit data now comes through the Google Health API.",
    successor: "google",
  },
} satisfies ProviderDefinition;
