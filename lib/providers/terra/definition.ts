import { remainingAndResetHeaders } from "../rate-limit";
import type { ProviderDefinition } from "../types";

/**
 * Terra is an aggregator with no OAuth redirect of its own: a hosted widget session connects the
 * person to one of Terra's providers, and every call is signed with the app's `dev-id` (client id)
 * and `x-api-key` (client secret).
 */
export const terraDefinition = {
  id: "terra",
  displayName: "Terra",
  description: "Wearables connected through Terra's widget (Garmin, Oura, Suunto, Wahoo and more).",
  brandColor: "#4F46E5",
  connection: "hosted",
  endpoints: {
    authUrl: "https://access.tryterra.co/api/v2/auth/generateWidgetSession",
    apiBaseUrl: "https://access.tryterra.co/api/v2",
    revokeUrl: "https://access.tryterra.co/api/v2/auth/deauthenticateUser",
  },
  // Scopes are chosen per provider in Terra's dashboard.
  defaultScopes: [],
  dataTypes: ["activities", "sleep", "daily", "body"],
  developerPortalUrl: "https://dashboard.tryterra.co/",
  // Relays device data from many brands: ranked after direct device makers.
  sourceKind: "aggregator",
  requiresCredentials: true,
  settings: [
    {
      key: "webhookSecret",
      envSuffix: "WEBHOOK_SECRET",
      label: "Webhook signing secret (Terra dashboard: Connections → Destinations → Webhook)",
      secret: true,
      required: false,
    },
  ],
  rateLimitFromHeaders: remainingAndResetHeaders("x-terra-ratelimit-remaining", "x-terra-ratelimit-reset-after"),
} satisfies ProviderDefinition;
