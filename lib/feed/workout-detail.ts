import "server-only";
import { activityValuesToJson, mergeActivityValues, pickActivityValues, type ActivityFieldName, type ActivityValuesJson } from "@/lib/activity/fields";
import { getStore } from "@/lib/db";
import { listActivitiesInGroups, listMatchVerdicts } from "@/lib/db/queries";
import { findWorkout, listWorkoutsBetween } from "@/lib/db/queries/workouts";
import { AppError, excerpt } from "@/lib/errors";
import type { ProviderRegistry } from "@/lib/providers/registry";
import { defaultMatcher } from "./dedup";
import type { StoredSource } from "./grouping";
import { toFeedItem, type FeedItem } from "./query";
import { recordKey } from "./verdicts";

/** One source's record of a workout, as that source recorded it. */
export type WorkoutRecord = ActivityValuesJson & {
  activityId: string;
  provider: string;
  providerActivityId: string;
  url: string | null;
  role: StoredSource["role"];
  reason: string | null;
};

export interface WorkoutDetail {
  workout: FeedItem;
  /** Every record, the shown one first. */
  records: WorkoutRecord[];
  /** Whether the person's own verdicts shaped this workout ("let Pierre decide" undoes them). */
  corrected: boolean;
  /** Other workouts close enough in time to be merged with this one. */
  nearby: FeedItem[];
  /** Which source each shown value came from (null where no source has it). */
  fieldSources: Record<ActivityFieldName, string | null>;
}

const NEARBY_LIMIT = 20;

export async function getWorkoutDetail(registry: ProviderRegistry, userId: string, workoutId: string): Promise<WorkoutDetail> {
  const store = getStore();
  const row = await findWorkout(userId, workoutId, store);
  if (!row) throw new AppError("not_found", `Workout '${excerpt(workoutId)}' was not found.`);
  const workout = toFeedItem(registry, row);
  const sources = JSON.parse(row.sources) as StoredSource[];
  const members = new Map((await listActivitiesInGroups(store, userId, [workoutId])).map((m) => [m.id, m]));
  const records = sources.flatMap((source, i): WorkoutRecord[] => {
    const member = members.get(source.activityId);
    if (!member) return [];
    return [
      {
        ...activityValuesToJson(pickActivityValues(member)),
        activityId: member.id,
        provider: member.provider,
        providerActivityId: member.providerActivityId,
        url: registry.activityUrl(member.provider, member.providerActivityId),
        role: source.role ?? (i === 0 ? "primary" : "copy"),
        reason: source.reason ?? null,
      },
    ];
  });
  // The shown values are the primary's with gaps filled from the other whole records, in order.
  const whole = sources.flatMap((source) => {
    const member = members.get(source.activityId);
    return member && source.role !== "leg" ? [{ ...pickActivityValues(member), provider: member.provider }] : [];
  });
  const fieldSources = whole.length > 0 ? mergeActivityValues(whole[0]!, whole.slice(1)).sources : ({} as Record<ActivityFieldName, string | null>);
  const keys = new Set(records.map(recordKey));
  const corrected = (await listMatchVerdicts(store, userId)).some((v) => keys.has(v.recordA) || keys.has(v.recordB));
  const start = row.startTime.getTime();
  const window = defaultMatcher.windowMs;
  const nearby = (await listWorkoutsBetween(userId, new Date(start - window), new Date(start + window), NEARBY_LIMIT + 1, store))
    .filter((other) => other.id !== row.id)
    .slice(0, NEARBY_LIMIT)
    .map((other) => toFeedItem(registry, other));
  return { workout, records, corrected, nearby, fieldSources };
}
