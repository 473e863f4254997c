import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, jsonBody, sameSecret, tryJsonBody } from "../webhook-kit";
import { normalizeWahooWorkout, wahooWorkoutFromWebhook } from "./normalize";

/**
 * Wahoo's `workout_summary` webhook (Cloud API docs, "Webhooks"), set up in the developer portal
 * with a callback URL and a webhook token, sent for users who granted `offline_data` when a
 * workout's summary is created or updated. It carries the summary with its workout inside, and
 * proves itself only by echoing the portal's webhook token in the body (no HMAC).
 */
const envelope = z.looseObject({
  event_type: z.string(),
  webhook_token: z.string().nullish(),
  user: z.object({ id: idField }).nullish(),
});

const tokenOnly = z.looseObject({ webhook_token: z.string().nullish() });

export const wahooWebhook: ProviderWebhook = {
  authenticity: "shared-secret",
  requiredSettings: ["webhookToken"],

  verify(request, config) {
    return sameSecret(config.settings?.webhookToken, tryJsonBody(request, tokenOnly)?.webhook_token);
  },

  parse(request) {
    const body = jsonBody(request, envelope);
    const events: WebhookEvent[] = [];
    const providerUserId = body.user?.id;
    if (body.event_type === "workout_summary" && providerUserId) {
      const workout = wahooWorkoutFromWebhook(body);
      const activity = normalizeWahooWorkout(workout);
      // A planned entry that was never ridden is no workout; Wahoo still reports its summary.
      if (activity) events.push({ kind: "activity", providerUserId, activityId: activity.providerActivityId, activity });
    }
    return { deliveryId: bodyDigest(request.body), events };
  },
};
