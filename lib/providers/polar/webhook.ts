import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, handshakeAnswer, hmacSha256, jsonBody, sameSecret } from "../webhook-kit";

/**
 * AccessLink webhooks (polar.com/accesslink-api, "Accesslink webhooks"): one per client, created
 * with POST /v3/webhooks and client credentials. Polar answers that call with a signature secret
 * key shown only once (PIERRE_POLAR_WEBHOOK_SECRET); every payload after it carries
 * Polar-Webhook-Signature, the hex HMAC-SHA256 of the raw body with that key. The event type is
 * also in the Polar-Webhook-Event header.
 */
const exercise = z.object({
  event: z.string(),
  user_id: idField,
  entity_id: idField.nullish(),
  timestamp: z.string().nullish(),
});

export const polarWebhook: ProviderWebhook = {
  authenticity: "signature",
  requiredSettings: ["webhookSecret"],

  // Polar PINGs the URL while the webhook is being created, before the key exists here to check it.
  handshake(request) {
    if (request.method !== "POST" || request.headers.get("polar-webhook-event") !== "PING") return null;
    return handshakeAnswer({ success: true });
  },

  verify(request, config) {
    const secret = config.settings?.webhookSecret;
    return Boolean(secret) && sameSecret(hmacSha256(secret!, request.body, "hex"), request.headers.get("polar-webhook-signature")?.toLowerCase());
  },

  parse(request) {
    const body = jsonBody(request, exercise);
    const events: WebhookEvent[] = [];
    // EXERCISE announces a new training session; the other events are sleep and daily data.
    if (body.event === "EXERCISE" && body.entity_id) events.push({ kind: "activity", providerUserId: body.user_id, activityId: body.entity_id });
    return { deliveryId: bodyDigest(request.body), events };
  },
};
