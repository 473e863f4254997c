import { createHash } from "node:crypto";
import type { Recording, Sport } from "../dataset";
import { json, type SandboxResponse } from "../http";
import type { Timeline, TimelineEntry } from "../timeline";

/** "+01:00" for 60 minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Wall-clock time where the workout happened, without an offset ("2025-03-01T08:00:00"). */
export function localDateTime(ms: number, offsetMinutes: number, fraction = ""): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19) + fraction;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A stable UUID-shaped id from any text. */
export function uuidFrom(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function deviceFor(sport: Sport): string {
  return sport === "ride" ? "Edge 1040" : "Forerunner 965";
}

export function endOf(r: Recording): number {
  return r.startMs + r.elapsedSeconds * 1000;
}

export const rfcError =
  (statusFor: (kind: string) => number = (kind) => (kind === "invalid_client" ? 401 : 400)) =>
  (kind: "invalid_grant" | "invalid_client" | "invalid_request", description: string): SandboxResponse =>
    json({ error: kind, error_description: description }, statusFor(kind));

/** A field of a wire item, if the item is an object. */
export function field(item: unknown, ...path: string[]): unknown {
  let value: unknown = item;
  for (const key of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

export const idField =
  (...path: string[]) =>
  (item: unknown): string | null => {
    const value = field(item, ...path);
    return typeof value === "string" || typeof value === "number" ? String(value) : null;
  };

/** An ISO date-time field as an instant. */
export const isoField =
  (...path: string[]) =>
  (item: unknown): number | null => {
    const value = field(item, ...path);
    const ms = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(ms) ? null : ms;
  };

/** An epoch-seconds field as an instant. */
export const secondsField =
  (...path: string[]) =>
  (item: unknown): number | null => {
    const value = field(item, ...path);
    return typeof value === "number" && Number.isFinite(value) ? value * 1000 : null;
  };

export interface Keyed {
  key: number;
  item: unknown;
}

/**
 * The dataset's items and the timeline's, as one list sorted by `key` (the instant the API filters
 * on), cached until either changes.
 */
export function servedList(dataset: () => Keyed[], timeline: Timeline, key: (entry: TimelineEntry) => number, owner?: string): () => Keyed[] {
  const visible = (entry: TimelineEntry) => !entry.owner || entry.owner === owner?.toLowerCase();
  let cached: { version: number; list: Keyed[] } | undefined;
  let base: Keyed[] | undefined;
  return () => {
    if (cached?.version === timeline.version) return cached.list;
    base ??= dataset();
    const list = [...base, ...timeline.byStart().filter(visible).map((entry) => ({ key: key(entry), item: entry.item }))].sort((a, b) => a.key - b.key);
    cached = { version: timeline.version, list };
    return list;
  };
}
