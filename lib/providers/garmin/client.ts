import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { mergeBatches, normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete } from "../types";
import { normalizeGarminActivity } from "./normalize";

/** Pulls are windowed by upload time, at most 24 hours per request. */
const WINDOW_SECONDS = 86_400;

export class GarminClient extends BaseFitnessProvider {
  /** Garmin has no profile name; the user id is all there is. */
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("wellness-api/rest/user/id"), { headers: this.bearer() });
    const { userId } = z.object({ userId: z.union([z.string(), z.number()]).transform(String) }).parse(data);
    return { id: userId, name: null };
  }

  async fetchActivities(window: { after: Date; before: Date }): Promise<ActivityBatch> {
    const batches: ActivityBatch[] = [];
    const end = Math.ceil(window.before.getTime() / 1000);
    for (let start = Math.floor(window.after.getTime() / 1000); start < end; start += WINDOW_SECONDS) {
      const { data } = await this.http.request(this.apiUrl("wellness-api/rest/activities"), {
        headers: this.bearer(),
        query: { uploadStartTimeInSeconds: start, uploadEndTimeInSeconds: Math.min(start + WINDOW_SECONDS, end) },
      });
      if (!Array.isArray(data)) throw new AppError("provider_bad_response", "Garmin sent an activity list that is not a list.");
      batches.push(normalizeBatch(data, normalizeGarminActivity));
    }
    // An activity re-uploaded in two windows appears twice; keep one.
    const merged = mergeBatches(batches);
    const seen = new Set<string>();
    merged.activities = merged.activities.filter((a) => !seen.has(a.providerActivityId) && seen.add(a.providerActivityId));
    return merged;
  }

  /** Deleting the registration is Garmin's disconnect; it has no RFC 7009 revoke. */
  async revoke(): Promise<void> {
    if (!this.config.revokeUrl) return;
    await this.http.request(this.config.revokeUrl, { method: "DELETE", headers: this.bearer() });
  }
}
