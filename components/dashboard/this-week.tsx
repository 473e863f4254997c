"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormat } from "@/components/format-provider";
import { SportIcon } from "@/components/sport-icon";
import { sportInfo, type Sport } from "@/lib/activity/sports";
import type { Totals } from "@/lib/feed/summary";
import { sportLabels } from "@/lib/format";
import { fetchTraining } from "./api";

const none: Totals = { count: 0, seconds: 0, distanceMeters: 0, elevationGainMeters: 0 };

/** This week against last week, per sport: what a person checks first. Week start follows their preference. */
export function ThisWeek() {
  const format = useFormat();
  const training = useQuery({ queryKey: ["activities", "training", "week"], queryFn: () => fetchTraining("week") });
  const periods = training.data?.summary.periods ?? [];
  const current = periods.at(-1);
  const previous = periods.at(-2);
  const sports = [...new Set([...Object.keys(current?.bySport ?? {}), ...Object.keys(previous?.bySport ?? {})])].sort(
    (a, b) => (current?.bySport[b]?.seconds ?? 0) - (current?.bySport[a]?.seconds ?? 0),
  );
  const change = (now: number, before: number, show: (value: number) => string) => {
    const delta = now - before;
    if (Math.abs(delta) < 1e-9) return "same as last week";
    return `${delta > 0 ? "+" : "−"}${show(Math.abs(delta))} vs last week`;
  };
  const total = current?.totals ?? none;
  return (
    <section aria-labelledby="week-heading" className="card space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="week-heading" className="text-lg font-semibold">
          This week
        </h2>
        <Link href="/training" className="text-sm font-medium text-brand-700 underline">
          Totals and trends
        </Link>
      </div>
      {training.isError && <p role="alert" className="text-sm text-red-800">This week’s totals could not be loaded.</p>}
      {training.isPending && <p className="text-sm text-slate-600">Adding up your week…</p>}
      {current && (
        <>
          <p className="text-sm text-slate-700" data-testid="week-total">
            <strong>{total.count}</strong> {total.count === 1 ? "workout" : "workouts"} · <strong>{format.hours(total.seconds)}</strong>
            {total.distanceMeters > 0 && (
              <>
                {" "}
                · <strong>{format.distance(total.distanceMeters)}</strong>
              </>
            )}
            <span className="text-slate-600"> ({change(total.seconds, previous?.totals.seconds ?? 0, (v) => format.hours(v))})</span>
          </p>
          {sports.length > 0 && (
            <ul aria-label="This week by sport" className="grid gap-1 sm:grid-cols-2">
              {sports.map((sport) => {
                const now = current.bySport[sport] ?? none;
                const before = previous?.bySport[sport] ?? none;
                const byDistance = sportInfo[sport as Sport]?.distance && (now.distanceMeters > 0 || before.distanceMeters > 0);
                return (
                  <li key={sport} className="flex items-center gap-2 text-sm" data-sport={sport}>
                    <SportIcon sport={sport} size="sm" />
                    <span className="min-w-0">
                      <span className="font-medium">{sportLabels[sport] ?? sport}</span>{" "}
                      {byDistance ? (format.distance(now.distanceMeters) ?? `0 ${format.distanceUnit}`) : format.hours(now.seconds)}
                      <span className="text-slate-600">
                        {" "}
                        ({byDistance
                          ? change(now.distanceMeters, before.distanceMeters, (v) => format.distance(v) ?? `0 ${format.distanceUnit}`)
                          : change(now.seconds, before.seconds, (v) => format.hours(v))})
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
