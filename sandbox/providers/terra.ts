import { randomUUID } from "node:crypto";
import type { Recording } from "../dataset";
import { html, json, redirect, type SandboxRequest } from "../http";
import { sandboxPage } from "../page";
import type { SandboxModule } from "../provider";
import { forgedKey, hmacHex, type PushAccount } from "../push";
import { endOf, idField, isoField, localDateTime, offsetText, servedList, uuidFrom, type Keyed } from "./common";
import { within } from "../timeline";
import { summaryPolyline, trackOf } from "../streams";

/** `with_samples=true`: each kind its own list of timestamped values, plus the summary polyline. */
function withSamples(r: Recording, item: ReturnType<typeof activity>) {
  const track = trackOf(r);
  const at = (t: number) => terraTime(r.startMs + t * 1000, r.utcOffsetMinutes);
  const list = <T>(pick: (s: (typeof track)[number]) => T | undefined, shape: (value: T, t: number) => Record<string, unknown>) =>
    track.flatMap((s) => {
      const value = pick(s);
      return value === undefined || value === null ? [] : [{ timestamp: at(s.t), timer_duration_seconds: s.t, ...shape(value, s.t) }];
    });
  return {
    ...item,
    heart_rate_data: { ...item.heart_rate_data, detailed: { hr_samples: list((s) => s.heartRate, (bpm) => ({ bpm, context: 1 })) } },
    distance_data: {
      ...item.distance_data,
      detailed: {
        distance_samples: list((s) => s.distance, (distance_meters) => ({ distance_meters })),
        elevation_samples: list((s) => s.altitude, (elev_meters) => ({ elev_meters })),
      },
    },
    position_data: { position_samples: list((s) => (s.lat === undefined ? undefined : [s.lat, s.lng]), (coords_lat_lng_deg) => ({ coords_lat_lng_deg })) },
    movement_data: {
      speed_samples: list((s) => s.speed, (speed_meters_per_second) => ({ speed_meters_per_second })),
      cadence_samples: list((s) => s.cadence, (cadence_rpm) => ({ cadence_rpm })),
    },
    power_data: { power_samples: list((s) => s.power, (watts) => ({ watts })) },
    polyline_map_data: { summary_polyline: summaryPolyline(r) },
  };
}

const activityType = (r: Recording) => ({ run: r.indoor ? 58 : 8, ride: r.indoor ? 17 : 1, swim: 83, walk: 7, hike: 35, strength: 80 })[r.sport];
const terraTime = (ms: number, offset: number) => `${localDateTime(ms, offset, ".000000")}${offsetText(offset)}`;

export function activity(r: Recording, terraUserId: string) {
  return {
    metadata: {
      summary_id: uuidFrom(`terra:${r.index}:${r.startMs}`),
      name: r.name,
      type: activityType(r),
      start_time: terraTime(r.startMs, r.utcOffsetMinutes),
      end_time: terraTime(endOf(r), r.utcOffsetMinutes),
      upload_type: 1,
      timestamp_localization: 0,
      city: null,
      country: null,
      state: null,
    },
    device_data: { name: "Forerunner 255", manufacturer: "Garmin" },
    distance_data: { summary: { distance_meters: r.distanceMeters ?? 0, steps: 0, elevation: { gain_actual_meters: r.elevationGainMeters ?? 0 } } },
    heart_rate_data: { summary: { avg_hr_bpm: r.averageHeartRate, max_hr_bpm: r.maxHeartRate } },
    calories_data: { total_burned_calories: r.calories },
    active_durations_data: { activity_seconds: r.movingSeconds, rest_seconds: r.elapsedSeconds - r.movingSeconds },
    user_id: terraUserId,
  };
}

const widgetProviders = ["GARMIN", "FITBIT", "OURA", "POLAR", "WHOOP", "COROS", "SUUNTO", "WAHOO"];

export const sandbox: SandboxModule = {
  register(terra) {
    const { state } = terra;
    const { clientId, clientSecret } = terra.credentials;
    const appAuthorized = (req: SandboxRequest) => req.headers["dev-id"] === clientId && req.headers["x-api-key"] === clientSecret;
    const unauthorized = () => json({ status: "error", message: "dev-id or x-api-key is invalid" }, 401);
    /** Terra users, by Terra user id: who they belong to and whether they are still connected. */
    const users = new Map<string, { provider: string; referenceId: string; active: boolean }>();
    const activeUser = (req: SandboxRequest) => {
      const id = req.url.searchParams.get("user_id") ?? "";
      const user = users.get(id);
      return user?.active ? { id, ...user } : undefined;
    };

    terra.at("authUrl", "POST", "token", (req) => {
      if (!appAuthorized(req)) return unauthorized();
      const success = String(req.body.auth_success_redirect_url ?? "");
      const failure = String(req.body.auth_failure_redirect_url ?? "");
      if (!/^https?:\/\//.test(success) || !/^https?:\/\//.test(failure)) return json({ status: "error", message: "redirect URLs are required" }, 400);
      const sessionId = randomUUID();
      state.widgetSessions.set(sessionId, { referenceId: String(req.body.reference_id ?? ""), success, failure, expiresAt: Date.now() + 900_000 });
      const host = req.headers.host ?? "127.0.0.1";
      return json({ status: "success", session_id: sessionId, url: `http://${host}/terra/widget/${sessionId}`, expires_in: 900 });
    });

    terra.page("GET", "widget/:session", (req) => {
      const session = state.widgetSessions.get(req.params.session!);
      if (!session || session.expiresAt < Date.now()) return html("<!doctype html><html lang=\"en\"><body><main><h1>Session expired</h1></main></body></html>", 410);
      const options = widgetProviders.map((p) => `<option value="${p}">${p}</option>`).join("");
      return html(
        sandboxPage(
          terra.definition,
          "Terra (sandbox) — connect",
          `<p>Choose the wearable whose data Terra should pass on.</p>
  <form method="post"><p><label for="provider">Provider</label><select id="provider" name="provider">${options}</select></p>
  <div class="actions"><button class="primary" type="submit" name="decision" value="authorize">Authorize</button><button type="submit" name="decision" value="deny">Deny</button></div></form>`,
        ),
      );
    });

    terra.page("POST", "widget/:session", (req) => {
      const session = state.widgetSessions.get(req.params.session!);
      if (!session || session.expiresAt < Date.now()) return html("<!doctype html><html lang=\"en\"><body><main><h1>Session expired</h1></main></body></html>", 410);
      state.widgetSessions.delete(req.params.session!);
      const provider = String(req.body.provider ?? "GARMIN");
      const target = new URL(req.body.decision === "authorize" ? session.success : session.failure);
      if (req.body.decision === "authorize") {
        const terraUserId = randomUUID();
        users.set(terraUserId, { provider, referenceId: session.referenceId, active: true });
        state.athletes.set(`terra:${terraUserId}`, { key: `terra:${terraUserId}`, provider: "terra", id: terraUserId, name: provider });
        target.searchParams.set("user_id", terraUserId);
      }
      target.searchParams.set("resource", provider);
      target.searchParams.set("reference_id", session.referenceId);
      return redirect(target.toString());
    });

    terra.api("GET", "userInfo", (req) => {
      if (!appAuthorized(req)) return unauthorized();
      const user = activeUser(req);
      if (!user) return json({ status: "error", message: "user is not authenticated" }, 401);
      return json({ status: "success", is_authenticated: true, user: { user_id: user.id, provider: user.provider, reference_id: user.referenceId, active: true, scopes: "activity" } });
    });

    terra.at("revokeUrl", "DELETE", "api", (req) => {
      if (!appAuthorized(req)) return unauthorized();
      const user = activeUser(req);
      if (!user) return json({ status: "error", message: "user not found" }, 404);
      users.get(user.id)!.active = false;
      return json({ status: "success" });
    });

    const timeline = terra.timeline({ id: idField("metadata", "summary_id"), startMs: isoField("metadata", "start_time") });
    const lists = new Map<string, () => Keyed[]>();
    const listFor = (terraUserId: string, owner: string) => {
      let list = lists.get(terraUserId);
      if (!list) {
        list = servedList(() => terra.recordings().map((r) => ({ key: r.startMs, item: activity(r, terraUserId), recording: r })), timeline, (e) => e.startMs, owner);
        lists.set(terraUserId, list);
      }
      return list();
    };

    terra.api("GET", "activity", (req) => {
      if (!appAuthorized(req)) return unauthorized();
      const user = activeUser(req);
      if (!user) return json({ status: "error", message: "user is not authenticated" }, 401);
      const q = req.url.searchParams;
      const toDate = (value: string | null) => (value === null ? NaN : /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value));
      const start = toDate(q.get("start_date"));
      const end = q.has("end_date") ? toDate(q.get("end_date")) : Date.now();
      if (Number.isNaN(start) || Number.isNaN(end)) return json({ status: "error", message: "start_date is required" }, 400);
      const userPayload = { user_id: user.id, provider: user.provider, reference_id: user.referenceId, active: true };
      if (q.get("to_webhook") !== "false") {
        return json({ status: "success", type: "activity", reference: randomUUID(), trace_id: randomUUID(), user: userPayload });
      }
      const samples = q.get("with_samples") === "true";
      const data = within(listFor(user.id, user.referenceId), (e) => e.key, { from: start, to: end }).map((e) => {
        const recording = (e as Keyed & { recording?: Recording }).recording;
        return samples && recording ? withSamples(recording, e.item as ReturnType<typeof activity>) : e.item;
      });
      const headers = { "X-Terra-RateLimit-Limit": "6000", "X-Terra-RateLimit-Remaining": "5900", "X-Terra-RateLimit-Reset-After": "3600" };
      return json({ user: userPayload, data, type: "activity" }, 200, headers);
    });

    /**
     * Events are `{ type, user, … }`: `activity` carries the records themselves (upload_type 3 for a
     * change, 4 for a deletion), `deauth` says the user disconnected. Signed with the destination's
     * signing secret: `terra-signature: t=<unix>,v1=<hex HMAC of "<t>.<body>">`. The accounts are
     * Terra users, owned by the reference id the widget session was opened with.
     */
    const secret = terra.credentials.settings.webhookSecret!;
    const terraUser = (account: PushAccount) => {
      const user = users.get(account.athlete.id);
      return { user_id: account.athlete.id, provider: user?.provider ?? account.athlete.name, reference_id: user?.referenceId ?? account.owner, active: user?.active ?? false, scopes: "activity" };
    };
    const uploadTypes = { created: 1, updated: 3, deleted: 4 } as const;
    terra.push({
      announces: ["created", "updated", "deleted", "deauthorized"],
      item: (r, account) => activity(r, account.athlete.id),
      edited: (item) => {
        const record = item as { metadata: Record<string, unknown> };
        return { ...record, metadata: { ...record.metadata, name: `${String(record.metadata.name ?? "Activity")} (edited)` } };
      },
      accounts: () =>
        [...users.entries()].map(([id, user]) => ({ owner: user.referenceId.toLowerCase(), athlete: state.athletes.get(`terra:${id}`)!, label: `${user.provider} via Terra (${user.referenceId})` })),
      revoke: (account) => {
        const user = users.get(account.athlete.id);
        if (user) user.active = false;
      },
      deliveries(change, { forged }) {
        const user = terraUser(change.account);
        const event =
          change.kind === "deauthorized"
            ? { type: "deauth", user, status: "success", message: "User has deauthenticated", version: "2022-03-16" }
            : {
                type: "activity",
                user,
                data: [{ ...(change.entry.item as { metadata: object }), metadata: { ...(change.entry.item as { metadata: object }).metadata, upload_type: uploadTypes[change.kind] } }],
                version: "2022-03-16",
              };
        const body = JSON.stringify(event);
        const t = String(Math.floor(Date.now() / 1000));
        return [{ headers: { "terra-signature": `t=${t},v1=${hmacHex(forged ? forgedKey(secret) : secret, `${t}.${body}`)}`, "terra-reference": state.newId() }, body }];
      },
    });

    // The control API's revoke for Terra means the Terra user was deauthenticated.
    state.onRevokeAll.set("terra", () => {
      for (const user of users.values()) user.active = false;
    });
  },
};
