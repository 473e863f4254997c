import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete, NormalizedActivity } from "../types";
import { normalizeWhoopWorkout } from "./normalize";

const PAGE_SIZE = 25; // WHOOP's maximum `limit`
/** A loop guard only: ten years of daily workouts is about 150 pages. */
const MAX_PAGES = 20_000;

const workoutCollection = z.object({ records: z.array(z.unknown()), next_token: z.string().nullish() });

const profileSchema = z.object({
  user_id: z.union([z.number(), z.string().min(1)]).transform(String),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

export class WhoopClient extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("v2/user/profile/basic"), { headers: this.bearer() });
    const user = profileSchema.parse(data);
    return { id: user.user_id, name: [user.first_name, user.last_name].map((part) => part?.trim()).filter(Boolean).join(" ") || null };
  }

  /**
   * `start` is inclusive and `end` exclusive, exactly [after, before). Pages are cursor-based: the
   * answer's `next_token` goes back as the `nextToken` query parameter; no `next_token` ends the list.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("v2/activity/workout"), {
        headers: this.bearer(),
        query: { start: window.after.toISOString(), end: window.before.toISOString(), limit: PAGE_SIZE, nextToken },
      });
      const parsed = workoutCollection.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "WHOOP sent a workout list without records.");
      yield normalizeBatch(parsed.data.records, normalizeWhoopWorkout);
      const next = parsed.data.next_token || undefined;
      if (next && next === nextToken) throw new AppError("provider_bad_response", "WHOOP sent the same page cursor twice.");
      nextToken = next;
      if (!nextToken) break;
    }
  }

  /** One workout by its UUID, for a webhook that names it; 404 when it was deleted meanwhile. */
  async fetchActivity(providerActivityId: string): Promise<NormalizedActivity | null> {
    const { status, data } = await this.http.request(this.apiUrl(`v2/activity/workout/${encodeURIComponent(providerActivityId)}`), {
      headers: this.bearer(),
      acceptStatuses: [404],
    });
    return status === 404 ? null : normalizeWhoopWorkout(data);
  }

  /** Revokes this user's grant for our app (answered with 204). */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    await this.http.request(url, { method: "DELETE", headers: this.bearer() });
  }
}
