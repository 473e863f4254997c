/**
 * The sandbox's webhooks: when the control API (or the record page) adds, changes or deletes a
 * workout, or an athlete withdraws access, each provider module says what its real service would
 * send — body, headers, signature — and this sends it to the app. Where it goes is the app's base
 * URL (SANDBOX_APP_URL or PIERRE_BASE_URL, or the control API's `webhook-target`) + the app's
 * webhook route, unless the provider module keeps a subscription made through its API with a
 * callback URL of its own (Strava, Oura, Polar).
 */
import { createHmac } from "node:crypto";
import { makeWorkout, prng, profiles, type Recording, type Sport } from "./dataset";
import type { Athlete, SandboxState } from "./state";
import type { TimelineEntry } from "./timeline";

export const pushKinds = ["created", "updated", "deleted", "deauthorized"] as const;
export type PushKind = (typeof pushKinds)[number];

/** An account at the provider that webhooks can be about, and the name its items are owned by. */
export interface PushAccount {
  /** The `athlete` of the control API (the consent page's name; Terra's reference id), lower-cased. */
  owner: string;
  athlete: Athlete;
  /** How the record page lists it. */
  label: string;
}

export type PushChange =
  | { kind: "created" | "updated" | "deleted"; account: PushAccount; entry: TimelineEntry }
  | { kind: "deauthorized"; account: PushAccount };

export interface PushRequest {
  /** Where the provider sends it when it knows better than the app's default URL (a subscription's callback). */
  url?: string;
  headers: Record<string, string>;
  body: string;
}

/** A provider module's webhooks, declared in its register(). */
export interface ProviderPush {
  /** What the provider's real webhooks can say (a change it never announces sends nothing). */
  announces: readonly PushKind[];
  /** The provider's list item for a workout recorded just now, owned by this account. */
  item(workout: Recording, account: PushAccount): unknown;
  /** The same item after its owner edited it at the provider (for providers that announce changes). */
  edited?(item: unknown): unknown;
  /** The requests the provider makes for one change; `forged` is what someone without the secret could send. */
  deliveries(change: PushChange, options: { forged: boolean }): PushRequest[];
  /** The accounts webhooks can be about; by default every athlete who consented at this provider. */
  accounts?(): PushAccount[];
  /** What withdrawing access does at the provider; by default its tokens for the athlete stop working. */
  revoke?(account: PushAccount): void;
}

export interface PushOutcome {
  provider: string;
  kind: PushKind;
  url: string;
  /** The app's answer, or null when nothing could be sent. */
  status: number | null;
  ms: number;
  error?: string;
}

/** A sent delivery as recorded, replayable as it was. */
export interface SentPush extends PushOutcome {
  at: string;
  headers: Record<string, string>;
  body: string;
}

const SEND_TIMEOUT_MS = 10_000;
const LOG_SIZE = 1_000;

export function hmacHex(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

export function hmacBase64(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("base64");
}

/** A key someone without the secret would sign with. */
export const forgedKey = (key: string) => `forged-${key}`;

export function defaultAccounts(state: SandboxState, provider: string): PushAccount[] {
  return [...state.athletes.values()]
    .filter((athlete) => athlete.provider === provider)
    .map((athlete) => ({ owner: athlete.name.toLowerCase(), athlete, label: athlete.name }));
}

/** The accounts an item owned by `owner` is about: that one, or everyone when it has no owner. */
export function recipients(state: SandboxState, provider: string, owner: string | undefined): PushAccount[] {
  const push = state.pushes.get(provider);
  if (!push) return [];
  const accounts = push.accounts?.() ?? defaultAccounts(state, provider);
  return owner === undefined ? accounts : accounts.filter((account) => account.owner === owner.toLowerCase());
}

/** Sends what the provider would for these changes, in order, and records each delivery. */
export async function announce(state: SandboxState, provider: string, changes: readonly PushChange[], options: { forged?: boolean } = {}): Promise<PushOutcome[]> {
  const push = state.pushes.get(provider);
  if (!push) return [];
  const outcomes: PushOutcome[] = [];
  for (const change of changes) {
    if (!push.announces.includes(change.kind)) continue;
    for (const request of push.deliveries(change, { forged: options.forged ?? false })) {
      // Nowhere to send it (no app URL and no subscription): the provider's notice goes nowhere, as it would.
      if (!request.url && !state.webhookTarget) continue;
      outcomes.push(await send(state, provider, change.kind, request));
    }
  }
  return outcomes;
}

async function send(state: SandboxState, provider: string, kind: PushKind, request: PushRequest): Promise<PushOutcome> {
  const url = request.url ?? `${state.webhookTarget!.replace(/\/+$/, "")}/api/webhooks/${provider}`;
  const headers = { "content-type": "application/json", ...request.headers };
  const started = performance.now();
  let outcome: PushOutcome;
  try {
    const response = await fetch(url, { method: "POST", headers, body: request.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    await response.arrayBuffer();
    outcome = { provider, kind, url, status: response.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    outcome = { provider, kind, url, status: null, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
  state.pushLog.push({ ...outcome, at: new Date().toISOString(), headers, body: request.body });
  if (state.pushLog.length > LOG_SIZE) state.pushLog.splice(0, state.pushLog.length - LOG_SIZE);
  return outcome;
}

let recorded = 0;

/**
 * A workout that just ended, as the athlete's watch would upload it: a fresh id in the provider's
 * own format, its figures from the dataset's sport profiles.
 */
export function workoutEndingNow(provider: string, sport: Sport = "run", now = Date.now()): Recording {
  recorded += 1;
  // From the clock, so that a restarted sandbox does not hand out an id the app already stored.
  const serial = (Math.floor(now / 1000) % 10_000_000) * 10 + (recorded % 10);
  const workout = makeWorkout(prng(serial), serial, sport, 0, 60, `${profiles[sport].names[0]} (recorded ${new Date(now).toISOString().slice(11, 16)} UTC)`);
  const startMs = now - workout.elapsedSeconds * 1000 - 60_000;
  return { ...workout, startMs, provider, uploadMs: now, garminActivityId: 20_000_000_000 + serial };
}
