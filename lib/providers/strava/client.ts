import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, NormalizedActivity, StreamRequest } from "../types";
import { normalizeStravaActivity } from "./normalize";
import { normalizeStravaStreams, stravaStreamKeys } from "./streams";

const PAGE_SIZE = 200; // Strava's maximum per_page
/** A loop guard only: a page shorter than `per_page` ends the list. */
const MAX_PAGES = 5_000;

const athleteSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  username: z.string().nullish(),
});

export class StravaClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("athlete"), { headers: this.bearer() });
    const athlete = athleteSchema.parse(data);
    const name = [athlete.firstname, athlete.lastname].filter(Boolean).join(" ") || athlete.username || null;
    return { id: athlete.id, name };
  }

  /** `/athlete/activities` is a bare array per page; a short page is the last one. */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("athlete/activities"), {
        headers: this.bearer(),
        query: {
          after: Math.floor(window.after.getTime() / 1000),
          before: Math.ceil(window.before.getTime() / 1000),
          page,
          per_page: PAGE_SIZE,
        },
      });
      if (!Array.isArray(data)) throw new AppError("provider_bad_response", "Strava sent an activity list that is not a list.");
      yield normalizeBatch(data, normalizeStravaActivity);
      if (data.length < PAGE_SIZE) break;
    }
  }

  /** `/activities/{id}` (a DetailedActivity) for a webhook that names it; 404 when it is gone or not this athlete's to read. */
  async fetchActivity(providerActivityId: string): Promise<NormalizedActivity | null> {
    const { status, data } = await this.http.request(this.apiUrl(`activities/${encodeURIComponent(providerActivityId)}`), {
      headers: this.bearer(),
      acceptStatuses: [404],
    });
    return status === 404 ? null : normalizeStravaActivity(data);
  }

  /** `/activities/{id}/streams` keyed by type; a manual entry has none (404), its summary map may still draw a route. */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const { status, data } = await this.http.request(this.apiUrl(`activities/${encodeURIComponent(activity.providerActivityId)}/streams`), {
      headers: this.bearer(),
      query: { keys: stravaStreamKeys.join(","), key_by_type: true },
      acceptStatuses: [404],
    });
    return normalizeStravaStreams(status === 404 ? null : data, activity.raw);
  }

  /** Deauthorize invalidates every token of this athlete for our app. */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    await this.http.request(url, {
      method: "POST",
      headers: this.bearer(),
      body: new URLSearchParams({ access_token: this.requireTokens().accessToken }),
    });
  }
}
