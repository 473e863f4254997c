import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForgetButton, MergeButton, SplitButton } from "@/components/activity/correction-buttons";
import { WorkoutStreamsView } from "@/components/activity/workout-streams";
import { ProviderLogo } from "@/components/provider-logo";
import { SportIcon } from "@/components/sport-icon";
import { activityFieldNames, activityFields, type ActivityFieldName, type ActivityValuesJson } from "@/lib/activity/fields";
import { requirePageUser } from "@/lib/auth/session";
import { mapTilesEnabled, OSM_ATTRIBUTION, OSM_TILES } from "@/lib/config/map";
import { AppError } from "@/lib/errors";
import { getWorkoutDetail, type WorkoutDetail, type WorkoutRecord } from "@/lib/feed/workout-detail";
import { sportLabels, type Formatter } from "@/lib/format";
import { formatterFor } from "@/lib/preferences";
import { getRegistry } from "@/lib/providers";

export const metadata: Metadata = { title: "Workout" };
export const dynamic = "force-dynamic";

const roleLabels: Record<WorkoutRecord["role"], string> = { primary: "Shown", copy: "Same workout", leg: "Leg", part: "Part of it" };

type Values = Pick<ActivityValuesJson, "sport" | "distanceMeters" | "elapsedSeconds" | "movingSeconds" | "averageHeartRate" | "elevationGainMeters" | "calories">;

function figures(format: Formatter, values: Values): [string, string][] {
  const duration = values.movingSeconds ?? values.elapsedSeconds;
  const entries: [string, string | null][] = [
    ["Distance", format.distance(values.distanceMeters)],
    ["Duration", format.duration(values.elapsedSeconds ?? values.movingSeconds)],
    [format.usesPace(values.sport) ? "Pace" : "Speed", format.paceOrSpeed(values.sport, values.distanceMeters, duration)],
    ["Elevation", format.elevation(values.elevationGainMeters)],
    ["Heart rate", format.heartRate(values.averageHeartRate)],
    ["Calories", format.calories(values.calories)],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== null);
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** One field of one record, as a person reads it. */
function fieldValue(format: Formatter, name: ActivityFieldName, values: ActivityValuesJson): string | null {
  switch (name) {
    case "sport":
      return sportLabels[values.sport] ?? values.sport;
    case "startTime":
      return format.workoutDateTime(values.startTime, values.utcOffsetMinutes);
    case "utcOffsetMinutes":
      return values.utcOffsetMinutes === null ? null : offsetText(values.utcOffsetMinutes);
    case "elapsedSeconds":
    case "movingSeconds":
      return format.duration(values[name]);
    case "distanceMeters":
      return format.distance(values.distanceMeters);
    case "elevationGainMeters":
      return format.elevation(values.elevationGainMeters);
    case "averageHeartRate":
    case "maxHeartRate":
      return format.heartRate(values[name]);
    case "calories":
      return format.calories(values.calories);
    default:
      return values[name] === null ? null : String(values[name]);
  }
}

async function load(userId: string, id: string): Promise<WorkoutDetail> {
  try {
    return await getWorkoutDetail(getRegistry(), userId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function WorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/activities/${encodeURIComponent(id)}`);
  const [{ workout, records, corrected, nearby, fieldSources }, { format }] = await Promise.all([load(user.id, id), formatterFor(user.id)]);
  const registry = getRegistry();
  const definitionOf = (provider: string) => registry.getDefinition(provider);
  const nameOf = (provider: string) => definitionOf(provider)?.displayName ?? provider;
  const names = Object.fromEntries(registry.listDefinitions().map((d) => [d.id, d.displayName]));
  const legs = records.filter((r) => r.role === "leg").sort((a, b) => a.startTime.localeCompare(b.startTime));
  const sources = records.filter((r) => r.role !== "leg");
  const tiles = mapTilesEnabled() ? OSM_TILES : null;

  return (
    <article className="space-y-8" aria-labelledby="workout-name" data-workout-id={workout.id}>
      <div className="space-y-2">
        <Link href="/dashboard" className="text-sm text-brand-700 underline">
          ← Back to the feed
        </Link>
        <div className="flex items-start gap-3">
          <SportIcon sport={workout.sport} />
          <div className="min-w-0">
            <h1 id="workout-name" className="text-2xl font-bold break-words">
              {workout.name}
            </h1>
            <p className="text-sm text-slate-700">
              {sportLabels[workout.sport] ?? workout.sport} · <time dateTime={workout.startTime}>{format.workoutDateTime(workout.startTime, workout.utcOffsetMinutes)}</time>
              {workout.device && ` · ${workout.device}`}
            </p>
          </div>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Summary">
        {figures(format, workout).map(([label, value]) => (
          <div key={label} className="card">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

      <WorkoutStreamsView workoutId={workout.id} sport={workout.sport} names={names} tiles={tiles} attribution={OSM_ATTRIBUTION} />

      <section aria-labelledby="fields-heading" className="space-y-3">
        <h2 id="fields-heading" className="text-lg font-semibold">
          Every field, source by source
        </h2>
        <p className="text-sm text-slate-700">The shown value is the first source’s; a gap is filled from the next source that has it, and says which.</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby="fields-heading">
          <table className="min-w-full text-sm" aria-label="Fields of this workout by source">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Field
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Shown
                </th>
                {sources.map((record) => (
                  <th key={record.activityId} scope="col" className="px-3 py-2 font-medium" data-source-column={record.provider}>
                    {nameOf(record.provider)} <span className="font-normal text-slate-600">({roleLabels[record.role].toLowerCase()})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {activityFieldNames.map((name) => {
                const from = fieldSources[name];
                return (
                  <tr key={name} data-field={name}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-700">
                      {activityFields[name].label}
                    </th>
                    <td className="px-3 py-2">
                      {fieldValue(format, name, workout) ?? <span className="text-slate-600">—</span>}
                      {from && (
                        <span className="ml-2 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" data-testid="value-source">
                          from {nameOf(from)}
                        </span>
                      )}
                    </td>
                    {sources.map((record) => (
                      <td key={record.activityId} className="px-3 py-2 text-slate-800">
                        {fieldValue(format, name, record) ?? <span className="text-slate-600">—</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {legs.length > 0 && (
        <section aria-labelledby="legs-heading" className="space-y-3">
          <h2 id="legs-heading" className="text-lg font-semibold">
            Legs
          </h2>
          <ol aria-label="Legs" className="space-y-2">
            {legs.map((leg) => (
              <li key={leg.activityId} className="card flex flex-wrap items-center justify-between gap-3" data-record={leg.provider}>
                <div>
                  <p className="font-medium">
                    {sportLabels[leg.sport] ?? leg.sport} <span className="text-sm font-normal text-slate-600">· {nameOf(leg.provider)}</span>
                  </p>
                  <p className="text-sm text-slate-600">{figures(format, leg).map(([label, value]) => `${label} ${value}`).join(" · ")}</p>
                </div>
                <SplitButton workoutId={workout.id} activityId={leg.activityId} sourceName={nameOf(leg.provider)} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="sources-heading" className="space-y-3">
        <h2 id="sources-heading" className="text-lg font-semibold">
          Recorded by
        </h2>
        <ul aria-label="Records" className="space-y-2">
          {sources.map((record) => {
            const definition = definitionOf(record.provider);
            return (
              <li key={record.activityId} className="card space-y-2" data-record={record.provider} data-role={record.role}>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {definition && <ProviderLogo name={definition.displayName} brandColor={definition.brandColor} logo={definition.logo} size="sm" />}
                    <span>{nameOf(record.provider)}</span>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{roleLabels[record.role]}</span>
                    {record.url && (
                      <a href={record.url} target="_blank" rel="noreferrer noopener" className="text-sm font-normal text-brand-700 underline">
                        Open on {nameOf(record.provider)}
                      </a>
                    )}
                  </p>
                  {records.length > 1 && <SplitButton workoutId={workout.id} activityId={record.activityId} sourceName={nameOf(record.provider)} />}
                </div>
                <p className="text-sm text-slate-700">
                  {record.name} · {format.workoutDateTime(record.startTime, record.utcOffsetMinutes)}
                  {record.device && ` · ${record.device}`}
                </p>
                <p className="text-sm text-slate-600">{figures(format, record).map(([label, value]) => `${label} ${value}`).join(" · ")}</p>
                {record.reason && (
                  <p className="text-sm text-slate-700" data-testid="match-reason">
                    <span className="font-medium">Why it is the same workout:</span> {record.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {corrected && (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <span>You changed how this workout is grouped.</span>
            <ForgetButton workoutId={workout.id} />
          </div>
        )}
      </section>

      {nearby.length > 0 && (
        <section aria-labelledby="nearby-heading" className="space-y-3">
          <h2 id="nearby-heading" className="text-lg font-semibold">
            Around the same time
          </h2>
          <p className="text-sm text-slate-600">If one of these is this workout recorded elsewhere, merge it.</p>
          <ul aria-label="Nearby workouts" className="space-y-2">
            {nearby.map((other) => (
              <li key={other.id} className="card flex flex-wrap items-center justify-between gap-3" data-nearby={other.id}>
                <div className="min-w-0">
                  <Link href={`/activities/${encodeURIComponent(other.id)}`} className="font-medium underline">
                    {other.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {nameOf(other.provider)} · {format.workoutDateTime(other.startTime, other.utcOffsetMinutes)} ·{" "}
                    {figures(format, other)
                      .slice(0, 2)
                      .map(([, value]) => value)
                      .join(" · ")}
                  </p>
                </div>
                <MergeButton workoutId={workout.id} otherId={other.id} otherName={other.name} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
