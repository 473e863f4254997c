import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, jsonBody, sameSecret } from "../webhook-kit";
import { normalizeCorosWorkout } from "./normalize";

/**
 * COROS's data push (API Reference V2.x, as quoted by integrators; see the shared coros.md): new
 * workouts are POSTed as a `sportDataList` of the same records the sport list serves, each naming
 * its user by openId. There is no HMAC: the request carries the app's own client id and secret in
 * plain `client` and `secret` headers, and COROS expects its result code back.
 */
const push = z.object({ sportDataList: z.array(z.looseObject({ openId: idField, labelId: idField })) });

export const corosWebhook: ProviderWebhook = {
  authenticity: "shared-secret",

  verify(request, config) {
    return sameSecret(config.clientId, request.headers.get("client")) && sameSecret(config.clientSecret, request.headers.get("secret"));
  },

  parse(request) {
    const body = jsonBody(request, push);
    const events: WebhookEvent[] = body.sportDataList.map((record) => {
      let activity: ReturnType<typeof normalizeCorosWorkout> | undefined;
      try {
        activity = normalizeCorosWorkout(record);
      } catch {
        // A record it cannot read is pulled by its day instead.
        activity = undefined;
      }
      const at = typeof record.startTime === "number" ? new Date(record.startTime * 1000) : undefined;
      return { kind: "activity", providerUserId: record.openId, activityId: record.labelId, activity, at };
    });
    return { deliveryId: bodyDigest(request.body), events };
  },

  acknowledge() {
    return Response.json({ result: "0000", message: "OK" });
  },
};
