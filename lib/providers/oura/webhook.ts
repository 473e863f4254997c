import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ProviderConfig, ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, handshakeAnswer, hmacSha256, jsonBody, sameSecret } from "../webhook-kit";

/**
 * Oura's webhook subscriptions (API v2, "Webhook Subscription Routes"): one per event type and data
 * type, made through the API with the app's client id and secret in headers. Oura confirms the
 * callback with a GET carrying the verification token and a challenge to echo; events then name
 * the changed document, which is fetched. Each event is signed with the client secret:
 * x-oura-signature is the upper-case hex HMAC-SHA256 of the x-oura-timestamp value followed by the body.
 */
const EVENT_TYPES = ["create", "update", "delete"] as const;

const notification = z.object({
  event_type: z.string(),
  data_type: z.string(),
  object_id: z.string().min(1),
  event_time: z.string().nullish(),
  user_id: z.string().min(1),
});

const subscription = z.looseObject({ id: z.string(), callback_url: z.string(), event_type: z.string(), data_type: z.string() });
const subscriptionList = z.union([z.array(subscription), z.object({ data: z.array(subscription) }).transform((page) => page.data)]);

function subscriptionUrl(config: ProviderConfig, id?: string): string {
  if (!config.apiBaseUrl) throw new AppError("provider_not_configured", "Oura has no API base URL configured.");
  return `${config.apiBaseUrl.replace(/\/+$/, "")}/v2/webhook/subscription${id ? `/${encodeURIComponent(id)}` : ""}`;
}

export const ouraWebhook: ProviderWebhook = {
  authenticity: "signature",
  requiredSettings: ["webhookVerifyToken"],

  handshake(request, config) {
    if (request.method !== "GET" || !request.url.searchParams.has("challenge")) return null;
    if (!sameSecret(config.settings?.webhookVerifyToken, request.url.searchParams.get("verification_token"))) {
      return handshakeAnswer({ success: false, error: "The verification token does not match PIERRE_OURA_WEBHOOK_VERIFY_TOKEN." }, 403);
    }
    return handshakeAnswer({ challenge: request.url.searchParams.get("challenge") });
  },

  verify(request, config) {
    const timestamp = request.headers.get("x-oura-timestamp");
    if (!config.clientSecret || !timestamp) return false;
    return sameSecret(hmacSha256(config.clientSecret, timestamp + request.body, "hex").toUpperCase(), request.headers.get("x-oura-signature")?.toUpperCase());
  },

  parse(request) {
    const body = jsonBody(request, notification);
    const events: WebhookEvent[] = [];
    if (body.data_type === "workout") {
      if (body.event_type === "delete") events.push({ kind: "activity_deleted", providerUserId: body.user_id, activityId: body.object_id });
      else events.push({ kind: "activity", providerUserId: body.user_id, activityId: body.object_id });
    }
    return { deliveryId: bodyDigest(request.body), events };
  },

  /** A subscription for each of create, update and delete of workouts, pointed at this app (kept when one already is). */
  async subscribe(config, callbackUrl, http) {
    const headers = { "x-client-id": config.clientId ?? "", "x-client-secret": config.clientSecret ?? "" };
    const { data } = await http.request(subscriptionUrl(config), { headers });
    const existing = subscriptionList.parse(data).filter((s) => s.data_type === "workout");
    const ids: string[] = [];
    for (const eventType of EVENT_TYPES) {
      const body = { callback_url: callbackUrl, verification_token: config.settings?.webhookVerifyToken ?? "", event_type: eventType, data_type: "workout" };
      const current = existing.find((s) => s.event_type === eventType);
      if (current?.callback_url === callbackUrl) {
        ids.push(current.id);
        continue;
      }
      const answer = await http.request(subscriptionUrl(config, current?.id), { method: current ? "PUT" : "POST", headers, body });
      ids.push(subscription.parse(answer.data).id);
    }
    return { id: ids.join(",") };
  },
};
