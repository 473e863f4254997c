import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, NormalizedActivity, StreamRequest } from "../types";
import { normalizePolarExercise } from "./normalize";
import { normalizePolarStreams } from "./streams";

const user = z.object({
  "polar-user-id": z.union([z.number(), z.string()]).transform(String),
  "first-name": z.string().nullish(),
  "last-name": z.string().nullish(),
});

export class PolarClient extends BaseFitnessProvider {
  private polarUserId(): string {
    const id = this.requireTokens().providerUserId;
    if (!id) throw new AppError("needs_reconnect", "Polar did not tell us which account this is. Reconnect Polar.");
    return id;
  }

  /** Data is only available for registered users (and only what is uploaded after registering). */
  async onConnected({ userId }: { userId: string }): Promise<void> {
    await this.http.request(this.apiUrl("users"), {
      method: "POST",
      headers: this.bearer(),
      body: { "member-id": userId },
      // 409: already registered to us, e.g. when reconnecting.
      acceptStatuses: [409],
    });
  }

  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl(`users/${encodeURIComponent(this.polarUserId())}`), { headers: this.bearer() });
    const profile = user.parse(data);
    return { id: profile["polar-user-id"], name: [profile["first-name"], profile["last-name"]].filter(Boolean).join(" ") || null };
  }

  /** `/exercises` lists what was uploaded in the last 30 days, unpaged and unfiltered. */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const { data } = await this.http.request(this.apiUrl("exercises"), { headers: this.bearer() });
    if (!Array.isArray(data)) throw new AppError("provider_bad_response", "Polar sent an exercise list that is not a list.");
    const batch = normalizeBatch(data, normalizePolarExercise);
    batch.activities = batch.activities.filter((a) => a.startTime >= window.after && a.startTime < window.before);
    yield batch;
  }

  /** One exercise, for a webhook that names it; 404 once Polar no longer keeps it. */
  async fetchActivity(providerActivityId: string): Promise<NormalizedActivity | null> {
    const { status, data } = await this.http.request(this.apiUrl(`exercises/${encodeURIComponent(providerActivityId)}`), {
      headers: this.bearer(),
      acceptStatuses: [404],
    });
    return status === 404 ? null : normalizePolarExercise(data);
  }

  /** One exercise with its samples and route; Polar keeps exercises for 30 days (404 after). */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const { status, data } = await this.http.request(this.apiUrl(`exercises/${encodeURIComponent(activity.providerActivityId)}`), {
      headers: this.bearer(),
      query: { samples: true, route: true },
      acceptStatuses: [404],
    });
    return status === 404 ? null : normalizePolarStreams(data);
  }

  /** Deleting the user is Polar's revoke. */
  async revoke(): Promise<void> {
    if (!this.config.revokeUrl) return;
    await this.http.request(`${this.config.revokeUrl.replace(/\/+$/, "")}/${encodeURIComponent(this.polarUserId())}`, {
      method: "DELETE",
      headers: this.bearer(),
    });
  }
}
