import fs from "node:fs";
import path from "node:path";
import type { ProviderConfig, WebhookRequest } from "@/lib/providers/types";
import { fixturesDirOf } from "./fixtures";

/** A delivery as the receiver hands it to a provider's webhook: the raw body kept as sent. */
export function webhookRequest(body: string, headers: Record<string, string> = {}, options: { method?: string; query?: Record<string, string> } = {}): WebhookRequest {
  const url = new URL("https://pierre.example.com/api/webhooks/test");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  return { method: options.method ?? "POST", url, headers: new Headers(headers), body };
}

/** A room's sample as its raw text: signatures are computed over these exact bytes. */
export function fixtureText(provider: string, name: string): string {
  return fs.readFileSync(path.join(fixturesDirOf(provider), name), "utf8");
}

/** An effective configuration with the credentials and settings a webhook reads. */
export function webhookConfig(name: string, values: { clientId?: string; clientSecret?: string; settings?: Record<string, string> } = {}): ProviderConfig {
  return { name, defaultScopes: [], redirectUri: `https://pierre.example.com/api/providers/${name}/callback`, ...values };
}
