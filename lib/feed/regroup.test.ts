import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sport } from "@/lib/activity/sports";
import { deleteActivities, saveSourcePriority, upsertActivities } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import type { NormalizedActivity } from "@/lib/providers/types";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { forgetCorrections, mergeWorkouts, splitFromWorkout } from "./corrections";
import { regroupAll, regroupAround, seedsOfDelete, seedsOfWrite } from "./regroup";

/**
 * The incremental regroup (after each sync page, delete or disconnect) must leave exactly what a
 * full regroup of the whole history leaves: the same groups, primaries and feed rows. Checked on
 * random histories built to be hard: overlaps, clock drift, back-to-back workouts, near misses,
 * edits that move a workout, deletions, providers that come and go, and the person's own
 * verdicts (split, merge, forget) that every later write must keep.
 */
const providers = ["garmin", "strava", "whoop", "polar", "coros"];
const priority = ["garmin", "coros", "polar", "whoop", "strava"];
const sports: Sport[] = ["run", "ride", "walk", "hike", "swim"];
const T0 = Date.parse("2025-06-01T06:00:00Z");

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterAll(async () => app.close());

interface Workout {
  minute: number;
  sport: number;
  minutes: number;
  km: number | null;
}
interface Recording {
  workout: number;
  provider: number;
  driftSeconds: number;
  distanceFactor: number;
  durationFactor: number;
  id: number;
}
const workoutArb = fc.record({
  // Clustered starts: many workouts within minutes of one another, some back to back.
  minute: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 30, 60, 90), fc.integer({ min: 0, max: 3 * 24 * 60 })),
  sport: fc.integer({ min: 0, max: sports.length - 1 }),
  minutes: fc.oneof(fc.constantFrom(30, 60), fc.integer({ min: 1, max: 180 })),
  km: fc.option(fc.double({ min: 1, max: 60, noNaN: true }), { nil: null }),
});
const recordingArb = (workouts: number) =>
  fc.record({
    workout: fc.integer({ min: 0, max: workouts - 1 }),
    provider: fc.integer({ min: 0, max: providers.length - 1 }),
    driftSeconds: fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -400, max: 400 })),
    distanceFactor: fc.constantFrom(1, 1.004, 0.97, 1.2),
    durationFactor: fc.constantFrom(1, 0.98, 0.6, 1.4),
    id: fc.integer({ min: 0, max: 7 }),
  });
const historyArb = fc
  .array(workoutArb, { minLength: 1, maxLength: 8 })
  .chain((workouts) =>
    fc.record({
      workouts: fc.constant(workouts),
      operations: fc.array(
        fc.oneof(
          { weight: 5, arbitrary: fc.record({ kind: fc.constant("sync" as const), recordings: fc.array(recordingArb(workouts.length), { minLength: 1, maxLength: 8 }) }) },
          { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit" as const), recording: recordingArb(workouts.length), shiftMinutes: fc.integer({ min: -20, max: 20 }) }) },
          { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), recording: recordingArb(workouts.length) }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), provider: fc.integer({ min: 0, max: providers.length - 1 }) }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("split" as const), pick: fc.nat() }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), pick: fc.nat(), other: fc.nat() }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("forget" as const), pick: fc.nat() }) },
        ),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

function activityOf(workouts: Workout[], r: Recording, shiftMinutes = 0): NormalizedActivity {
  const w = workouts[r.workout]!;
  return {
    provider: providers[r.provider]!,
    providerActivityId: `w${r.workout}-${r.id}`,
    name: `Workout ${r.workout}`,
    sport: sports[w.sport]!,
    sportType: null,
    startTime: new Date(T0 + (w.minute + shiftMinutes) * 60_000 + r.driftSeconds * 1000),
    utcOffsetMinutes: 60,
    elapsedSeconds: Math.round(w.minutes * 60 * r.durationFactor),
    movingSeconds: null,
    distanceMeters: w.km === null ? null : Math.round(w.km * 1000 * r.distanceFactor),
    elevationGainMeters: null,
    averageHeartRate: 140,
    maxHeartRate: null,
    calories: null,
    device: null,
    raw: { shiftMinutes },
  };
}

async function snapshot(userId: string) {
  const membership = await app.sql("select id, group_id, group_start, is_primary from activities where user_id = ? order by id", [userId]);
  const workouts = await app.sql("select * from workouts where user_id = ? order by id", [userId]);
  // The time a row was written is the only thing allowed to differ.
  return { membership, workouts: workouts.map((row) => ({ ...row, updated_at: undefined })) };
}

describe("incremental regrouping", () => {
  it("equals a full regroup on 1,000 random histories", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async ({ workouts, operations }) => {
        const userId = await app.createUser();
        await app.store.transaction((tx) => saveSourcePriority(tx, userId, priority));
        for (const operation of operations) {
          if (operation.kind === "split" || operation.kind === "merge" || operation.kind === "forget") {
            const rows = await app.sql<{ id: string; group_id: string }>("select id, group_id from activities where user_id = ? order by id", [userId]);
            const groups = [...new Set(rows.map((row) => row.group_id))].sort();
            if (rows.length === 0) continue;
            try {
              if (operation.kind === "split") await splitFromWorkout(userId, rows[operation.pick % rows.length]!.id);
              else if (operation.kind === "forget") await forgetCorrections(userId, groups[operation.pick % groups.length]!);
              else await mergeWorkouts(userId, [groups[operation.pick % groups.length]!, groups[operation.other % groups.length]!]);
            } catch (error) {
              // A record alone in its workout cannot be split, one workout cannot merge with itself.
              if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
            }
            continue;
          }
          await app.store.transaction(async (tx) => {
            if (operation.kind === "sync" || operation.kind === "edit") {
              const recordings = operation.kind === "sync" ? operation.recordings : [operation.recording];
              const shift = operation.kind === "edit" ? operation.shiftMinutes : 0;
              const byProvider = new Map<string, NormalizedActivity[]>();
              for (const r of recordings) {
                const activity = activityOf(workouts, r, shift);
                byProvider.set(activity.provider, [...(byProvider.get(activity.provider) ?? []), activity]);
              }
              for (const [provider, batch] of byProvider) {
                const written = await upsertActivities(tx, userId, provider, batch);
                await regroupAround(tx, userId, seedsOfWrite(written));
              }
            } else {
              const provider = providers[operation.kind === "delete" ? operation.recording.provider : operation.provider]!;
              const ids = operation.kind === "delete" ? [activityOf(workouts, operation.recording).providerActivityId] : undefined;
              const deleted = await deleteActivities(tx, userId, provider, ids);
              await regroupAround(tx, userId, seedsOfDelete(deleted));
            }
          });
        }
        const incremental = await snapshot(userId);
        await app.store.transaction((tx) => regroupAll(tx, userId));
        expect(incremental).toEqual(await snapshot(userId));
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  }, 300_000);
});
