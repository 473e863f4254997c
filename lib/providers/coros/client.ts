import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityBatch, Athlete } from "../types";
import { normalizeCorosWorkout } from "./normalize";

/** The sport list answers at most 30 days per query. */
const WINDOW_DAYS = 30;
const DAY = 86_400_000;

const answer = z.object({ result: z.string(), message: z.string().nullish(), data: z.array(z.unknown()).nullish() });

function yyyymmdd(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

export class CorosClient extends BaseFitnessProvider {
  /** COROS authenticates data calls with the token and openId in the query string. */
  private credentials(): { token: string; openId: string } {
    const tokens = this.requireTokens();
    if (!tokens.providerUserId) throw new AppError("needs_reconnect", "COROS did not tell us which account this is. Reconnect COROS.");
    return { token: tokens.accessToken, openId: tokens.providerUserId };
  }

  /** COROS has no profile endpoint: the openId is the account. */
  async getAthlete(): Promise<Athlete> {
    return { id: this.credentials().openId, name: null };
  }

  /** HTTP 200 with a non-"0000" result is an error; token problems ask for a reconnect. */
  private check(data: unknown): unknown[] {
    const parsed = answer.safeParse(data);
    if (!parsed.success) throw new AppError("provider_bad_response", "COROS sent an answer we could not read.");
    const { result, message } = parsed.data;
    if (result !== "0000") {
      // Result codes are undocumented publicly; a message about the token or auth means access is gone.
      if (/token|auth|expire/i.test(message ?? "")) {
        throw new AppError("needs_reconnect", `COROS no longer accepts this connection (${result}). Reconnect COROS to continue.`);
      }
      throw new AppError("provider_bad_response", `COROS answered with error ${result}.`);
    }
    return parsed.data.data ?? [];
  }

  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    const seen = new Set<string>();
    // Dates are whole days; widen by a day each side and keep what started in the window.
    const first = new Date(window.after.getTime() - DAY);
    const last = new Date(window.before.getTime() + DAY);
    for (let start = first; start < last; start = new Date(start.getTime() + WINDOW_DAYS * DAY)) {
      const end = new Date(Math.min(start.getTime() + (WINDOW_DAYS - 1) * DAY, last.getTime()));
      const { data } = await this.http.request(this.apiUrl("v2/coros/sport/list"), {
        query: { ...this.credentials(), startDate: yyyymmdd(start), endDate: yyyymmdd(end) },
      });
      const batch = normalizeBatch(this.check(data), normalizeCorosWorkout);
      batch.activities = batch.activities.filter(
        (a) => a.startTime >= window.after && a.startTime < window.before && !seen.has(a.providerActivityId) && seen.add(a.providerActivityId),
      );
      yield batch;
    }
  }

  async revoke(): Promise<void> {
    if (!this.config.revokeUrl) return;
    const { data } = await this.http.request(this.config.revokeUrl, {
      method: "POST",
      body: new URLSearchParams({ token: this.credentials().token }),
    });
    this.check(data);
  }
}
