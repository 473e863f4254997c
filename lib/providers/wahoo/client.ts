import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { idField, normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete, ProviderConfig, ProviderDefinition, ProviderDependencies } from "../types";
import { normalizeWahooWorkout } from "./normalize";

/** Wahoo's documented default `per_page`; no maximum is documented (a third-party spec says 100). */
const DEFAULT_PAGE_SIZE = 30;
/** A loop guard only: `total`, a short page or a page older than the window ends the walk first. */
const MAX_PAGES = 10_000;

const workoutPage = z.object({
  workouts: z.array(z.unknown()),
  total: z.number().int().nonnegative().nullish(),
  per_page: z.number().int().positive().nullish(),
});

const userSchema = z.object({ id: idField });

export interface WahooOptions {
  /** `per_page`; larger than the documented default only once a maximum is confirmed. */
  pageSize?: number;
}

function field(item: unknown, name: "id" | "starts"): unknown {
  return item && typeof item === "object" ? (item as Record<string, unknown>)[name] : undefined;
}

/** The earliest `starts` on a page (ms), ignoring entries without a readable one. */
function earliestStart(items: readonly unknown[]): number | undefined {
  const starts = items.map((item) => field(item, "starts")).filter((s): s is string => typeof s === "string").map(Date.parse).filter((t) => !Number.isNaN(t));
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

export class WahooClient extends BaseFitnessProvider {
  private readonly pageSize: number;

  constructor(definition: ProviderDefinition, config: ProviderConfig, dependencies?: Partial<ProviderDependencies>, options: WahooOptions = {}) {
    super(definition, config, dependencies);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /** Only the user's id is read from /v1/user; the athlete has no name here. */
  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("v1/user"), { headers: this.bearer() });
    return { id: userSchema.parse(data).id, name: null };
  }

  /**
   * `/v1/workouts` has no date filter: it pages by number, newest `starts` first. The walk ends when
   * `page × per_page` reaches `total`, on a short page, or once a page reaches back before `after`;
   * each workout is kept by its start time.
   */
  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const seen = new Set<string>();
    let previousFirstId: unknown;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await this.http.request(this.apiUrl("v1/workouts"), { headers: this.bearer(), query: { page, per_page: this.pageSize } });
      const parsed = workoutPage.safeParse(data);
      if (!parsed.success) throw new AppError("provider_bad_response", "Wahoo sent a workout list without workouts.");
      const { workouts, total } = parsed.data;
      const firstId = field(workouts[0], "id");
      if (page > 1 && firstId !== undefined && firstId === previousFirstId) throw new AppError("provider_bad_response", "Wahoo sent the same page of workouts twice.");
      previousFirstId = firstId;
      const batch = normalizeBatch(workouts, normalizeWahooWorkout);
      batch.activities = batch.activities.filter(
        (a) => a.startTime >= window.after && a.startTime < window.before && !seen.has(a.providerActivityId) && seen.add(a.providerActivityId),
      );
      yield batch;
      // The server may cap per_page below what was asked; its own figure decides what a full page is.
      const perPage = parsed.data.per_page ?? this.pageSize;
      if (workouts.length < perPage) break;
      if (total !== null && total !== undefined && page * perPage >= total) break;
      const earliest = earliestStart(workouts);
      if (earliest !== undefined && earliest < window.after.getTime()) break;
    }
  }

  /** Revokes the app's access for this user, every token at once (200 with a message, or 204). */
  async revoke(): Promise<void> {
    const url = this.config.revokeUrl;
    if (!url) return;
    await this.http.request(url, { method: "DELETE", headers: this.bearer() });
  }
}
