import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, NormalizedActivity, ProviderConfig, ProviderDefinition, ProviderDependencies, StreamRequest } from "../types";
import { normalizeOuraWorkout } from "./normalize";
import { heartRatePage, normalizeOuraHeartRate } from "./streams";

/** A loop guard only: a null next_token ends the list. */
const MAX_PAGES = 20_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const workoutPage = z.object({ data: z.array(z.unknown()), next_token: z.string().nullish() });
const personalInfo = z.object({ id: z.string().min(1) });

export interface OuraOptions {
  /**
   * How the revoke URL is called. The GET comes from a digest of Oura's auth docs; an open-source
   * integration POSTs to the same URL instead. Unconfirmed, so it can be switched.
   */
  revokeMethod?: "GET" | "POST";
}

const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

export class OuraClient extends BaseFitnessProvider {
  private readonly revokeMethod: "GET" | "POST";

  constructor(definition: ProviderDefinition, config: ProviderConfig, dependencies?: Partial<ProviderDependencies>, options: OuraOptions = {}) {
    super(definition, config, dependencies);
    this.revokeMethod = options.revokeMethod ?? "GET";
  }

  /** personal_info names no person (only ids and body figures), so the athlete has no name. */
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("v2/usercollection/personal_info"), { headers: this.bearer() });
    return { id: personalInfo.parse(data).id, name: null };
  }

  /** One workout document, for a webhook that names it; 404 when it was deleted meanwhile. */
  async fetchActivity(providerActivityId: string): Promise<NormalizedActivity | null> {
    const { status, data } = await this.http.request(this.apiUrl(`v2/usercollection/workout/${encodeURIComponent(providerActivityId)}`), {
      headers: this.bearer(),
      acceptStatuses: [404],
    });
    return status === 404 ? null : normalizeOuraWorkout(data);
  }

  /**
   * Workouts are filtered by their local calendar `day`, so the dates asked for reach a day before
   * `after` and two after `before` (whether `end_date` is inclusive is not documented) and each
   * workout is kept by its instant. The server sizes pages; `next_token` goes back until it is null.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const start_date = utcDay(window.after.getTime() - DAY_MS);
    const end_date = utcDay(window.before.getTime() + 2 * DAY_MS);
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("v2/usercollection/workout"), {
        headers: this.bearer(),
        query: { start_date, end_date, next_token: nextToken },
      });
      const parsed = workoutPage.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "Oura sent a workout list without data.");
      const batch = normalizeBatch(parsed.data.data, normalizeOuraWorkout);
      batch.activities = batch.activities.filter((a) => a.startTime >= window.after && a.startTime < window.before);
      yield batch;
      const next = parsed.data.next_token || undefined;
      if (next && next === nextToken) throw new AppError("provider_bad_response", "Oura sent the same page token twice.");
      nextToken = next;
      if (!nextToken) break;
    }
  }

  /**
   * The ring's heart rate during the workout (Oura keeps no route or pace for workouts):
   * `/v2/usercollection/heartrate` for the workout's start to end, a minute wider on each side
   * (whether `end_datetime` is inclusive is not documented), readings kept by their instant. Pages
   * go by `next_token` until it is null, like the workout list. A 403 is the `heartrate` scope
   * not granted (or a lapsed membership); workouts still sync, so it is said as such.
   */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const start = activity.startTime.getTime();
    const end = start + Math.max(activity.elapsedSeconds ?? 0, 60) * 1000;
    const isoSeconds = (instant: number) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, "Z");
    const query = { start_datetime: isoSeconds(start - MINUTE_MS), end_datetime: isoSeconds(end + MINUTE_MS) };
    const pages: unknown[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { status, data } = await this.http.request(this.apiUrl("v2/usercollection/heartrate"), {
        headers: this.bearer(),
        query: { ...query, next_token: nextToken },
        acceptStatuses: [403],
      });
      if (status === 403) {
        throw new AppError("needs_reconnect", "Oura does not share heart rate with Pierre (HTTP 403): reconnect Oura and allow heart rate, or check that the Oura membership is active.");
      }
      const parsed = heartRatePage.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "Oura sent a heart-rate list without data.");
      pages.push(parsed.data);
      const next = parsed.data.next_token || undefined;
      if (next && next === nextToken) throw new AppError("provider_bad_response", "Oura sent the same page token twice.");
      nextToken = next;
      if (!nextToken) break;
    }
    return normalizeOuraHeartRate(pages, { start, end });
  }

  /** Not RFC 7009: the access token goes in the query string, with no client authentication. */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    await this.http.request(url, { method: this.revokeMethod, query: { access_token: this.requireTokens().accessToken } });
  }
}
