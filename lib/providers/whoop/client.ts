import { z } from "zod";
import { BaseFitnessProvider } from "../base";
import { mergeBatches, normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete } from "../types";
import { normalizeWhoopWorkout } from "./normalize";

const PAGE_SIZE = 25; // WHOOP's maximum
const MAX_PAGES = 400;

const collection = z.object({ records: z.array(z.unknown()), next_token: z.string().nullish() });
const profile = z.object({
  user_id: z.union([z.number(), z.string()]).transform(String),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

export class WhoopClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("v2/user/profile/basic"), { headers: this.bearer() });
    const user = profile.parse(data);
    return { id: user.user_id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || null };
  }

  /** Pages by cursor: the query takes `nextToken`, the answer names it `next_token`. */
  async fetchActivities(window: { after: Date; before: Date }): Promise<ActivityBatch> {
    const batches: ActivityBatch[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("v2/activity/workout"), {
        headers: this.bearer(),
        query: { start: window.after.toISOString(), end: window.before.toISOString(), limit: PAGE_SIZE, nextToken },
      });
      const parsed = collection.parse(data);
      batches.push(normalizeBatch(parsed.records, normalizeWhoopWorkout));
      nextToken = parsed.next_token ?? undefined;
      if (!nextToken) break;
    }
    return mergeBatches(batches);
  }

  /** Revokes this user's grant (and their webhooks). */
  async revoke(): Promise<void> {
    if (!this.config.revokeUrl) return;
    await this.http.request(this.config.revokeUrl, { method: "DELETE", headers: this.bearer() });
  }
}
