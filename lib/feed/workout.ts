import "server-only";
import { activityValuesToJson, pickActivityValues, type ActivityValuesJson } from "@/lib/activity/fields";
import { getStore } from "@/lib/db";
import { findWorkout, listActivitiesById, listActivitiesInGroups } from "@/lib/db/queries";
import { AppError, excerpt } from "@/lib/errors";
import { createFormatter, sportLabels } from "@/lib/format";
import type { ProviderRegistry } from "@/lib/providers/registry";
import type { StoredSource } from "./grouping";
import { toFeedItem, type FeedItem } from "./query";

/** One record of a workout, as the provider that sent it has it (values only, never the payload). */
export interface WorkoutSource {
  provider: string;
  providerActivityId: string;
  activityId: string;
  primary: boolean;
  /** How it belongs to the workout: the shown record, a copy, a multisport leg or a detector's fragment. */
  role: StoredSource["role"];
  /** Why it was taken for the same workout (null for the shown record). */
  reason: string | null;
  url: string | null;
  values: ActivityValuesJson;
}

export interface WorkoutDetail {
  /** The merged workout, as the feed shows it. */
  activity: FeedItem;
  /** Every record of it, the shown (primary) one first, then in source priority. */
  sources: WorkoutSource[];
  /** One or two sentences for a reader (or a model) who wants the gist. */
  summary: string;
}

function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "Run on Sat 1 Mar 2025, 07:30: 10.20 km in 52:10 (5:07 /km), +85 m, average heart rate 148. Recorded by Garmin; also on Strava." */
export function summarizeWorkout(activity: FeedItem, displayName: (provider: string) => string, format = createFormatter()): string {
  const seconds = activity.movingSeconds ?? activity.elapsedSeconds;
  const figures = [
    format.distance(activity.distanceMeters),
    format.duration(seconds) && `${activity.distanceMeters ? "in " : ""}${format.duration(seconds)}`,
  ]
    .filter(Boolean)
    .join(" ");
  const extras = [
    format.paceOrSpeed(activity.sport, activity.distanceMeters, seconds),
    activity.elevationGainMeters ? `+${format.elevation(activity.elevationGainMeters)}` : null,
    activity.averageHeartRate ? `average heart rate ${Math.round(activity.averageHeartRate)}` : null,
    activity.calories ? `${Math.round(activity.calories)} kcal` : null,
  ].filter(Boolean);
  const what = `${sportLabels[activity.sport] ?? activity.sport} "${activity.name}" on ${format.workoutDateTime(activity.startTime, activity.utcOffsetMinutes)}`;
  const body = [figures, ...extras].filter(Boolean).join(", ");
  const also = activity.alsoOn.length ? `; also on ${listNames(activity.alsoOn.map((other) => displayName(other.provider)))}` : "";
  return `${what}${body ? `: ${body}` : ""}. Recorded by ${displayName(activity.provider)}${also}.`;
}

/**
 * One workout of the person, by its id (the feed item's id) or the id of any of its records,
 * with every source record beside the merged values.
 */
export async function workoutDetail(registry: ProviderRegistry, userId: string, id: string): Promise<WorkoutDetail> {
  const store = getStore();
  let workout = await findWorkout(userId, id);
  if (!workout) {
    const [record] = await listActivitiesById(store, userId, [id]);
    if (record?.groupId) workout = await findWorkout(userId, record.groupId);
  }
  if (!workout) throw new AppError("not_found", `No activity with id '${excerpt(id)}'. Use an id from get_activities.`);

  const activity = toFeedItem(registry, workout);
  const stored = JSON.parse(workout.sources) as StoredSource[];
  const order = stored.map((source) => source.activityId);
  const storedOf = (activityId: string) => stored.find((source) => source.activityId === activityId);
  const members = (await listActivitiesInGroups(store, userId, [workout.id])).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const displayName = (provider: string) => registry.getDefinition(provider)?.displayName ?? provider;
  return {
    activity,
    sources: members.map((member) => ({
      provider: member.provider,
      providerActivityId: member.providerActivityId,
      activityId: member.id,
      primary: member.id === workout.id,
      role: storedOf(member.id)?.role ?? (member.id === workout.id ? "primary" : "copy"),
      reason: storedOf(member.id)?.reason ?? null,
      url: registry.activityUrl(member.provider, member.providerActivityId),
      values: activityValuesToJson(pickActivityValues(member)),
    })),
    summary: summarizeWorkout(activity, displayName),
  };
}
