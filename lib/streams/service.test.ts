import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reset } from "@/sandbox/control-client";
import { featured } from "@/sandbox/dataset";
import { completeConnect, startConnect } from "@/lib/connections/service";
import { parseFeedQuery } from "@/lib/feed/params";
import { queryFeed } from "@/lib/feed/query";
import { syncUser } from "@/lib/sync/engine";
import { createSandboxedApp, decideConsent } from "@/test/sandbox";
import { getWorkoutStreams, MAX_STORED_BYTES, storeStreams } from "./service";
import { MAX_SAMPLES } from "./streams";

let env: Awaited<ReturnType<typeof createSandboxedApp>>;
let userId: string;
const registry = () => env.app.catalog.registry;
const detailCalls = () => env.sandbox.state.requests.filter((r) => r.provider === "garmin" && r.path.includes("activityDetails")).length;

async function workoutNamed(name: string, provider?: string) {
  const page = await queryFeed(registry(), userId, parseFeedQuery({ q: name, limit: "5", ...(provider ? { provider } : {}) }, registry()));
  return page.items.find((item) => item.name === name)!;
}

beforeAll(async () => {
  env = await createSandboxedApp();
  await reset(env.sandbox.url);
  userId = await env.app.createUser();
  for (const provider of ["garmin", "strava", "whoop"]) {
    const start = await startConnect(registry(), userId, provider);
    if (start.kind !== "redirect") throw new Error("expected a redirect");
    await completeConnect(registry(), userId, provider, (await decideConsent(start.url, "authorize")).searchParams);
  }
  await syncUser(registry(), userId, env.app.syncSettings);
});
afterAll(async () => env.close());

describe("the streams cache", () => {
  it("fetches a workout's samples from its shown source on first request, keeps them bounded, and answers from the database after", async () => {
    const workout = await workoutNamed(featured.merged);
    const before = detailCalls();
    const first = await getWorkoutStreams(registry(), userId, workout.id);
    expect(first.source?.provider).toBe("garmin");
    expect(first.streams!.time.length).toBeGreaterThan(100);
    expect(first.streams!.time.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(first.streams!.route!.length).toBeGreaterThan(100);
    expect(detailCalls()).toBeGreaterThan(before);

    const calls = detailCalls();
    const again = await getWorkoutStreams(registry(), userId, workout.id);
    expect(again.streams).toEqual(first.streams);
    expect(detailCalls()).toBe(calls);
    const [row] = await env.app.sql<{ status: string; points: number; bytes: number }>("SELECT status, points, bytes FROM activity_streams WHERE activity_id = ?", [workout.id]);
    expect(row).toMatchObject({ status: "ok", points: first.streams!.time.length });
    expect(row!.bytes).toBeLessThan(MAX_STORED_BYTES);
  });

  it("remembers that a source has none and moves on to the next record; a workout with no such source says why", async () => {
    // WHOOP documents no per-workout samples: its records never ask it, and its own workouts have none.
    const [whoopOnly] = await env.app.sql<{ id: string }>(
      "SELECT w.id FROM workouts w WHERE w.user_id = ? AND w.primary_provider = 'whoop' AND w.sources NOT LIKE '%garmin%' AND w.sources NOT LIKE '%strava%' LIMIT 1",
      [userId],
    );
    const none = await getWorkoutStreams(registry(), userId, whoopOnly!.id);
    expect(none.streams).toBeNull();
    expect(none.reason).toMatch(/None of this workout's sources/);
  });

  it("keeps 'none' for a record whose provider sent nothing, and never an oversized payload", async () => {
    const workout = await workoutNamed(featured.backToBack[0]);
    await storeStreams(userId, workout.id, null);
    const [row] = await env.app.sql<{ status: string; data: string | null }>("SELECT status, data FROM activity_streams WHERE activity_id = ?", [workout.id]);
    expect(row).toEqual({ status: "none", data: null });
    // With the shown (Garmin) record marked "none", the Strava copy's samples are fetched instead.
    const next = await getWorkoutStreams(registry(), userId, workout.id);
    expect(next.source?.provider).toBe("strava");
    expect(next.streams!.heartRate!.length).toBeGreaterThan(10);
  });
});
