import { z } from "zod";
import { idField } from "../normalize-kit";
import type { ProviderWebhook, WebhookEvent } from "../types";
import { bodyDigest, hmacSha256, jsonBody, sameSecret } from "../webhook-kit";
import { normalizeTerraActivity } from "./normalize";

/**
 * Terra's webhook destination (docs.tryterra.co, "Webhooks" and "Event Types"): every event is a
 * `{ type, user, … }` object, and data events carry the normalised records themselves. Deliveries
 * are signed with the destination's signing secret: `terra-signature: t=<unix>,v1=<hex>` where v1
 * is the HMAC-SHA256 of `<t>.<raw body>` (the header may list more than one v1).
 */
const DELETED = 4;

const terraEvent = z.object({
  type: z.string(),
  user: z.object({ user_id: idField }).nullish(),
  data: z.array(z.unknown()).nullish(),
});

const record = z.object({ metadata: z.object({ summary_id: idField, upload_type: z.number().int().nullish() }) });

function signatureParts(header: string | null): { timestamp?: string; signatures: string[] } {
  const parts = (header ?? "").split(",").map((part) => part.trim().split("="));
  return {
    timestamp: parts.find(([key]) => key === "t")?.[1],
    signatures: parts.filter(([key, value]) => key === "v1" && value).map(([, value]) => value!.toLowerCase()),
  };
}

export const terraWebhook: ProviderWebhook = {
  authenticity: "signature",
  requiredSettings: ["webhookSecret"],

  verify(request, config) {
    const secret = config.settings?.webhookSecret;
    const { timestamp, signatures } = signatureParts(request.headers.get("terra-signature"));
    if (!secret || !timestamp) return false;
    const expected = hmacSha256(secret, `${timestamp}.${request.body}`, "hex");
    return signatures.some((signature) => sameSecret(expected, signature));
  },

  parse(request) {
    const body = jsonBody(request, terraEvent);
    const events: WebhookEvent[] = [];
    const providerUserId = body.user?.user_id;
    if (providerUserId && body.type === "activity") {
      for (const item of body.data ?? []) {
        const summary = record.safeParse(item);
        // A record Terra sent without its id cannot be matched to anything: it is left out.
        if (!summary.success) continue;
        const activityId = summary.data.metadata.summary_id;
        if (summary.data.metadata.upload_type === DELETED) {
          events.push({ kind: "activity_deleted", providerUserId, activityId });
          continue;
        }
        let activity: ReturnType<typeof normalizeTerraActivity> = null;
        try {
          activity = normalizeTerraActivity(item);
        } catch {
          activity = null;
        }
        // Signed, so the record is stored as it came; one it cannot read is fetched by its day instead.
        events.push(activity ? { kind: "activity", providerUserId, activityId, activity } : { kind: "activity", providerUserId, activityId });
      }
    }
    // `deauth`: the person disconnected through Terra; `access_revoked`: at the wearable's own end.
    if (providerUserId && (body.type === "deauth" || body.type === "access_revoked")) events.push({ kind: "deauthorized", providerUserId });
    return { deliveryId: bodyDigest(request.body), events };
  },
};
