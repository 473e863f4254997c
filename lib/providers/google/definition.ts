import { siGoogle } from "simple-icons";
import type { ProviderDefinition } from "../types";

/** Every Google Health API scope is a URL under this prefix. */
export const GOOGLE_HEALTH_SCOPE_PREFIX = "https://www.googleapis.com/auth/googlehealth.";

export const googleDefinition = {
  id: "google",
  displayName: "Google Health",
  description: "Exercise sessions from Fitbit trackers, Pixel Watch and apps through the Google Health API.",
  brandColor: "#4285F4",
  logo: { svgPath: siGoogle.path, source: "simple-icons" },
  connection: "oauth2",
  endpoints: {
    authUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    apiBaseUrl: "https://health.googleapis.com/v4",
    // Google's revocation endpoint takes the token as a form field; revoking the refresh token also
    // ends every access token issued from it.
    revokeUrl: "https://oauth2.googleapis.com/revoke",
  },
  // The exercise list needs `activity_and_fitness`; `users/me/identity` accepts any read scope, so
  // nothing else is asked for (every Google Health scope is "restricted" and goes through review).
  // Only the `.readonly` names are used: they are the ones stable across Google's scope renamings.
  defaultScopes: [`${GOOGLE_HEALTH_SCOPE_PREFIX}activity_and_fitness.readonly`],
  oauth: {
    scopeSeparator: " ",
    // Google's authorization server supports S256; the Health API does not require it for web
    // clients (unconfirmed either way), and sending it is harmless.
    pkce: true,
    clientAuth: "client_secret_post",
    // Google issues a refresh token only with `access_type=offline`, and only when the consent screen
    // is shown: `prompt=consent` forces it on every (re)connect so a lost refresh token comes back.
    authorizeParams: { access_type: "offline", prompt: "consent" },
    // The token response names no user (and a refresh usually returns no new refresh token, which the
    // shared client already keeps); the client reads users/me/identity.
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://developers.google.com/health/setup",
  // An all-day wearable platform: its sessions rank after sport watches, which measure more.
  sourceKind: "wearable",
  // 300 requests a minute for each person. The project-wide quotas (120,000 a minute, 86.4 million a
  // day) are far beyond what one app's users reach, so a 429 is one person's.
  requestLimits: [{ scope: "user", requests: 300, perSeconds: 60 }],
  requiresCredentials: true,
  // No rateLimitFromHeaders: Google documents no rate-limit headers; a 429 is still handled by the
  // shared HTTP client.
} satisfies ProviderDefinition;
