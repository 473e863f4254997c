import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addActivities, reset } from "@/sandbox/control-client";
import { featured } from "@/sandbox/dataset";
import { completeConnect, disconnect, startConnect } from "@/lib/connections/service";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { syncUser } from "@/lib/sync/engine";
import { parseFeedQuery } from "./params";
import { queryFeed, weeklyTrainingTime, type FeedItem } from "./query";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
let userId: string;
const registry = () => env.app.catalog.registry;
const feed = (params: Record<string, string> = {}) => queryFeed(registry(), userId, parseFeedQuery(params, registry()));

async function all(params: Record<string, string> = {}): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await feed({ ...params, limit: "7", ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  env = await createSandboxedApp();
  await reset(env.sandbox.url);
  await addActivities(env.sandbox.url, "strava", [
    { id: 99, name: "<img src=x onerror=alert(1)>", sport_type: "Run", start_date: new Date(Date.now() - 3600_000).toISOString(), elapsed_time: 600 },
  ]);
  userId = await env.app.createUser();
  for (const provider of ["garmin", "strava"]) {
    const start = await startConnect(registry(), userId, provider);
    if (start.kind !== "redirect") throw new Error("expected a redirect");
    await completeConnect(registry(), userId, provider, (await decideConsent(start.url, "authorize")).searchParams);
  }
  const run = await syncUser(registry(), userId, env.app.syncSettings);
  expect(run.results.garmin?.error).toBeNull();
  expect(run.results.strava?.error).toBeNull();
});
afterAll(async () => env.close());

describe("the merged feed", () => {
  it("shows the same workout from Garmin and Strava once, Garmin first, with Strava as 'also on'", async () => {
    const matches = (await all()).filter((item) => item.name === featured.merged);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ provider: "garmin", sport: "run", alsoOn: [{ provider: "strava" }] });
    // Garmin's summary has no moving time; the Strava copy fills it in.
    expect(matches[0]!.movingSeconds).toBeGreaterThan(0);
    // Sandbox ids name nothing on the real sites, so there is no link to them.
    expect(matches[0]!.url).toBeNull();
    expect(matches[0]!.alsoOn[0]!.url).toBeNull();
  });

  it("merges every Strava mirror of a Garmin upload within Garmin's history, and nothing else", async () => {
    // Garmin serves a new connection one month back; older mirrors have nothing to merge with.
    const [garmin] = await env.app.sql<{ backfill_from: number }>("select backfill_from from provider_connections where user_id = ? and provider = 'garmin'", [userId]);
    const [counts] = await env.app.sql<{ unmerged_mirrors: number; merged_phone_only: number }>(
      `select sum(case when provider = 'strava' and raw like '%garmin_push_%' and is_primary = 1 and start_time >= ? then 1 else 0 end) as unmerged_mirrors,
              sum(case when provider = 'strava' and raw not like '%garmin_push_%' and is_primary = 0 then 1 else 0 end) as merged_phone_only
       from activities where user_id = ?`,
      [garmin!.backfill_from + 86_400_000, userId],
    );
    expect(counts).toEqual({ unmerged_mirrors: 0, merged_phone_only: 0 });
  });

  it("keeps back-to-back runs apart and merges an indoor ride recorded as VirtualRide", async () => {
    const items = await all();
    for (const name of featured.backToBack) expect(items.filter((i) => i.name === name)).toHaveLength(1);
    const trainer = items.filter((i) => i.name === featured.indoorRide);
    expect(trainer).toHaveLength(1);
    expect(trainer[0]!.alsoOn.map((a) => a.provider)).toEqual(["strava"]);
  });

  it("pages newest first with a keyset cursor: no repeats, no gaps", async () => {
    const paged = await all();
    const everything = (await feed({ limit: "100" })).items;
    expect(paged.map((i) => i.id)).toEqual(everything.map((i) => i.id));
    expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
    const starts = paged.map((i) => Date.parse(i.startTime));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const [rows] = await env.app.sql<{ n: number }>("select count(distinct group_id) as n from activities where user_id = ?", [userId]);
    expect(paged).toHaveLength(rows!.n);
  });

  it("filters by provider (any record of the workout), sport and dates", async () => {
    const onStrava = await all({ provider: "strava" });
    expect(onStrava.every((i) => i.provider === "strava" || i.alsoOn.some((a) => a.provider === "strava"))).toBe(true);
    expect(onStrava.some((i) => i.provider === "garmin")).toBe(true);
    expect((await all({ sport: "ride" })).every((i) => i.sport === "ride")).toBe(true);
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const recent = await all({ from: since });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((i) => i.startTime.slice(0, 10) >= since)).toBe(true);
  });

  it("searches names whatever their case, on either engine, alone or on one provider", async () => {
    const name = featured.backToBack[0]!;
    for (const q of [name.toUpperCase(), name.toLowerCase()]) {
      expect((await all({ q })).map((item) => item.name)).toContain(name);
      expect((await all({ q, provider: "garmin" })).map((item) => item.name)).toContain(name);
    }
  });

  it("stores a hostile name as plain text", async () => {
    expect((await all()).some((i) => i.name === "<img src=x onerror=alert(1)>")).toBe(true);
  });

  it("answers bad parameters with 400 naming them", () => {
    for (const [params, name] of [
      [{ limit: "0" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ cursor: "garbage" }, "cursor"],
      [{ provider: "nope" }, "provider"],
      [{ sport: "curling" }, "sport"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2025-03-02", to: "2025-03-01" }, "from"],
    ] as const) {
      expect(() => parseFeedQuery(params, registry())).toThrow(`Invalid ${name}`);
    }
  });

  it("sums weekly training time by sport for the chart", async () => {
    const { weeks } = await weeklyTrainingTime(userId, 12);
    expect(weeks).toHaveLength(12);
    const total = weeks.reduce((sum, w) => sum + Object.values(w.secondsBySport).reduce((a, b) => a + b, 0), 0);
    expect(total).toBeGreaterThan(3600);
    expect(Object.keys(weeks.at(-1)!.secondsBySport)).toContain("run");
  });

  it("re-forms groups when a provider is disconnected", async () => {
    await disconnect(registry(), userId, "garmin");
    const matches = (await all()).filter((item) => item.name === featured.merged);
    expect(matches).toEqual([expect.objectContaining({ provider: "strava", alsoOn: [] })]);
  });
});
