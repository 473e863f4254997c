import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { sportInfo } from "@/lib/activity/sports";

/** Display helpers shared by the dashboard; pure so they run on server and client alike. */

function offsetString(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The activity's own local date and time (where it happened), from its instant and UTC offset. */
export function formatLocalDateTime(startIso: string, utcOffsetMinutes: number | null): string {
  const instant = Date.parse(startIso);
  const zone = offsetString(utcOffsetMinutes ?? 0);
  const text = format(new TZDate(instant, zone), "EEE d MMM yyyy, HH:mm");
  return utcOffsetMinutes === null ? `${text} UTC` : text;
}

export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || seconds <= 0) return null;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

export function formatDistance(meters: number | null): string | null {
  if (meters === null || meters <= 0) return null;
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(2)} km`;
}

/** Pace for sports on foot and in water, speed for everything on wheels. */
export function formatPaceOrSpeed(sport: string, meters: number | null, seconds: number | null): string | null {
  if (!meters || !seconds || meters <= 0 || seconds <= 0) return null;
  if (sport === "swim") {
    const per100 = (seconds / meters) * 100;
    return `${Math.floor(per100 / 60)}:${String(Math.round(per100 % 60)).padStart(2, "0")} /100 m`;
  }
  if (sport === "run" || sport === "walk" || sport === "hike") {
    const perKm = Math.round((seconds / meters) * 1000);
    return `${Math.floor(perKm / 60)}:${String(perKm % 60).padStart(2, "0")} /km`;
  }
  return `${((meters / seconds) * 3.6).toFixed(1)} km/h`;
}

/** Every sport's label, from the one sport vocabulary. */
export const sportLabels: Record<string, string> = Object.fromEntries(Object.entries(sportInfo).map(([id, info]) => [id, info.label]));

/** One colour per sport, shared by the feed's sport badges and the weekly chart. */
export const sportColors: Record<string, string> = {
  run: "#059669",
  ride: "#2563eb",
  swim: "#0891b2",
  walk: "#a16207",
  hike: "#65a30d",
  strength: "#9333ea",
  yoga: "#db2777",
  row: "#0d9488",
  ski: "#64748b",
  other: "#94a3b8",
};
