import type { ProviderDefinition } from "../types";

export const wahooDefinition = {
  id: "wahoo",
  displayName: "Wahoo",
  description: "Rides and runs from Wahoo ELEMNT bike computers, KICKR trainers and SYSTM.",
  brandColor: "#0A7CFF",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://api.wahooligan.com/oauth/authorize",
    tokenUrl: "https://api.wahooligan.com/oauth/token",
    apiBaseUrl: "https://api.wahooligan.com",
    // Not RFC 7009: a DELETE with the user's bearer token revokes every token of the app for that user.
    revokeUrl: "https://api.wahooligan.com/v1/permissions",
  },
  // `offline_data` is what lets Wahoo send workout webhooks for the user.
  defaultScopes: ["user_read", "workouts_read", "offline_data"],
  oauth: {
    scopeSeparator: " ",
    // PKCE is offered for public apps; a confidential server app sends its secret instead.
    pkce: false,
    clientAuth: "client_secret_post",
    // Beyond RFC 6749, the token response names the account: `user_id` is the Wahoo user id.
    // Since 2026 an app may hold at most 10 unrevoked access tokens per user, so a reconnect should
    // revoke first; every refresh returns a new refresh token, which the shared client stores.
    accountIdFromTokenResponse: (body) => (body.user_id === undefined || body.user_id === null || body.user_id === "" ? undefined : String(body.user_id)),
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://developers.wahooligan.com/",
  sourceKind: "device",
  // A production app's limits; a sandbox app has 25 per 5 minutes, 100 an hour and 250 a day.
  requestLimits: [
    { scope: "app", requests: 200, perSeconds: 300 },
    { scope: "app", requests: 1000, perSeconds: 3600 },
    { scope: "app", requests: 5000, perSeconds: 86_400 },
  ],
  requiresCredentials: true,
  settings: [
    {
      key: "webhookToken",
      envSuffix: "WEBHOOK_TOKEN",
      label: "Webhook token (developer portal), echoed in every workout_summary delivery",
      secret: true,
      required: false,
    },
  ],
  // No rateLimitFromHeaders: Wahoo's header names are not verified; a 429 is handled by the shared
  // HTTP client.
} satisfies ProviderDefinition;
