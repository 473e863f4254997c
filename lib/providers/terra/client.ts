import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { normalizeBatch } from "../normalize-kit";
import type { ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, ConnectContext, StreamRequest, TokenSet } from "../types";
import { normalizeTerraActivity } from "./normalize";
import { normalizeTerraStreams } from "./streams";

/** Longer ranges become Terra "large requests" delivered asynchronously; stay below. */
const WINDOW_DAYS = 28;
const DAY = 86_400_000;
const WIDGET_PROVIDERS = "GARMIN,FITBIT,OURA,POLAR,WHOOP,COROS,SUUNTO,WAHOO";

const widgetSession = z.object({ status: z.string(), session_id: z.string().optional(), url: z.url() });
const activityAnswer = z.object({ data: z.array(z.unknown()).nullish() });
const userInfo = z.object({
  user: z.object({ user_id: z.string(), provider: z.string().nullish(), reference_id: z.string().nullish(), active: z.boolean().nullish() }),
});

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export class TerraClient extends BaseFitnessProvider {
  /** Every Terra call is authenticated with the app's keys, not a user token. */
  private appHeaders(): Record<string, string> {
    const { clientId, clientSecret } = this.config;
    if (!clientId || !clientSecret) throw new AppError("provider_not_configured", "Terra is not configured on this server yet.");
    return { "dev-id": clientId, "x-api-key": clientSecret };
  }

  private terraUserId(): string {
    const id = this.requireTokens().providerUserId;
    if (!id) throw new AppError("needs_reconnect", "Terra did not tell us which connection this is. Reconnect Terra.");
    return id;
  }

  async beginConnect(context: ConnectContext): Promise<URL> {
    if (!this.config.authUrl) throw new AppError("provider_not_configured", "Terra has no widget session URL configured.");
    const success = new URL(context.redirectUri);
    success.searchParams.set("state", context.state);
    const failure = new URL(success);
    failure.searchParams.set("error", "access_denied");
    const { data } = await this.http.request(this.config.authUrl, {
      method: "POST",
      headers: this.appHeaders(),
      body: {
        reference_id: context.userId,
        providers: WIDGET_PROVIDERS,
        language: "en",
        auth_success_redirect_url: success.toString(),
        auth_failure_redirect_url: failure.toString(),
      },
    });
    const session = widgetSession.safeParse(data);
    if (!session.success || session.data.status !== "success") throw new AppError("provider_bad_response", "Terra did not open a connection session.");
    return new URL(session.data.url);
  }

  /**
   * Terra has no per-user token: the Terra user id, with the app keys, is the credential. It is
   * stored where other providers keep their access token. The redirect's parameters are only a
   * claim: Terra itself is asked who that user is, and the reference id our widget session set
   * (this person's id) must come back, so nobody can attach someone else's Terra user by editing
   * the URL.
   */
  async completeConnect(params: URLSearchParams, context: { userId: string }): Promise<TokenSet> {
    const terraUserId = params.get("user_id");
    if (!terraUserId) throw new AppError("oauth_exchange_failed", "Terra did not say which account was connected; nothing was connected.");
    const refused = new AppError("oauth_state_invalid", "Terra does not confirm this connection as yours; nothing was connected.");
    if (params.get("reference_id") !== context.userId) throw refused;
    const { data } = await this.http.request(this.apiUrl("userInfo"), {
      headers: this.appHeaders(),
      query: { user_id: terraUserId },
      acceptStatuses: [401, 404],
    });
    const answer = userInfo.safeParse(data);
    if (!answer.success || answer.data.user.user_id !== terraUserId || answer.data.user.reference_id !== context.userId || answer.data.user.active === false) {
      throw refused;
    }
    return { accessToken: terraUserId, providerUserId: terraUserId };
  }

  async getAthlete(): Promise<Athlete> {
    const { data } = await this.http.request(this.apiUrl("userInfo"), { headers: this.appHeaders(), query: { user_id: this.terraUserId() } });
    const { user } = userInfo.parse(data);
    return { id: user.user_id, name: user.provider ? `${titleCase(user.provider)} via Terra` : null };
  }

  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    for (let start = window.after.getTime(); start < window.before.getTime(); start += WINDOW_DAYS * DAY) {
      const end = Math.min(start + WINDOW_DAYS * DAY, window.before.getTime());
      const { data } = await this.http.request(this.apiUrl("activity"), {
        headers: this.appHeaders(),
        query: {
          user_id: this.terraUserId(),
          start_date: Math.floor(start / 1000),
          end_date: Math.ceil(end / 1000),
          // Without this Terra only acknowledges and sends the data to a webhook later.
          to_webhook: false,
          with_samples: false,
        },
      });
      yield normalizeBatch(activityAnswer.parse(data).data ?? [], normalizeTerraActivity);
    }
  }

  /** The activity's day again, this time with its samples (Terra has no per-activity endpoint). */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const start = activity.startTime.getTime();
    const end = start + Math.max(activity.elapsedSeconds ?? 0, 60) * 1000;
    const { data } = await this.http.request(this.apiUrl("activity"), {
      headers: this.appHeaders(),
      query: {
        user_id: this.terraUserId(),
        start_date: Math.floor(start / 1000) - 60,
        end_date: Math.ceil(end / 1000) + 60,
        to_webhook: false,
        with_samples: true,
      },
    });
    return normalizeTerraStreams(data, activity.providerActivityId);
  }

  async revoke(): Promise<void> {
    if (!this.config.revokeUrl) return;
    await this.http.request(this.config.revokeUrl, { method: "DELETE", headers: this.appHeaders(), query: { user_id: this.terraUserId() } });
  }
}
