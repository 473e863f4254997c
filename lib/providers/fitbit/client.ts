import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete } from "../types";
import { normalizeFitbitActivity } from "./normalize";

const PAGE_SIZE = 100; // Fitbit's maximum `limit`
/** A loop guard only: Fitbit's own 150 requests an hour end a long backfill first. */
const MAX_PAGES = 5_000;
const DAY_MS = 86_400_000;

const listPage = z.object({
  activities: z.array(z.unknown()),
  pagination: z.object({ next: z.string().nullish() }).nullish(),
});

const profileSchema = z.object({
  user: z.object({ encodedId: z.string().min(1), displayName: z.string().nullish(), fullName: z.string().nullish() }),
});

/**
 * RFC 6749 §2.3.1: client credentials are form-encoded before they are joined for HTTP Basic. The
 * shared OAuth client sends them to the token endpoint this way, so revoke authenticates the same.
 */
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*\-._~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

export class FitbitClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("1/user/-/profile.json"), { headers: this.bearer() });
    const { user } = profileSchema.parse(data);
    return { id: user.encodedId, name: user.fullName?.trim() || user.displayName?.trim() || null };
  }

  /**
   * `afterDate` is wall-clock time in the user's profile time zone, so the query starts a day early
   * (covering any offset) and each entry is kept by its instant. Only `offset=0` is accepted: later
   * pages come from `pagination.next`, a complete URL, until it is "" or the list (ascending) has
   * passed `before`, since Fitbit takes no upper bound together with `afterDate`.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const afterDate = new Date(window.after.getTime() - DAY_MS).toISOString().slice(0, 19);
    let url: URL | undefined = this.apiUrl("1/user/-/activities/list.json");
    let query: Record<string, string | number> | undefined = { afterDate, sort: "asc", offset: 0, limit: PAGE_SIZE };
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const { data } = await this.http.request(url, { headers: this.bearer(), query });
      const parsed = listPage.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "Fitbit sent an activity list without activities.");
      const batch = normalizeBatch(parsed.data.activities, normalizeFitbitActivity);
      const last = batch.activities.at(-1);
      batch.activities = batch.activities.filter((a) => a.startTime >= window.after && a.startTime < window.before);
      yield batch;
      const next = parsed.data.pagination?.next;
      const nextUrl = next && !(last && last.startTime >= window.before) ? this.nextPageUrl(next) : undefined;
      if (nextUrl && url && nextUrl.href === url.href) throw new AppError("provider_bad_response", "Fitbit sent the same next page twice.");
      url = nextUrl;
      query = undefined;
    }
  }

  /** `next` comes from the response; the bearer token must not follow it to another host. */
  private nextPageUrl(next: string): URL {
    const base = this.apiUrl("");
    const url = new URL(next, base);
    if (url.origin !== base.origin) throw new AppError("provider_bad_response", "Fitbit pointed the next page at another host.");
    return url;
  }

  /**
   * RFC 7009 revocation, authenticated with the app's client credentials (not the user's bearer
   * token); revoking the access token revokes the refresh token and every session of this user.
   */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    const { clientId, clientSecret } = this.config;
    if (!clientId || !clientSecret) throw new AppError("provider_not_configured", "Fitbit has no client credentials to revoke access with.");
    const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString("base64");
    await this.http.request(url, {
      method: "POST",
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({ token: this.requireTokens().accessToken }),
    });
  }
}
