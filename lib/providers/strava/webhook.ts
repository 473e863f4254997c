import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idField } from "../normalize-kit";
import type { ProviderConfig, ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, handshakeAnswer, jsonBody, sameSecret, tryJsonBody } from "../webhook-kit";

/**
 * Strava's push subscription (one per app, developers.strava.com/docs/webhooks): created through
 * the API, confirmed by a GET `hub.challenge` echoed back, then POSTed events that name an object
 * and what happened to it. Events are not signed; each one only says which activity to fetch (or
 * which athlete left), and the subscription id they echo is all a delivery can be checked by.
 */
const event = z.object({
  object_type: z.string(),
  object_id: idField,
  aspect_type: z.string(),
  owner_id: idField,
  subscription_id: idField,
  event_time: z.number(),
  updates: z.record(z.string(), z.unknown()).nullish(),
});

const subscriptionEcho = z.object({ subscription_id: idField });
const created = z.object({ id: idField });
const subscriptions = z.array(z.object({ id: idField, callback_url: z.string() }));

function subscriptionsUrl(config: ProviderConfig): string {
  if (!config.apiBaseUrl) throw new AppError("provider_not_configured", "Strava has no API base URL configured.");
  return `${config.apiBaseUrl.replace(/\/+$/, "")}/push_subscriptions`;
}

export const stravaWebhook: ProviderWebhook = {
  authenticity: "none",
  requiredSettings: ["webhookVerifyToken"],

  handshake(request, config) {
    if (request.method !== "GET" || request.url.searchParams.get("hub.mode") !== "subscribe") return null;
    if (!sameSecret(config.settings?.webhookVerifyToken, request.url.searchParams.get("hub.verify_token"))) {
      return handshakeAnswer({ success: false, error: "The verify token does not match PIERRE_STRAVA_WEBHOOK_VERIFY_TOKEN." }, 403);
    }
    return handshakeAnswer({ "hub.challenge": request.url.searchParams.get("hub.challenge") ?? "" });
  },

  verify(request, _config, { subscriptionId }) {
    const echo = tryJsonBody(request, subscriptionEcho);
    if (!echo) return false;
    // Before the subscription is recorded here (made outside the app), any id is taken as a hint.
    return subscriptionId === null || echo.subscription_id === subscriptionId;
  },

  parse(request) {
    const body = jsonBody(request, event);
    const events: WebhookEvent[] = [];
    if (body.object_type === "activity") {
      if (body.aspect_type === "delete") events.push({ kind: "activity_deleted", providerUserId: body.owner_id, activityId: body.object_id });
      else events.push({ kind: "activity", providerUserId: body.owner_id, activityId: body.object_id, at: new Date(body.event_time * 1000) });
    } else if (body.object_type === "athlete" && String(body.updates?.authorized) === "false") {
      events.push({ kind: "deauthorized", providerUserId: body.owner_id });
    }
    return { deliveryId: bodyDigest(request.body), events };
  },

  async subscribe(config, callbackUrl, http) {
    const url = subscriptionsUrl(config);
    const credentials = { client_id: config.clientId ?? "", client_secret: config.clientSecret ?? "" };
    const { status, data } = await http.request(url, {
      method: "POST",
      body: new URLSearchParams({ ...credentials, callback_url: callbackUrl, verify_token: config.settings?.webhookVerifyToken ?? "" }),
      // An app has one subscription: a second create is refused, and the existing one is looked up.
      acceptStatuses: [400],
    });
    if (status !== 400) return { id: created.parse(data).id };
    const { data: list } = await http.request(url, { query: credentials });
    const existing = subscriptions.parse(list);
    const ours = existing.find((subscription) => subscription.callback_url === callbackUrl);
    if (ours) return { id: ours.id };
    if (existing.length > 0) {
      throw new AppError("provider_bad_response", `Strava already has this app's subscription, for another callback URL (${existing[0]!.callback_url}); delete it at Strava first.`);
    }
    throw new AppError("provider_bad_response", "Strava refused the subscription: its check of the callback URL failed.");
  },
};
