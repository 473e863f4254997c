import { siGarmin } from "simple-icons";
import type { ProviderDefinition } from "../types";

export const garminDefinition = {
  id: "garmin",
  displayName: "Garmin",
  description: "Workouts from Garmin watches and bike computers via Garmin Connect.",
  brandColor: "#007CC3",
  logo: { svgPath: siGarmin.path, source: "simple-icons" },
  connection: "oauth2",
  endpoints: {
    authUrl: "https://connect.garmin.com/oauth2Confirm",
    tokenUrl: "https://diauth.garmin.com/di-oauth2-service/oauth/token",
    apiBaseUrl: "https://apis.garmin.com",
    // Garmin has no RFC 7009 revocation endpoint: deleting the user's registration is its disconnect.
    revokeUrl: "https://apis.garmin.com/wellness-api/rest/user/registration",
  },
  // Garmin scopes are chosen per app when it is registered, not per authorization request.
  defaultScopes: [],
  oauth: {
    // Never joined: there is no scope parameter (see omitScope).
    scopeSeparator: " ",
    // PKCE (S256) is mandatory for Garmin's OAuth 2.0 apps, even for confidential clients.
    pkce: true,
    clientAuth: "client_secret_post",
    // Garmin's authorize endpoint takes no `scope`; the user picks data permissions on the consent page.
    omitScope: true,
    // The token response names no user (RFC 6749 does not require it); the client reads /user/id.
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://developerportal.garmin.com/",
  sourceKind: "device",
  // Health API spec v1.2.3: a user's history reaches one month back from the first connection.
  historyDays: 30,
  requiresCredentials: true,
  // Only Garmin Connect activity ids (numeric) have a page; a summaryId fallback does not.
  activityUrl: (id) => (/^\d+$/.test(id) ? `https://connect.garmin.com/modern/activity/${id}` : undefined),
  // No rateLimitFromHeaders: Garmin documents no rate-limit headers. A 429 with Retry-After is
  // still honoured by the shared HTTP client.
} satisfies ProviderDefinition;
