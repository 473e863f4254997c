import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findWorkout, listAllActivities } from "@/lib/db/queries";
import { deleteActivities } from "@/lib/db/queries/activities";
import { builtInProviders } from "@/lib/providers/builtin";
import type { NormalizedActivity } from "@/lib/providers/types";
import { ingestPage } from "@/lib/sync/engine";
import { createTestApp, type TestApp } from "@/test/test-app";
import { forgetCorrections, mergeWorkouts, setSourcePriority, splitFromWorkout } from "./corrections";
import type { StoredSource } from "./grouping";
import { regroupAround, seedsOfDelete } from "./regroup";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ modules: builtInProviders });
});
afterAll(async () => app.close());

const T = Date.parse("2026-05-02T07:00:00Z");
function record(provider: string, id: string, values: Partial<NormalizedActivity> = {}): NormalizedActivity {
  return {
    provider,
    providerActivityId: id,
    name: "Morning run",
    sport: "run",
    sportType: null,
    startTime: new Date(T),
    utcOffsetMinutes: 120,
    elapsedSeconds: 3000,
    movingSeconds: null,
    distanceMeters: 10_000,
    elevationGainMeters: null,
    averageHeartRate: 150,
    maxHeartRate: null,
    calories: null,
    device: null,
    raw: { id },
    ...values,
  };
}

async function feedOf(userId: string) {
  return app.sql<{ id: string; primary_provider: string; sources: string }>("select id, primary_provider, sources from workouts where user_id = ? order by start_time, id", [userId]);
}
const sourcesOf = (row: { sources: string }) => JSON.parse(row.sources) as StoredSource[];

describe("the person's corrections", () => {
  it("keeps a record they split off apart through every later sync, until they let the matcher decide", async () => {
    const userId = await app.createUser();
    const garmin = record("garmin", "g1", { startTime: new Date(T + 20_000), distanceMeters: 10_040 });
    const strava = record("strava", "s1");
    await ingestPage(userId, "garmin", [garmin]);
    await ingestPage(userId, "strava", [strava]);
    const [merged] = await feedOf(userId);
    expect(sourcesOf(merged!).map((s) => s.provider)).toEqual(["garmin", "strava"]);
    expect(sourcesOf(merged!)[1]!.reason).toMatch(/starts 20 s apart/);

    const stravaRow = (await listAllActivities(app.store, userId)).find((a) => a.provider === "strava")!;
    await splitFromWorkout(userId, stravaRow.id);
    expect(await feedOf(userId)).toHaveLength(2);

    // A re-sync writes the same records again; a reconnect deletes and re-creates them with new row ids.
    await ingestPage(userId, "strava", [{ ...strava, name: "Edited title" }]);
    expect(await feedOf(userId)).toHaveLength(2);
    await app.store.transaction(async (tx) => regroupAround(tx, userId, seedsOfDelete(await deleteActivities(tx, userId, "strava"))));
    await ingestPage(userId, "strava", [strava]);
    expect(await feedOf(userId)).toHaveLength(2);

    const garminWorkout = (await feedOf(userId)).find((w) => w.primary_provider === "garmin")!;
    expect(await forgetCorrections(userId, garminWorkout.id)).toMatchObject({ forgotten: 1 });
    expect(await feedOf(userId)).toHaveLength(1);
  });

  it("joins workouts the matcher keeps apart, remembers it, and refuses what could never stay joined", async () => {
    const userId = await app.createUser();
    // A treadmill run the watch measured 40 % short: the evidence says two workouts.
    await ingestPage(userId, "garmin", [record("garmin", "g2", { distanceMeters: 6_000 })]);
    await ingestPage(userId, "polar", [record("polar", "p2", { startTime: new Date(T + 600_000), elapsedSeconds: 1800 })]);
    const before = await feedOf(userId);
    expect(before).toHaveLength(2);

    const { workoutId } = await mergeWorkouts(userId, before.map((w) => w.id));
    const after = await feedOf(userId);
    expect(after.map((w) => w.id)).toEqual([workoutId]);
    expect(sourcesOf(after[0]!)[1]!.reason).toBe("you marked them as the same workout");
    await ingestPage(userId, "polar", [record("polar", "p2", { startTime: new Date(T + 600_000), elapsedSeconds: 1800, name: "renamed" })]);
    expect(await feedOf(userId)).toHaveLength(1);

    await ingestPage(userId, "coros", [record("coros", "c-far", { startTime: new Date(T + 20 * 3_600_000) })]);
    const far = (await feedOf(userId)).find((w) => w.primary_provider === "coros")!;
    await expect(mergeWorkouts(userId, [workoutId, far.id])).rejects.toThrow(/more than 14 hours apart/);
    await expect(mergeWorkouts(userId, [workoutId, workoutId])).rejects.toThrow(/at least two/);
    await expect(mergeWorkouts(userId, [workoutId, "nope"])).rejects.toThrow(/'nope' was not found/);
  });

  it("refuses to split a record that is alone, or someone else's", async () => {
    const owner = await app.createUser();
    const stranger = await app.createUser();
    await ingestPage(owner, "garmin", [record("garmin", "alone")]);
    const [row] = await listAllActivities(app.store, owner);
    await expect(splitFromWorkout(owner, row!.id)).rejects.toThrow(/nothing to separate/);
    await expect(splitFromWorkout(stranger, row!.id)).rejects.toThrow(/was not found/);
    await expect(forgetCorrections(stranger, row!.id)).rejects.toThrow(/was not found/);
  });

  it("shows the person's chosen source first, and the deployment's order again when they reset it", async () => {
    const userId = await app.createUser();
    await ingestPage(userId, "garmin", [record("garmin", "g3")]);
    await ingestPage(userId, "strava", [record("strava", "s3", { name: "Named on Strava" })]);
    expect((await feedOf(userId))[0]!.primary_provider).toBe("garmin");

    await setSourcePriority(app.catalog.registry, userId, ["strava"]);
    const [workout] = await feedOf(userId);
    expect(workout!.primary_provider).toBe("strava");
    expect((await findWorkout(userId, workout!.id, app.store))!.name).toBe("Named on Strava");

    await setSourcePriority(app.catalog.registry, userId, null);
    expect((await feedOf(userId))[0]!.primary_provider).toBe("garmin");
    await expect(setSourcePriority(app.catalog.registry, userId, ["strava", "myspace"])).rejects.toThrow(/Unknown provider in the order: myspace/);
    await expect(setSourcePriority(app.catalog.registry, userId, ["strava", "strava"])).rejects.toThrow(/once/);
  });

  it("shows a triathlon as one workout, the multisport record first, its legs inside", async () => {
    const userId = await app.createUser();
    const start = T;
    await ingestPage(userId, "strava", [record("strava", "tri", { sport: "multisport", elapsedSeconds: 2 * 3600, distanceMeters: 51_500, averageHeartRate: null })]);
    // The legs come from a source the deployment ranks first; the whole is still the one shown.
    await ingestPage(userId, "garmin", [
      record("garmin", "swim", { sport: "swim", elapsedSeconds: 1500, distanceMeters: 1500, averageHeartRate: null }),
      record("garmin", "bike", { sport: "ride", startTime: new Date(start + 1620_000), elapsedSeconds: 3600, distanceMeters: 40_000, averageHeartRate: null }),
      record("garmin", "run", { sport: "run", startTime: new Date(start + 5340_000), elapsedSeconds: 1800, distanceMeters: 10_000, averageHeartRate: null }),
    ]);
    const feed = await feedOf(userId);
    expect(feed).toHaveLength(1);
    const sources = sourcesOf(feed[0]!);
    expect(sources[0]).toMatchObject({ provider: "strava", role: "primary" });
    expect(sources.slice(1).map((s) => [s.role, s.leg?.sport])).toEqual(
      expect.arrayContaining([
        ["leg", "swim"],
        ["leg", "ride"],
        ["leg", "run"],
      ]),
    );
    expect(sources.find((s) => s.leg?.sport === "ride")!.reason).toMatch(/ride leg inside the multisport record/);
  });
});
