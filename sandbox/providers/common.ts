import { createHash } from "node:crypto";
import type { Recording, Sport } from "../dataset";
import { json, type SandboxResponse } from "../http";
import type { SandboxState } from "../state";

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

/** Recordings plus whatever tests appended with the control API (raw, in wire format). */
export function withExtras<T>(state: SandboxState, provider: string, items: T[]): unknown[] {
  return [...items, ...state.extras(provider)];
}

export function endOf(r: Recording): number {
  return r.startMs + r.elapsedSeconds * 1000;
}

export const rfcError =
  (statusFor: (kind: string) => number = (kind) => (kind === "invalid_client" ? 401 : 400)) =>
  (kind: "invalid_grant" | "invalid_client" | "invalid_request", description: string): SandboxResponse =>
    json({ error: kind, error_description: description }, statusFor(kind));
