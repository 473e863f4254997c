import type { WebhookView } from "@/lib/admin/webhooks";
import { SubscribeButton } from "./subscribe-button";

const authenticityText: Record<WebhookView["authenticity"], string> = {
  signature: "Signed by the provider; each delivery is checked",
  "shared-secret": "Carries a shared secret; each delivery is checked",
  none: "Unsigned; each event is confirmed with the provider's API",
};

/** Each provider's webhook: the URL to give it, what it needs, the subscription, what has arrived. */
export function WebhookTable({ webhooks }: { webhooks: WebhookView[] }) {
  return (
    <section aria-labelledby="webhooks-heading" className="mt-10">
      <h2 id="webhooks-heading" className="text-xl font-semibold">
        Webhooks
      </h2>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Providers push new and changed workouts to these URLs, so they reach the feed within seconds. Give each URL to the provider in its
        developer portal (or create the subscription here, for providers that take it through their API). Secrets are shown only as set or
        missing.
      </p>
      <ul aria-label="Webhooks" className="mt-4 space-y-3">
        {webhooks.map((hook) => (
          <li key={hook.provider} className="card space-y-1 text-sm" data-webhook={hook.provider}>
            <p className="font-semibold">{hook.displayName}</p>
            <p>
              <code className="break-all text-xs">{hook.url}</code>
            </p>
            <p className="text-slate-600">{authenticityText[hook.authenticity]}</p>
            {hook.settings.map((setting) => (
              <p key={setting.variable}>
                <code className="text-xs">{setting.variable}</code>:{" "}
                <span className={setting.set ? "text-emerald-800" : "text-amber-900"}>{setting.set ? "set" : "missing"}</span>
              </p>
            ))}
            {hook.subscription.canSubscribe && (
              <div className="flex flex-wrap items-center gap-3">
                <span data-testid="subscription-state">
                  Subscription:{" "}
                  {hook.subscription.status === "active"
                    ? `active (id ${hook.subscription.id})`
                    : hook.subscription.status === "failed"
                      ? `failed: ${hook.subscription.error}`
                      : "none yet"}
                </span>
                <SubscribeButton provider={hook.provider} displayName={hook.displayName} again={hook.subscription.status === "active"} />
              </div>
            )}
            <p className="text-slate-600">
              {hook.lastDeliveryAt ? `Last delivery ${new Date(hook.lastDeliveryAt).toUTCString()}; ${hook.deliveriesLastDay} in the last 24 hours.` : "No delivery received yet."}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
