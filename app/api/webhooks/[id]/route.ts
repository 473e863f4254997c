import { providerRoute } from "@/lib/http/provider-route";
import { receiveWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

/** Provider push notifications: checked against the provider's signature, queued, answered at once. */
export const POST = providerRoute((request, { registry, providerId }) => receiveWebhook(registry, providerId, request));

/** The URL checks some providers make when a subscription is created (Strava's hub.challenge). */
export const GET = providerRoute((request, { registry, providerId }) => receiveWebhook(registry, providerId, request));
