import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete, ProviderConfig, ProviderDefinition, ProviderDependencies } from "../types";
import { normalizeGoogleExercise } from "./normalize";

const PAGE_SIZE = 25; // the maximum pageSize for `exercise` (larger values are truncated to it)
/** A loop guard only: an empty nextPageToken ends the list. */
const MAX_PAGES = 20_000;
/** Local offsets run from UTC−12:00 to UTC+14:00: a day either side of the window covers them all. */
const CIVIL_MARGIN_MS = 86_400_000;

/**
 * Which start time the list is filtered on. The documented filter for exercise sessions is the civil
 * (local wall-clock) start time; whether the physical `exercise.interval.start_time` is accepted as
 * well is unconfirmed, so it is an option rather than the default.
 */
export type GoogleExerciseFilter = "civil" | "physical";

export interface GoogleHealthOptions {
  exerciseFilter?: GoogleExerciseFilter;
}

/** The AIP-160 filter for sessions that started in [after, before) (civil: with a day's margin). */
export function googleExerciseFilter(window: { after: Date; before: Date }, kind: GoogleExerciseFilter = "civil"): string {
  if (kind === "physical") {
    return `exercise.interval.start_time >= "${window.after.toISOString()}" AND exercise.interval.start_time < "${window.before.toISOString()}"`;
  }
  // Civil times are written without an offset (YYYY-MM-DDTHH:mm:ss); the margin is trimmed by instant afterwards.
  const civil = (instant: number) => new Date(instant).toISOString().slice(0, 19);
  const from = civil(window.after.getTime() - CIVIL_MARGIN_MS);
  const to = civil(window.before.getTime() + CIVIL_MARGIN_MS);
  return `exercise.interval.civil_start_time >= "${from}" AND exercise.interval.civil_start_time < "${to}"`;
}

// proto3 JSON leaves out an empty repeated field: a page without sessions may be `{}`.
const listPage = z.object({ dataPoints: z.array(z.unknown()).nullish(), nextPageToken: z.string().nullish() });

const identitySchema = z.object({
  healthUserId: z.string().min(1),
  legacyUserId: z.string().nullish(),
});

/**
 * The athlete plus the old Fitbit user id. `legacyUserId` equals the `user_id` of a Fitbit token
 * response, so a person who re-consents through Google can be matched to their Fitbit connection;
 * Google allows it for that migration only.
 */
export interface GoogleHealthAthlete extends Athlete {
  legacyUserId?: string;
}

export class GoogleHealthClient extends BaseFitnessProvider {
  private readonly exerciseFilter: GoogleExerciseFilter;

  constructor(definition: ProviderDefinition, config: ProviderConfig, dependencies?: Partial<ProviderDependencies>, options: GoogleHealthOptions = {}) {
    super(definition, config, dependencies);
    this.exerciseFilter = options.exerciseFilter ?? "civil";
  }

  /** Google Health has no display name: the identity gives ids only. */
  async getAthlete(): Promise<GoogleHealthAthlete> {
    const { data } = await this.http.request(this.apiUrl("users/me/identity"), { headers: this.bearer() });
    const identity = identitySchema.parse(data);
    const athlete: GoogleHealthAthlete = { id: identity.healthUserId, name: null };
    if (identity.legacyUserId) athlete.legacyUserId = identity.legacyUserId;
    return athlete;
  }

  /**
   * Sessions come newest first, at most 25 a page; the answer's `nextPageToken` goes back as
   * `pageToken` until it is empty or absent. A civil-time filter is widened by a day each side, so
   * each session is kept by its instant.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const filter = googleExerciseFilter(window, this.exerciseFilter);
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("users/me/dataTypes/exercise/dataPoints"), {
        headers: this.bearer(),
        query: { filter, pageSize: PAGE_SIZE, pageToken },
      });
      const parsed = listPage.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "Google Health sent an exercise list in an unexpected shape.");
      const batch = normalizeBatch(parsed.data.dataPoints ?? [], normalizeGoogleExercise);
      batch.activities = batch.activities.filter(
        (a) => a.startTime >= window.after && a.startTime < window.before && !seen.has(a.providerActivityId) && seen.add(a.providerActivityId),
      );
      yield batch;
      const next = parsed.data.nextPageToken || undefined;
      if (next && next === pageToken) throw new AppError("provider_bad_response", "Google Health sent the same page token twice.");
      pageToken = next;
      if (!pageToken) break;
    }
  }

  /**
   * Google's revocation endpoint takes the token in a form body, no client authentication. The
   * refresh token is revoked when there is one, since that also ends its access tokens.
   */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    const tokens = this.requireTokens();
    await this.http.request(url, { method: "POST", body: new URLSearchParams({ token: tokens.refreshToken ?? tokens.accessToken }) });
  }
}
