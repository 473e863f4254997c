"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { sportColors, sportLabels } from "@/lib/format";
import { fetchWeekly } from "./api";


export function WeeklyChart() {
  const weekly = useQuery({ queryKey: ["weekly"], queryFn: fetchWeekly });
  const weeks = weekly.data?.weeks ?? [];
  const sportsPresent = Object.keys(sportLabels).filter((sport) => weeks.some((w) => (w.secondsBySport[sport] ?? 0) > 0));
  const data = weeks.map((w) => ({
    week: w.weekStart.slice(5),
    ...Object.fromEntries(sportsPresent.map((sport) => [sport, Math.round(((w.secondsBySport[sport] ?? 0) / 3600) * 10) / 10])),
  }));
  return (
    <section aria-labelledby="weekly-heading" className="card">
      <h2 id="weekly-heading" className="text-lg font-semibold">
        Training time per week, last 12 weeks
      </h2>
      {weekly.isError && <p role="alert" className="mt-2 text-sm text-red-800">The chart could not be loaded.</p>}
      {weekly.isSuccess && sportsPresent.length === 0 && <p className="mt-2 text-sm text-slate-600">No training in the last 12 weeks yet.</p>}
      {sportsPresent.length > 0 && (
        <>
          <div className="mt-3 h-64" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" fontSize={12} />
                <YAxis fontSize={12} unit=" h" width={48} />
                <Tooltip formatter={(value, name) => [`${value} h`, sportLabels[String(name)] ?? String(name)]} />
                <Legend formatter={(value: string) => sportLabels[value] ?? value} />
                {sportsPresent.map((sport) => (
                  <Bar key={sport} dataKey={sport} stackId="time" fill={sportColors[sport]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>Hours of training per week and sport</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {sportsPresent.map((sport) => (
                  <th key={sport} scope="col">
                    {sportLabels[sport]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{w.weekStart}</th>
                  {sportsPresent.map((sport) => (
                    <td key={sport}>{Math.round(((w.secondsBySport[sport] ?? 0) / 3600) * 10) / 10}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
