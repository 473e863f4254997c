import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForgetButton, MergeButton, SplitButton } from "@/components/activity/correction-buttons";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getWorkoutDetail, type WorkoutDetail, type WorkoutRecord } from "@/lib/feed/workout-detail";
import { formatDistance, formatDuration, formatLocalDateTime, formatPaceOrSpeed, sportLabels } from "@/lib/format";
import { getRegistry } from "@/lib/providers";

export const metadata: Metadata = { title: "Workout" };
export const dynamic = "force-dynamic";

const roleLabels: Record<WorkoutRecord["role"], string> = { primary: "Shown", copy: "Same workout", leg: "Leg", part: "Part of it" };

function figures(values: { sport: string; distanceMeters: number | null; elapsedSeconds: number | null; movingSeconds: number | null; averageHeartRate: number | null; elevationGainMeters: number | null; calories: number | null }) {
  const duration = values.movingSeconds ?? values.elapsedSeconds;
  return [
    ["Distance", formatDistance(values.distanceMeters)],
    ["Duration", formatDuration(values.elapsedSeconds ?? values.movingSeconds)],
    [values.sport === "ride" ? "Speed" : "Pace", formatPaceOrSpeed(values.sport, values.distanceMeters, duration)],
    ["Elevation", values.elevationGainMeters ? `${Math.round(values.elevationGainMeters)} m` : null],
    ["Heart rate", values.averageHeartRate ? `${Math.round(values.averageHeartRate)} bpm` : null],
    ["Calories", values.calories ? `${Math.round(values.calories)} kcal` : null],
  ].filter((entry): entry is [string, string] => entry[1] !== null);
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
  const { workout, records, corrected, nearby } = await load(user.id, id);
  const registry = getRegistry();
  const nameOf = (provider: string) => registry.getDefinition(provider)?.displayName ?? provider;
  const legs = records.filter((r) => r.role === "leg").sort((a, b) => a.startTime.localeCompare(b.startTime));
  const sources = records.filter((r) => r.role !== "leg");

  return (
    <article className="space-y-8" aria-labelledby="workout-name" data-workout-id={workout.id}>
      <div className="space-y-1">
        <Link href="/dashboard" className="text-sm text-brand-700 underline">
          ← Back to the feed
        </Link>
        <h1 id="workout-name" className="text-2xl font-bold break-words">
          {workout.name}
        </h1>
        <p className="text-sm text-slate-600">
          {sportLabels[workout.sport] ?? workout.sport} · <time dateTime={workout.startTime}>{formatLocalDateTime(workout.startTime, workout.utcOffsetMinutes)}</time>
          {workout.device && ` · ${workout.device}`}
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {figures(workout).map(([label, value]) => (
          <div key={label} className="card">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

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
                  <p className="text-sm text-slate-600">{figures(leg).map(([label, value]) => `${label} ${value}`).join(" · ")}</p>
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
          {sources.map((record) => (
            <li key={record.activityId} className="card space-y-2" data-record={record.provider} data-role={record.role}>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="font-medium">
                  {record.url ? (
                    <a href={record.url} target="_blank" rel="noreferrer noopener" className="underline">
                      {nameOf(record.provider)}
                    </a>
                  ) : (
                    nameOf(record.provider)
                  )}{" "}
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{roleLabels[record.role]}</span>
                </p>
                {records.length > 1 && <SplitButton workoutId={workout.id} activityId={record.activityId} sourceName={nameOf(record.provider)} />}
              </div>
              <p className="text-sm text-slate-700">
                {record.name} · {formatLocalDateTime(record.startTime, record.utcOffsetMinutes)}
                {record.device && ` · ${record.device}`}
              </p>
              <p className="text-sm text-slate-600">{figures(record).map(([label, value]) => `${label} ${value}`).join(" · ")}</p>
              {record.reason && (
                <p className="text-sm text-slate-700" data-testid="match-reason">
                  <span className="font-medium">Why it is the same workout:</span> {record.reason}
                </p>
              )}
            </li>
          ))}
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
                <div>
                  <Link href={`/activities/${encodeURIComponent(other.id)}`} className="font-medium underline">
                    {other.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {nameOf(other.provider)} · {formatLocalDateTime(other.startTime, other.utcOffsetMinutes)} · {figures(other).slice(0, 2).map(([, value]) => value).join(" · ")}
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
