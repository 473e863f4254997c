import { z } from "zod";
import { BaseFitnessProvider } from "../base";
import { mergeBatches, normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete } from "../types";
import { normalizeFitbitActivity } from "./normalize";

const PAGE_SIZE = 100; // Fitbit's maximum
const MAX_PAGES = 200;

const page = z.object({
  activities: z.array(z.unknown()),
  pagination: z.object({ next: z.string().nullish() }).partial().nullish(),
});

const profile = z.object({
  user: z.object({ encodedId: z.string(), displayName: z.string().nullish(), fullName: z.string().nullish() }),
});

export class FitbitClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("1/user/-/profile.json"), { headers: this.bearer() });
    const { user } = profile.parse(data);
    return { id: user.encodedId, name: user.fullName || user.displayName || null };
  }

  /**
   * `afterDate` is read in the user's profile time zone, so the query starts a day early and the
   * window is applied to each activity's instant. Pages follow `pagination.next` (offset stays 0).
   */
  async fetchActivities(window: { after: Date; before: Date }): Promise<ActivityBatch> {
    const dayEarly = new Date(window.after.getTime() - 86_400_000);
    let url: URL | undefined = this.apiUrl("1/user/-/activities/list.json");
    let query: Record<string, string | number> | undefined = {
      afterDate: dayEarly.toISOString().slice(0, 10),
      sort: "asc",
      offset: 0,
      limit: PAGE_SIZE,
    };
    const batches: ActivityBatch[] = [];
    for (let pages = 0; url && pages < MAX_PAGES; pages++) {
      const { data } = await this.http.request(url, { headers: this.bearer(), query });
      const parsed = page.parse(data);
      const batch = normalizeBatch(parsed.activities, normalizeFitbitActivity);
      // Sorted ascending: once a page ends past the window, later pages can only be later still.
      const passedWindow = (batch.activities.at(-1)?.startTime ?? window.after) >= window.before;
      batch.activities = batch.activities.filter((a) => a.startTime >= window.after && a.startTime < window.before);
      batches.push(batch);
      const next = parsed.pagination?.next;
      url = next && !passedWindow ? new URL(next) : undefined;
      query = undefined; // `next` is a complete URL
    }
    return mergeBatches(batches);
  }

  /** RFC 7009: revoking one token revokes all of this user's tokens for our app. */
  async revoke(): Promise<void> {
    if (!this.config.revokeUrl || !this.config.clientId || !this.config.clientSecret) return;
    const basic = Buffer.from(`${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(this.config.clientSecret)}`).toString("base64");
    await this.http.request(this.config.revokeUrl, {
      method: "POST",
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({ token: this.requireTokens().accessToken }),
    });
  }
}
