"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fetchStreams } from "@/components/dashboard/api";
import { useFormat } from "@/components/format-provider";
import type { Formatter } from "@/lib/format";
import type { ActivityStreams, SeriesKey } from "@/lib/streams/streams";

// Leaflet reads `window` when loaded: the map is drawn in the browser only.
const RouteMap = dynamic(() => import("./route-map").then((m) => m.RouteMap), { ssr: false, loading: () => <div className="h-64 rounded-md bg-slate-100 sm:h-80" /> });

interface ChartSpec {
  key: SeriesKey | "pace";
  title: string;
  color: string;
  unit: (format: Formatter, sport: string) => string;
  value: (format: Formatter, sport: string, raw: number) => number | null;
  /** Pace is better read with faster at the top. */
  reversed?: boolean;
  tick?: (format: Formatter, value: number) => string;
}

const charts: ChartSpec[] = [
  { key: "heartRate", title: "Heart rate", color: "#be123c", unit: () => "bpm", value: (_, __, v) => v },
  {
    key: "pace",
    title: "Pace",
    color: "#047857",
    unit: (f, sport) => f.paceUnit(sport),
    value: (f, sport, v) => {
      const pace = f.paceValue(sport, v);
      // Standing still has no pace worth drawing.
      return pace !== null && pace < 60 * 30 ? Math.round(pace) : null;
    },
    reversed: true,
    tick: (f, v) => f.paceClock(v),
  },
  { key: "speed", title: "Speed", color: "#1d4ed8", unit: (f) => f.speedUnit, value: (f, _, v) => Math.round(f.speedValue(v) * 10) / 10 },
  { key: "altitude", title: "Elevation", color: "#92400e", unit: (f) => f.elevationUnit, value: (f, _, v) => Math.round(f.elevationValue(v)) },
  { key: "cadence", title: "Cadence", color: "#7e22ce", unit: (_, sport) => (sport === "ride" ? "rpm" : "spm"), value: (_, __, v) => v },
  { key: "power", title: "Power", color: "#c2410c", unit: () => "W", value: (_, __, v) => v },
];

function StreamChart({ spec, streams, sport }: { spec: ChartSpec; streams: ActivityStreams; sport: string }) {
  const format = useFormat();
  const source = spec.key === "pace" ? streams.speed : streams[spec.key];
  if (!source) return null;
  const data = streams.time.map((t, i) => {
    const raw = source[i];
    return { t, value: raw === null || raw === undefined ? null : spec.value(format, sport, raw) };
  });
  const present = data.filter((d) => d.value !== null).map((d) => d.value!);
  if (present.length < 2) return null;
  const unit = spec.unit(format, sport);
  const average = present.reduce((sum, v) => sum + v, 0) / present.length;
  const show = (v: number) => (spec.tick ? spec.tick(format, v) : format.number(v, spec.key === "speed" ? 1 : 0));
  return (
    <figure className="card space-y-2" data-testid={`chart-${spec.key}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{spec.title}</span>
        <span className="text-sm text-slate-700">
          average {show(average)} {unit} · range {show(Math.min(...present))}–{show(Math.max(...present))} {unit}
        </span>
      </figcaption>
      <div className="h-40" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => format.duration(t) ?? "0:00"} fontSize={11} minTickGap={32} />
            <YAxis fontSize={11} width={48} reversed={spec.reversed} domain={["auto", "auto"]} tickFormatter={(v: number) => show(v)} />
            <Tooltip labelFormatter={(t) => format.duration(Number(t)) ?? "0:00"} formatter={(v) => [`${show(Number(v))} ${unit}`, spec.title]} />
            <Line type="monotone" dataKey="value" stroke={spec.color} dot={false} strokeWidth={1.5} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Charts and route, asked for when the page opens (the first time, Pierre fetches them from a source). */
export function WorkoutStreamsView({ workoutId, sport, names, tiles, attribution }: { workoutId: string; sport: string; names: Record<string, string>; tiles: string | null; attribution: string }) {
  const format = useFormat();
  const streams = useQuery({ queryKey: ["activities", "streams", workoutId], queryFn: () => fetchStreams(workoutId), staleTime: Infinity, retry: false });
  const data = streams.data?.streams;
  const usePace = format.usesPace(sport);
  return (
    <section aria-labelledby="streams-heading" className="space-y-3">
      <h2 id="streams-heading" className="text-lg font-semibold">
        Route and samples
      </h2>
      {streams.isPending && <p className="text-sm text-slate-600">Fetching the recording’s samples…</p>}
      {streams.isError && (
        <div role="alert" className="text-sm text-red-800">
          The samples could not be loaded: {streams.error.message}{" "}
          <button type="button" className="btn-secondary ml-2" onClick={() => streams.refetch()}>
            Try again
          </button>
        </div>
      )}
      {streams.isSuccess && !data && <p className="text-sm text-slate-700">{streams.data.reason}</p>}
      {data && streams.data?.source && (
        <>
          <p className="text-sm text-slate-700" data-testid="streams-source">
            Samples from {names[streams.data.source.provider] ?? streams.data.source.provider}, {format.number(data.time.length)} points.
          </p>
          {data.route && data.route.length >= 2 && <RouteMap route={data.route} tiles={tiles} attribution={attribution} />}
          <div className="grid gap-3 lg:grid-cols-2">
            {charts
              .filter((spec) => (spec.key === "pace" ? usePace : spec.key === "speed" ? !usePace : true))
              .map((spec) => (
                <StreamChart key={spec.key} spec={spec} streams={data} sport={sport} />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
