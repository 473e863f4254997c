import type { ProviderDefinition } from "../types";

export const suuntoDefinition = {
  id: "suunto",
  displayName: "Suunto",
  description: "Workouts from Suunto watches via the Suunto app (partner API).",
  brandColor: "#1B1B1B",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://cloudapi-oauth.suunto.com/oauth/authorize",
    tokenUrl: "https://cloudapi-oauth.suunto.com/oauth/token",
    apiBaseUrl: "https://cloudapi.suunto.com",
    // Not RFC 7009: a GET with the user's bearer token and our client_id ends the grant.
    revokeUrl: "https://cloudapi-oauth.suunto.com/oauth/deauthorize",
  },
  // Suunto takes no scope on the authorize URL; its tokens carry `scope: "workout"` by themselves.
  defaultScopes: [],
  oauth: {
    // Never joined: there is no scope parameter (see omitScope).
    scopeSeparator: " ",
    // Suunto documents no PKCE.
    pkce: false,
    clientAuth: "client_secret_basic",
    omitScope: true,
    // Beyond RFC 6749, the token response names the account: `user` is the Suunto username, the same
    // name webhook notifications identify the user by. A refresh answer leaves it out.
    accountIdFromTokenResponse: (body) => (typeof body.user === "string" && body.user.trim() ? body.user.trim() : undefined),
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://apizone.suunto.com/",
  sourceKind: "device",
  requiresCredentials: true,
  // Suunto's API sits behind Azure API Management: every call also carries the partner's
  // subscription key, so without it the provider cannot be used at all.
  settings: [
    { key: "subscriptionKey", envSuffix: "SUBSCRIPTION_KEY", label: "API Zone subscription key (Ocp-Apim-Subscription-Key)", secret: true, required: true },
    { key: "webhookSecret", envSuffix: "WEBHOOK_SECRET", label: "Notification secret (API Zone), signing X-HMAC-SHA256-Signature", secret: true, required: false },
  ],
  // No requestLimits or rateLimitFromHeaders: Suunto publishes no rate limits or headers; a 429
  // with Retry-After is still honoured by the shared HTTP client.
} satisfies ProviderDefinition;
