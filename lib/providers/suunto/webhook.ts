import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, hmacSha256, jsonBody, sameSecret } from "../webhook-kit";

/**
 * Suunto's notifications, configured in API Zone (see the shared suunto.md): a WORKOUT_CREATED
 * event names the user by username and includes the workout, whose key is then read from the API
 * (the stored record is the API's own, not the notification's partial copy: a fresh workout may
 * still lack its stop time). Each request is signed with the notification secret:
 * X-HMAC-SHA256-Signature is the hex HMAC-SHA256 of the raw body. Suunto waits 2 seconds for the answer.
 */
const notification = z.object({
  type: z.string(),
  username: z.string().min(1),
  workout: z.looseObject({ workoutKey: idField.nullish(), startTime: z.number().nullish() }).nullish(),
});

export const suuntoWebhook: ProviderWebhook = {
  authenticity: "signature",
  requiredSettings: ["webhookSecret"],

  verify(request, config) {
    const secret = config.settings?.webhookSecret;
    return Boolean(secret) && sameSecret(hmacSha256(secret!, request.body, "hex"), request.headers.get("x-hmac-sha256-signature")?.toLowerCase());
  },

  parse(request) {
    const body = jsonBody(request, notification);
    const events: WebhookEvent[] = [];
    const workoutKey = body.workout?.workoutKey;
    if (body.type === "WORKOUT_CREATED" && workoutKey) {
      const at = typeof body.workout?.startTime === "number" ? new Date(body.workout.startTime) : undefined;
      events.push({ kind: "activity", providerUserId: body.username, activityId: workoutKey, at });
    }
    return { deliveryId: bodyDigest(request.body), events };
  },
};
