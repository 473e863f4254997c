"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fetchTraining } from "@/components/dashboard/api";
import { useFormat } from "@/components/format-provider";
import type { Totals } from "@/lib/feed/summary";
import { sportColor, sportLabels, type Formatter } from "@/lib/format";

type Metric = "distance" | "time" | "count" | "elevation";
type GroupBy = "week" | "month";

const metrics: { id: Metric; label: string }[] = [
  { id: "distance", label: "Distance" },
  { id: "time", label: "Time" },
  { id: "count", label: "Workouts" },
  { id: "elevation", label: "Elevation" },
];

function valueOf(metric: Metric, totals: Totals | undefined, format: Formatter): number {
  if (!totals) return 0;
  const raw =
    metric === "distance"
      ? format.distanceValue(totals.distanceMeters)
      : metric === "time"
        ? totals.seconds / 3600
        : metric === "count"
          ? totals.count
          : format.elevationValue(totals.elevationGainMeters);
  return Math.round(raw * 10) / 10;
}

function unitOf(metric: Metric, format: Formatter): string {
  return metric === "distance" ? format.distanceUnit : metric === "time" ? "h" : metric === "count" ? "" : format.elevationUnit;
}

/** A choice of buttons that behaves as one control (only one pressed). */
function Choice<T extends string>({ label, options, value, onChange }: { label: string; options: { id: T; label: string }[]; value: T; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex flex-wrap overflow-hidden rounded-md border border-slate-300">
      {options.map((option) => (
        <button
          key={option.id}
          type="button"
          aria-pressed={value === option.id}
          onClick={() => onChange(option.id)}
          className={`px-3 py-1.5 text-sm ${value === option.id ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

export function TrainingCharts() {
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<GroupBy>("week");
  const [metric, setMetric] = useState<Metric>("distance");
  const training = useQuery({ queryKey: ["activities", "training", groupBy], queryFn: () => fetchTraining(groupBy) });
  const periods = training.data?.summary.periods ?? [];
  const sports = [...new Set(periods.flatMap((p) => Object.keys(p.bySport)))].filter((sport) => periods.some((p) => valueOf(metric, p.bySport[sport], format) > 0));
  const label = (start: string) => (groupBy === "week" ? format.day(start) : format.month(start));
  const data = periods.map((p) => ({ period: label(p.start), ...Object.fromEntries(sports.map((sport) => [sport, valueOf(metric, p.bySport[sport], format)])) }));
  const unit = unitOf(metric, format);
  const load = training.data?.load ?? [];
  const loadData = load.map((point) => ({ ...point, day: format.day(point.date) }));
  const latest = load.at(-1);
  const metricLabel = metrics.find((m) => m.id === metric)!.label;

  return (
    <div className="space-y-6">
      <section aria-labelledby="totals-heading" className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="totals-heading" className="text-lg font-semibold">
            {metricLabel} per {groupBy}, by sport
          </h2>
          <div className="flex flex-wrap gap-2">
            <Choice label="Period" options={[{ id: "week", label: "Weekly" }, { id: "month", label: "Monthly" }]} value={groupBy} onChange={setGroupBy} />
            <Choice label="Measure" options={metrics} value={metric} onChange={setMetric} />
          </div>
        </div>
        {training.isError && <p role="alert" className="text-sm text-red-800">Your totals could not be loaded.</p>}
        {training.isPending && <p className="text-sm text-slate-600">Adding up your training…</p>}
        {training.isSuccess && sports.length === 0 && <p className="text-sm text-slate-700">No training in these {groupBy}s yet.</p>}
        {sports.length > 0 && (
          <>
            <div className="h-72" aria-hidden="true" data-testid="totals-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period" fontSize={12} />
                  <YAxis fontSize={12} width={52} unit={unit ? ` ${unit}` : undefined} />
                  <Tooltip formatter={(value, name) => [`${format.number(Number(value), 1)}${unit ? ` ${unit}` : ""}`, sportLabels[String(name)] ?? String(name)]} />
                  <Legend formatter={(value: string) => sportLabels[value] ?? value} />
                  {sports.map((sport) => (
                    <Bar key={sport} dataKey={sport} stackId="totals" fill={sportColor(sport)} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="sr-only">
              <table>
                <caption>
                  {metricLabel} per {groupBy} and sport{unit ? ` (${unit})` : ""}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{groupBy === "week" ? "Week of" : "Month"}</th>
                    {sports.map((sport) => (
                      <th key={sport} scope="col">
                        {sportLabels[sport] ?? sport}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p) => (
                    <tr key={p.start}>
                      <th scope="row">{label(p.start)}</th>
                      {sports.map((sport) => (
                        <td key={sport}>{format.number(valueOf(metric, p.bySport[sport], format), 1)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="load-heading" className="card space-y-3">
        <h2 id="load-heading" className="text-lg font-semibold">
          Fitness, fatigue and form
        </h2>
        <p className="text-sm text-slate-700">
          Each workout’s load is its heart-rate TRIMP; fitness is its 42-day average, fatigue its 7-day average, and form is yesterday’s fitness minus
          fatigue. Workouts without heart rate add no load.
        </p>
        {latest && (
          <p className="text-sm" data-testid="load-today">
            Today: fitness <strong>{format.number(latest.fitness)}</strong>, fatigue <strong>{format.number(latest.fatigue)}</strong>, form{" "}
            <strong>{format.number(latest.form)}</strong>
          </p>
        )}
        {loadData.length > 0 && (
          <>
            <div className="h-64" aria-hidden="true" data-testid="load-chart">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={loadData} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="day" fontSize={12} minTickGap={24} />
                  <YAxis fontSize={12} width={40} />
                  <Tooltip formatter={(value) => format.number(Number(value), 1)} />
                  <Legend />
                  <Line type="monotone" dataKey="fitness" name="Fitness (CTL)" stroke="#1d4ed8" dot={false} strokeWidth={2} />
                  <Line type="monotone" dataKey="fatigue" name="Fatigue (ATL)" stroke="#be185d" dot={false} strokeWidth={1.5} />
                  <Line type="monotone" dataKey="form" name="Form (TSB)" stroke="#047857" dot={false} strokeWidth={1.5} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <div className="sr-only">
              <table>
                <caption>Fitness, fatigue and form, last four weeks</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Fitness</th>
                    <th scope="col">Fatigue</th>
                    <th scope="col">Form</th>
                  </tr>
                </thead>
                <tbody>
                  {load.slice(-28).map((point) => (
                    <tr key={point.date}>
                      <th scope="row">{format.day(point.date)}</th>
                      <td>{format.number(point.fitness, 1)}</td>
                      <td>{format.number(point.fatigue, 1)}</td>
                      <td>{format.number(point.form, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
