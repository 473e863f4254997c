import "server-only";
import { findConnection, listActivitiesInGroups } from "@/lib/db/queries";
import { findActivityRaw, findActivityStreams, saveActivityStreams } from "@/lib/db/queries/streams";
import { findWorkout } from "@/lib/db/queries/workouts";
import { getStore } from "@/lib/db";
import { authorizedClient } from "@/lib/connections/tokens";
import { AppError, excerpt } from "@/lib/errors";
import type { StoredSource } from "@/lib/feed/grouping";
import { parseProviderJson } from "@/lib/providers/json";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { boundStreams, describeStreams, type ActivityStreams } from "./streams";

/** Stored streams never exceed this (the bounded form is far smaller; this guards odd providers). */
export const MAX_STORED_BYTES = 256 * 1024;

export interface WorkoutStreams {
  /** The record the streams are from, or null when no source has any. */
  source: { provider: string; activityId: string; fetchedAt: string } | null;
  streams: ActivityStreams | null;
  /** Why there are none, when there are none. */
  reason: string | null;
}

/**
 * The time series and route of a workout: the first of its records (shown one first, legs last)
 * whose provider has them. Each record's streams are fetched from its provider the first time
 * anyone asks and kept (or "none" is kept), so a page is opened without calling the provider
 * again. A failed fetch is not kept: the next opening tries again.
 */
export async function getWorkoutStreams(registry: ProviderRegistry, userId: string, workoutId: string): Promise<WorkoutStreams> {
  const workout = await findWorkout(userId, workoutId);
  if (!workout) throw new AppError("not_found", `Workout '${excerpt(workoutId)}' was not found.`);
  const sources = JSON.parse(workout.sources) as StoredSource[];
  const rank = (role: StoredSource["role"]) => (role === "leg" ? 1 : 0);
  const order = sources.map((source, i) => ({ ...source, i })).sort((a, b) => rank(a.role) - rank(b.role) || a.i - b.i);
  const members = new Map((await listActivitiesInGroups(getStore(), userId, [workoutId])).map((m) => [m.id, m]));
  const problems: string[] = [];
  for (const source of order) {
    const member = members.get(source.activityId);
    if (!member) continue;
    const cached = await findActivityStreams(userId, member.id);
    if (cached?.status === "ok" && cached.data) {
      return { source: { provider: member.provider, activityId: member.id, fetchedAt: cached.fetchedAt.toISOString() }, streams: JSON.parse(cached.data) as ActivityStreams, reason: null };
    }
    if (cached?.status === "none") continue;
    const provider = registry.createProvider(member.provider);
    if (!provider?.fetchStreams) continue;
    const connection = await findConnection(userId, member.provider);
    if (!connection || (connection.status !== "connected" && connection.status !== "error")) continue;
    try {
      const client = await authorizedClient(connection, provider);
      const rawText = await findActivityRaw(userId, member.id);
      const fetched = await client.fetchStreams!({
        providerActivityId: member.providerActivityId,
        startTime: member.startTime,
        elapsedSeconds: member.elapsedSeconds,
        raw: rawText ? parseProviderJson(rawText) : null,
      });
      const stored = await storeStreams(userId, member.id, fetched);
      if (stored) return { source: { provider: member.provider, activityId: member.id, fetchedAt: new Date().toISOString() }, streams: stored, reason: null };
    } catch (error) {
      const name = registry.getDefinition(member.provider)?.displayName ?? member.provider;
      problems.push(error instanceof AppError ? error.message : `${name} did not send this workout's samples.`);
    }
  }
  return {
    source: null,
    streams: null,
    reason: problems.length > 0 ? problems.join(" ") : "None of this workout's sources recorded samples or a route that Pierre can read.",
  };
}

/** Keeps the bounded streams (or that there are none) for one record; returns what was kept. */
export async function storeStreams(userId: string, activityId: string, streams: ActivityStreams | null, now = new Date()): Promise<ActivityStreams | null> {
  const bounded = streams && (streams.time.length > 1 || (streams.route?.length ?? 0) > 1) ? boundStreams(streams) : null;
  const data = bounded ? JSON.stringify(bounded) : null;
  const keep = data !== null && Buffer.byteLength(data) <= MAX_STORED_BYTES;
  await getStore().transaction((tx) =>
    saveActivityStreams(tx, {
      activityId,
      userId,
      status: keep ? "ok" : "none",
      data: keep ? data : null,
      points: keep ? bounded!.time.length : 0,
      bytes: keep ? Buffer.byteLength(data!) : 0,
      fetchedAt: now,
    }),
  );
  return keep ? bounded : null;
}

/** What a workout's streams hold, without the arrays: for answers meant for models and lists. */
export function streamsSummary(result: WorkoutStreams): { provider: string | null; samples: number; series: string[]; routePoints: number } {
  if (!result.streams) return { provider: null, samples: 0, series: [], routePoints: 0 };
  return { provider: result.source?.provider ?? null, ...describeStreams(result.streams) };
}
