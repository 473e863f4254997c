import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, jsonBody, sameSecret } from "../webhook-kit";

/**
 * Garmin's Health API notifications (Health API spec, "Ping Service" and "Push Service"), one
 * endpoint per summary type configured in Garmin's Endpoint Configuration tool; this app takes
 * them all at one URL, keyed by the summary type the body names. A ping carries a callback URL
 * with the upload window to pull; a push carries the summaries themselves. Garmin signs nothing:
 * a delivery only names its app in the `garmin-client-id` header, so every notice is a hint, and
 * the app pulls the announced upload window through its own API calls (never the callback URL).
 */
const DAY_MS = 86_400_000;
/** Garmin keeps retrying a notice it could not deliver for up to a week ("On Hold" queues 7 days). */
const OLDEST_UPLOAD_MS = 8 * DAY_MS;
const ACTIVITY_EXPORT = "ACTIVITY_EXPORT";

const activityNotice = z.looseObject({
  userId: idField,
  callbackURL: z.string().nullish(),
  startTimeInSeconds: z.number().nullish(),
});

const notification = z.object({
  activities: z.array(activityNotice).nullish(),
  manuallyUpdatedActivities: z.array(activityNotice).nullish(),
  deregistrations: z.array(z.looseObject({ userId: idField })).nullish(),
  userPermissionsChange: z.array(z.looseObject({ userId: idField, permissions: z.array(z.string()).nullish() })).nullish(),
});

/** The upload window a ping's callback URL names, if it names one. */
function pingWindow(callbackUrl: string): { after: Date; before: Date } | undefined {
  if (!URL.canParse(callbackUrl)) return undefined;
  const query = new URL(callbackUrl).searchParams;
  const start = Number(query.get("uploadStartTimeInSeconds"));
  const end = Number(query.get("uploadEndTimeInSeconds"));
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start <= 0) return undefined;
  // Whether the end is inclusive is not documented: a second more covers it either way.
  return { after: new Date(start * 1000), before: new Date((end + 1) * 1000) };
}

export const garminWebhook: ProviderWebhook = {
  authenticity: "none",

  verify(request, config) {
    return sameSecret(config.clientId, request.headers.get("garmin-client-id"));
  },

  parse(request) {
    const body = jsonBody(request, notification);
    const received = Date.now();
    const events: WebhookEvent[] = [];
    const pushedSince = new Map<string, number>();
    for (const notice of [...(body.activities ?? []), ...(body.manuallyUpdatedActivities ?? [])]) {
      const window = notice.callbackURL ? pingWindow(notice.callbackURL) : undefined;
      if (window) {
        events.push({ kind: "changed", providerUserId: notice.userId, window });
        continue;
      }
      // A pushed summary was uploaded after it started and before it was sent: pulls go by upload time.
      const started = notice.startTimeInSeconds ? notice.startTimeInSeconds * 1000 : received - DAY_MS;
      const since = Math.max(Math.min(started, received), received - OLDEST_UPLOAD_MS);
      pushedSince.set(notice.userId, Math.min(pushedSince.get(notice.userId) ?? since, since));
    }
    for (const [providerUserId, since] of pushedSince) {
      events.push({ kind: "changed", providerUserId, window: { after: new Date(since), before: new Date(received + 60_000) } });
    }
    for (const { userId } of body.deregistrations ?? []) events.push({ kind: "deauthorized", providerUserId: userId });
    for (const change of body.userPermissionsChange ?? []) {
      // Without ACTIVITY_EXPORT no workout is shared any more, although the token still works.
      if (!(change.permissions ?? []).includes(ACTIVITY_EXPORT)) events.push({ kind: "deauthorized", providerUserId: change.userId });
      else events.push({ kind: "changed", providerUserId: change.userId });
    }
    return { deliveryId: bodyDigest(request.body), events };
  },
};
