import { randomBytes } from "node:crypto";
import type { Recording } from "../dataset";
import { json } from "../http";
import type { SandboxModule } from "../provider";
import { forgedKey } from "../push";
import { endOf, idField, secondsField, servedList, type Keyed } from "./common";
import { within } from "../timeline";

const modes = (r: Recording): [number, number] =>
  ({ run: [8, r.indoor ? 2 : 1], ride: [9, r.indoor ? 2 : 1], swim: [10, 2], walk: [31, 1], hike: [16, 1], strength: [23, 2] } as Record<string, [number, number]>)[r.sport]!;

export function record(r: Recording, position: number) {
  const [mode, subMode] = modes(r);
  return {
    mode,
    subMode,
    labelId: `4069742893953${String(51552 + position).padStart(5, "0")}`,
    startTime: Math.floor(r.startMs / 1000),
    endTime: Math.floor(endOf(r) / 1000),
    startTimezone: r.utcOffsetMinutes / 15,
    endTimezone: r.utcOffsetMinutes / 15,
    ...(r.distanceMeters ? { distance: Math.round(r.distanceMeters), avgSpeed: Math.round(r.movingSeconds / (r.distanceMeters / 1000)) } : {}),
    duration: r.movingSeconds,
    calorie: r.calories * 1000,
    deviceName: "COROS PACE 3",
    fitUrl: `https://oss.coros.com/fit/sandbox/${position}.fit`,
  };
}

const day = (yyyymmdd: string) => Date.parse(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T00:00:00Z`);

/** COROS answers HTTP 200 with a result code even for errors. */
const fail = (result: string, message: string) => json({ result, message });

export const sandbox: SandboxModule = {
  register(coros) {
    const { state } = coros;
    coros.oauth({
      redirectUriAtToken: "required",
      lifetimeSeconds: 2_592_000,
      rotatesRefresh: false,
      issuesRefresh: () => true,
      makeAthleteId: () => randomBytes(10).toString("hex"),
      tokenBody: (issued) => ({ expires_in: issued.expiresIn, refresh_token: issued.refreshToken, access_token: issued.accessToken, openId: issued.athlete.id }),
      refreshAck: { result: "0000", message: "OK" },
      error: (kind, message) => fail(kind === "invalid_client" ? "1003" : "1001", message || kind),
    });

    const timeline = coros.timeline({ id: idField("labelId"), startMs: secondsField("startTime") });
    const lists = new Map<string, () => Keyed[]>();
    const served = (owner: string) => {
      let list = lists.get(owner);
      if (!list) {
        list = servedList(() => coros.recordings().map((r, position) => ({ key: r.startMs, item: record(r, position) })), timeline, (e) => e.startMs, owner);
        lists.set(owner, list);
      }
      return list();
    };

    coros.api("GET", "v2/coros/sport/list", (req) => {
      const q = req.url.searchParams;
      const token = state.validAccessToken("coros", q.get("token") ?? undefined);
      const athlete = token && state.athletes.get(token.athleteKey);
      if (!athlete || athlete.id !== q.get("openId")) return fail("1019", "access token is invalid or expired");
      const startDate = q.get("startDate") ?? "";
      const endDate = q.get("endDate") ?? "";
      if (!/^\d{8}$/.test(startDate) || !/^\d{8}$/.test(endDate)) return fail("1002", "startDate and endDate must be yyyyMMdd");
      const from = day(startDate);
      const to = day(endDate) + 86_400_000;
      if (to - from > 31 * 86_400_000) return fail("5002", "query range must not exceed 30 days");
      const data = within(served(athlete.name), (e) => e.key, { from, to }).map((e) => e.item);
      return json({ result: "0000", message: "OK", data });
    });

    /** New workouts pushed as a `sportDataList`, with the app's client id and secret in plain headers. */
    coros.push({
      announces: ["created"],
      item: (r) => record(r, r.index),
      deliveries(change, { forged }) {
        if (change.kind !== "created") return [];
        const { clientId, clientSecret } = coros.credentials;
        const body = JSON.stringify({ sportDataList: [{ openId: change.account.athlete.id, ...(change.entry.item as object) }] });
        return [{ headers: { client: clientId, secret: forged ? forgedKey(clientSecret) : clientSecret }, body }];
      },
    });

    coros.at("revokeUrl", "POST", "api", (req) => {
      const token = state.validAccessToken("coros", String(req.body.token ?? ""));
      if (!token) return fail("1019", "access token is invalid or expired");
      state.revokeAthlete("coros", token.athleteKey);
      return json({ result: "0000", message: "OK" });
    });
  },
};
