import type { ProviderDefinition } from "../types";

export const garminDefinition = {
  id: "garmin",
  displayName: "Garmin",
  description: "Workouts from Garmin watches and bike computers via Garmin Connect.",
  brandColor: "#007CC3",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://connect.garmin.com/oauth2Confirm",
    tokenUrl: "https://diauth.garmin.com/di-oauth2-service/oauth/token",
    apiBaseUrl: "https://apis.garmin.com",
    revokeUrl: "https://apis.garmin.com/wellness-api/rest/user/registration",
  },
  // Garmin's scopes are chosen per app at registration, not per request.
  defaultScopes: [],
  oauth: {
    scopeSeparator: " ",
    pkce: true,
    clientAuth: "client_secret_post",
    // Every refresh returns a new refresh token; the old one is spent.
    rotatesRefreshToken: true,
    issuesRefreshToken: true,
    omitScope: true,
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://developerportal.garmin.com/",
  requiresCredentials: true,
  activityUrl: (id) => (/^\d+$/.test(id) ? `https://connect.garmin.com/modern/activity/${id}` : undefined),
} satisfies ProviderDefinition;
