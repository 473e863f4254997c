"use client";

import Link from "next/link";
import { useFormat } from "@/components/format-provider";
import { SportIcon } from "@/components/sport-icon";
import type { FeedItem } from "@/lib/feed/query";
import { sportLabels } from "@/lib/format";

export type ProviderNames = Record<string, string>;

function SourceBadge({ name, url, primary, reason }: { name: string; url: string | null; primary?: boolean; reason?: string | null }) {
  const style = `inline-block rounded-full border px-2 py-0.5 text-xs ${primary ? "border-slate-300 bg-slate-100 text-slate-800" : "border-brand-100 bg-brand-50 text-brand-800"}`;
  const title = reason ? `Same workout: ${reason}` : undefined;
  return url ? (
    <a href={url} target="_blank" rel="noreferrer noopener" className={`${style} hover:underline`} title={title}>
      {name}
    </a>
  ) : (
    <span className={style} title={title}>
      {name}
    </span>
  );
}

export function ActivityItem({ item, names }: { item: FeedItem; names: ProviderNames }) {
  const format = useFormat();
  const duration = item.movingSeconds ?? item.elapsedSeconds;
  const stats: [string, string | null][] = [
    ["Distance", format.distance(item.distanceMeters)],
    ["Duration", format.duration(item.elapsedSeconds ?? item.movingSeconds)],
    [format.usesPace(item.sport) ? "Pace" : "Speed", format.paceOrSpeed(item.sport, item.distanceMeters, duration)],
    ["Elevation", format.elevation(item.elevationGainMeters)],
    ["Heart rate", item.averageHeartRate ? `${format.number(item.averageHeartRate)}${item.maxHeartRate ? ` / ${format.number(item.maxHeartRate)}` : ""} bpm` : null],
    ["Calories", format.calories(item.calories)],
  ];
  return (
    <article className="card" data-activity-id={item.id} aria-label={item.name}>
      <div className="flex items-start gap-3">
        <SportIcon sport={item.sport} />
        <div className="min-w-0 flex-1">
          <h3 className="break-words font-semibold">
            <Link href={`/activities/${encodeURIComponent(item.id)}`} className="hover:underline">
              {item.name}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">
            <span>{sportLabels[item.sport] ?? item.sport}</span>
            {" · "}
            <time dateTime={item.startTime}>{format.workoutDateTime(item.startTime, item.utcOffsetMinutes)}</time>
            {item.device && ` · ${item.device}`}
          </p>
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {stats
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
      </dl>
      {item.legs.length > 0 && (
        <p className="mt-2 text-sm text-slate-700" data-testid="legs">
          <span className="text-xs text-slate-600">Legs </span>
          {item.legs.map((leg) => [sportLabels[leg.sport] ?? leg.sport, format.distance(leg.distanceMeters)].filter(Boolean).join(" ")).join(" → ")}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="sources">
        <span className="text-xs text-slate-600">From</span>
        <SourceBadge name={names[item.provider] ?? item.provider} url={item.url} primary />
        {item.alsoOn.length > 0 && <span className="text-xs text-slate-600">Also on</span>}
        {item.alsoOn.map((other) => (
          <SourceBadge key={`${other.provider}:${other.id}`} name={names[other.provider] ?? other.provider} url={other.url} reason={other.reason} />
        ))}
      </div>
    </article>
  );
}
