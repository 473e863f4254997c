import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, hmacSha256, jsonBody, sameSecret } from "../webhook-kit";

/**
 * WHOOP's v2 webhooks (developer.whoop.com/docs/developing/webhooks), set up with the app's webhook
 * URL in the developer dashboard. A delivery names a record and what happened to it; the workout
 * itself is fetched. Each one is signed with the app's client secret: X-WHOOP-Signature is the
 * base64 HMAC-SHA256 of the X-WHOOP-Signature-Timestamp header's value followed by the raw body.
 */
const notification = z.object({
  user_id: idField,
  // v2 ids are UUIDs; the docs' example still shows a v1 integer.
  id: idField,
  type: z.string(),
  trace_id: z.string().nullish(),
});

export const whoopWebhook: ProviderWebhook = {
  authenticity: "signature",

  verify(request, config) {
    const timestamp = request.headers.get("x-whoop-signature-timestamp");
    if (!config.clientSecret || !timestamp) return false;
    return sameSecret(hmacSha256(config.clientSecret, timestamp + request.body, "base64"), request.headers.get("x-whoop-signature"));
  },

  parse(request) {
    const body = jsonBody(request, notification);
    const events: WebhookEvent[] = [];
    // `workout.updated` also announces a new workout; sleep and recovery are not workouts.
    if (body.type === "workout.updated") events.push({ kind: "activity", providerUserId: body.user_id, activityId: body.id });
    if (body.type === "workout.deleted") events.push({ kind: "activity_deleted", providerUserId: body.user_id, activityId: body.id });
    return { deliveryId: body.trace_id ? `${body.trace_id}:${body.type}:${body.id}` : bodyDigest(request.body), events };
  },
};
