import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, StreamRequest } from "../types";
import { normalizeGarminActivity } from "./normalize";
import { normalizeGarminDetails } from "./streams";

/** Garmin serves at most 24 h of uploads per request (longer ranges are refused). */
const WINDOW_SECONDS = 86_400;

const userIdSchema = z.object({ userId: z.union([z.string().min(1), z.number()]).transform(String) });
const permissionsSchema = z.array(z.string());

export class GarminClient extends BaseFitnessProvider {
  /** Garmin has no profile endpoint with a name; the user id is all there is. */
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("wellness-api/rest/user/id"), { headers: this.bearer() });
    return { id: userIdSchema.parse(data).userId, name: null };
  }

  /**
   * Whether the person still shares their activities: a withdrawn permission leaves the token
   * working, so the user's permissions are asked for (`/user/permissions`, a list of names).
   */
  async checkAccess(): Promise<boolean> {
    const { data } = await this.http.request(this.apiUrl("wellness-api/rest/user/permissions"), { headers: this.bearer() });
    return permissionsSchema.parse(data).includes("ACTIVITY_EXPORT");
  }

  /**
   * Garmin has no paging: summaries are pulled by *upload* time in windows of at most 24 h, each a
   * bare array. The window is not narrowed to start times: a watch synced days later uploads an
   * activity that started before `after`, and dropping it here would lose it for good.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    // Whether a window's end is inclusive is not documented, so an upload on a boundary may come twice.
    const seen = new Set<string>();
    const end = Math.ceil(window.before.getTime() / 1000);
    for (let start = Math.floor(window.after.getTime() / 1000); start < end; start += WINDOW_SECONDS) {
      const { data } = await this.http.request(this.apiUrl("wellness-api/rest/activities"), {
        headers: this.bearer(),
        query: { uploadStartTimeInSeconds: start, uploadEndTimeInSeconds: Math.min(start + WINDOW_SECONDS, end) },
      });
      if (!Array.isArray(data)) throw new AppError("provider_bad_response", "Garmin sent an activity list that is not a list.");
      const batch = normalizeBatch(data, normalizeGarminActivity);
      batch.activities = batch.activities.filter((a) => !seen.has(a.providerActivityId) && seen.add(a.providerActivityId));
      yield batch;
    }
  }

  /**
   * Activity Details are pulled by upload time like summaries: the upload follows the end of the
   * activity, so the 24-hour windows from its start are searched, for at most three days.
   */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const start = Math.floor(activity.startTime.getTime() / 1000);
    const now = Math.ceil(Date.now() / 1000);
    for (let from = start; from < Math.min(start + 3 * WINDOW_SECONDS, now); from += WINDOW_SECONDS) {
      const { data } = await this.http.request(this.apiUrl("wellness-api/rest/activityDetails"), {
        headers: this.bearer(),
        query: { uploadStartTimeInSeconds: from, uploadEndTimeInSeconds: Math.min(from + WINDOW_SECONDS, now) },
      });
      const streams = normalizeGarminDetails(data, activity.providerActivityId);
      if (streams) return streams;
    }
    return null;
  }

  /** Deleting the user registration ends Garmin's access grant and its notifications (there is no RFC 7009 revoke). */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    await this.http.request(url, { method: "DELETE", headers: this.bearer() });
  }
}
