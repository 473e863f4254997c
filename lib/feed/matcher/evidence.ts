import { familyOf, sportInfo, type Sport } from "@/lib/activity/sports";
import type { ProviderDefinition } from "@/lib/providers/types";

/**
 * Whether two records are one workout, decided by adding up evidence rather than passing a list of
 * thresholds. Each kind of evidence (time, sport, duration, distance, heart rate, device, source)
 * contributes a weight, positive when it speaks for one workout and negative when against; a pair
 * is one workout when the sum reaches ACCEPT. Weights are rough log-odds: about 1 is "a hint", 3 is
 * "hard to explain otherwise", 6 is "practically impossible". Any single disagreement can be
 * outweighed by enough agreement elsewhere (a treadmill's distance off by 16 % on a run that starts
 * and ends with the watch's), and any single agreement can be outweighed (a partner's ride matches
 * in time, route and distance but not in heart rate or device).
 */

export type Detection = NonNullable<ProviderDefinition["detection"]>;
/** A source's detection timing, looked up by provider id (undefined: its records start when the workout does). */
export type DetectionLookup = (provider: string) => Detection | undefined;

export interface MatchRecord {
  id: string;
  provider: string;
  sport: Sport;
  sportType: string | null;
  startTime: Date;
  utcOffsetMinutes: number | null;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  averageHeartRate: number | null;
  device: string | null;
}

/** What `couldMatch` reads of a record. */
export type TimedRecord = Pick<MatchRecord, "startTime" | "elapsedSeconds" | "movingSeconds">;

export interface Evidence {
  /** Log-odds-like weight: positive for "one workout", negative against. */
  weight: number;
  /** A few words for the explanation ("starts 38 s apart"); built only when an explanation is asked for. */
  say: () => string;
  /** Counts, but goes without saying (both runs, the same span). */
  quiet?: boolean;
  /** The hypothesis itself (a shifted clock, a leg), said first. */
  lead?: boolean;
}

export type Relation =
  /** One workout recorded twice (or more). */
  | "same"
  /** One workout whose copy carries a clock off by whole hours. */
  | "shifted"
  /** One record is a piece of the other: a leg inside a multisport record. */
  | "part"
  | "apart";

export interface Assessment {
  relation: Relation;
  score: number;
  evidence: Evidence[];
  /** For "part", and for a detector's fragment of a longer recording: which of the two is the piece. */
  piece: "a" | "b" | null;
}

/** Sum of weights at which two records count as one workout. */
export const ACCEPT = 1;
/** The most that duration (1), distance (1.5), heart rate (1) and device (1.5) can add together. */
const MOST_THE_REST_CAN_ADD = 5;
/** Against two specific sports of different families: more than time (4) and the rest can add. */
const DIFFERENT_SPORTS = 10;

/** Starts of two recorders of one workout (or a copy) sit within about a minute; allow some slack. */
const BASE_TOLERANCE_S = 90;
/** A clock stored in the wrong zone is off by whole hours (UTC offsets span −12…+14). */
export const MAX_SHIFT_HOURS = 14;
/** After removing whole hours, the starts of a shifted copy still agree to the minute. */
const SHIFT_TOLERANCE_S = 120;
/**
 * No hypothesis joins records whose starts are further apart: the largest clock shift plus its
 * tolerance. Detector lag (minutes) and legs of a multisport record (hours) fit well inside it.
 */
export const MAX_START_GAP_MS = (MAX_SHIFT_HOURS * 3600 + SHIFT_TOLERANCE_S) * 1000;
/** Without durations only the starts speak; further apart than this they cannot be one workout. */
const NO_DURATION_MAX_GAP_S = 900;
/**
 * A shifted record is a copy of the same file, or a second recorder of the same session: its
 * duration agrees but for rounding and a recorder started or stopped a minute apart.
 */
const SHIFT_MAX_DURATION_DIFFERENCE = 0.05;

// ---------------------------------------------------------------------------------------------
// Formatting: numbers rounded for people.

export function formatSeconds(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  const hours = Math.round(s / 360) / 10;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

export function formatShare(fraction: number): string {
  const percent = fraction * 100;
  if (percent < 1) return `${(Math.round(percent * 10) / 10).toFixed(1)} %`;
  return `${Math.round(percent)} %`;
}

// ---------------------------------------------------------------------------------------------
// Small facts about one record.

interface Span {
  start: number;
  /** Null when the record has no duration. */
  end: number | null;
  duration: number | null;
}

function durationOf(r: Pick<MatchRecord, "elapsedSeconds" | "movingSeconds">): number | null {
  const seconds = r.elapsedSeconds ?? r.movingSeconds;
  return seconds && seconds > 0 ? seconds : null;
}

function spanOf(r: MatchRecord, shiftSeconds = 0): Span {
  const start = r.startTime.getTime() / 1000 + shiftSeconds;
  const duration = durationOf(r);
  return { start, end: duration === null ? null : start + duration, duration };
}

/** Zero is what a copy says when it has no distance (Strava's strength sessions). */
function distanceOf(r: MatchRecord): number | null {
  return r.distanceMeters && r.distanceMeters > 0 ? r.distanceMeters : null;
}

/**
 * Labels that say "some workout" rather than which: the generic sports, and a provider's own label
 * when it is one of those words (WHOOP "Activity", Fitbit "Workout").
 */
const looseSports = new Set<Sport>(["other", "hiit", "cardio", "strength"]);
const looseLabel = /^(activity|workout|other|exercise|training|sport|generic|aerobic workout|functional fitness)s?$/i;

function isLoose(r: Pick<MatchRecord, "sport" | "sportType">): boolean {
  return looseSports.has(r.sport) || (r.sportType !== null && looseLabel.test(r.sportType.trim()));
}

/**
 * Device names as words: a platform copy prefixes the maker ("Garmin Forerunner 965" for the
 * watch's "Forerunner 965"), so one name whose words all appear in the other is the same device.
 */
const wordsOfDevice = new Map<string, string[] | null>();
function deviceWords(name: string | null): string[] | null {
  if (!name) return null;
  let words = wordsOfDevice.get(name);
  if (words === undefined) {
    const found = name.toLowerCase().match(/[a-z]+|\d+/g);
    words = found && found.length > 0 ? found : null;
    // Device names are few (models, not units); the bound only guards against a flood of odd ones.
    if (wordsOfDevice.size > 10_000) wordsOfDevice.clear();
    wordsOfDevice.set(name, words);
  }
  return words;
}

function sameDevice(a: MatchRecord, b: MatchRecord): boolean | null {
  const wa = deviceWords(a.device);
  const wb = deviceWords(b.device);
  if (!wa || !wb) return null;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // The shorter name's words in a row, so "Edge 530" is not found in "Edge 540 530" or "Edge 5300".
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((word, k) => long[i + k] === word)) return true;
  }
  return false;
}

function relativeDifference(x: number, y: number): number {
  return Math.abs(x - y) / Math.max(x, y);
}

/** Linear interpolation through (x, y) points, flat outside them. */
function curve(points: Curve, x: number): number {
  if (x <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return points.at(-1)![1];
}

/** Weights as a function of one measure, as (measure, weight) points; allocated once, used for every pair. */
type Curve = readonly (readonly [number, number])[];
const COVER_OF_SHORTER: Curve = [[0.2, -8], [0.5, -3], [0.7, 0], [0.9, 1.5]];
const UNEXPLAINED_SHARE: Curve = [[0.1, -4], [0.35, -2], [0.7, 0]];
const DURATION_AGREEMENT: Curve = [[0.02, 1], [0.05, 0.7], [0.1, 0]];
const DISTANCE_AGREEMENT: Curve = [[0.02, 1.5], [0.05, 1], [0.1, 0.3], [0.25, -1.5], [0.5, -4]];
const PACE_AGREEMENT: Curve = [[0.05, 1], [0.12, 0.3], [0.25, -1]];
const HEART_RATE_AGREEMENT: Curve = [[3, 1], [6, 0.3], [9, -2], [12, -5], [20, -8]];
const TWO_HEARTS: Curve = [[6, 0], [9, -5]];
const SHIFTED_DURATION: Curve = [[0.01, 0], [0.03, -1], [0.05, -4]];
const SHIFTED_DISTANCE: Curve = [[0.03, 0], [0.06, -5]];
const START_WITHOUT_DURATION: Curve = [[60, 1.5], [120, 0.5], [300, -3], [NO_DURATION_MAX_GAP_S, -8]];

// ---------------------------------------------------------------------------------------------
// Evidence, kind by kind.

function sportEvidence(a: MatchRecord, b: MatchRecord): Evidence {
  if (a.sport === b.sport) return { weight: 1, say: () => `both ${sportInfo[a.sport].label.toLowerCase()}`, quiet: true };
  const loose = isLoose(a) || isLoose(b);
  if (familyOf(a.sport) === familyOf(b.sport)) return { weight: loose ? 0.3 : 0.6, say: () => `${a.sport} and ${b.sport}` };
  // A generic label fits any workout, but says less than a matching one.
  if (loose) {
    const generic = isLoose(a) ? a : b;
    const label = generic.sportType !== null && looseLabel.test(generic.sportType.trim()) ? generic.sportType : generic.sport;
    return { weight: -0.5, say: () => `generic label "${label}" vs ${(generic === a ? b : a).sport}` };
  }
  // More than all other evidence together can make up: a run and a ride are never one workout.
  return { weight: -DIFFERENT_SPORTS, say: () => `different sports (${a.sport} vs ${b.sport})` };
}

interface TimeFacts {
  overlap: number;
  /** Share of the shorter record inside the longer one. */
  coverShort: number;
  /** Share of the longer record that the shorter one covers. */
  coverLong: number;
  startGap: number;
  endGap: number;
  startTolerance: number;
  endTolerance: number;
  /** Which record is shorter. */
  shorter: "a" | "b";
}

function timeFacts(a: MatchRecord, sa: Span, b: MatchRecord, sb: Span, detection: DetectionLookup): TimeFacts | null {
  if (sa.end === null || sb.end === null || sa.duration === null || sb.duration === null) return null;
  const overlap = Math.min(sa.end, sb.end) - Math.max(sa.start, sb.start);
  const shorter = Math.min(sa.duration, sb.duration);
  const longer = Math.max(sa.duration, sb.duration);
  const later = sb.start >= sa.start ? b : a;
  const da = detection(a.provider);
  const db = detection(b.provider);
  return {
    overlap,
    coverShort: Math.max(0, overlap) / shorter,
    coverLong: Math.max(0, overlap) / longer,
    startGap: Math.abs(sa.start - sb.start),
    endGap: Math.abs(sa.end - sb.end),
    // A detector opens its record late; only the later record's lag explains a gap.
    startTolerance: BASE_TOLERANCE_S + (detection(later.provider)?.startLagSeconds ?? 0),
    endTolerance: BASE_TOLERANCE_S + Math.max(da?.endLagSeconds ?? 0, db?.endLagSeconds ?? 0),
    shorter: sa.duration <= sb.duration ? "a" : "b",
  };
}

function timeEvidence(t: TimeFacts, detectedInside: boolean): Evidence[] {
  const out: Evidence[] = [];
  // Most of the shorter record must lie inside the other: edges that touch (a commute ride into the
  // gym, a warm-up ending as the race starts) are different sessions.
  const cover = curve(COVER_OF_SHORTER, t.coverShort);
  if (t.coverShort >= 0.995 && t.coverLong >= 0.9) out.push({ weight: cover, say: () => "same span", quiet: true });
  else out.push({ weight: cover, say: () => t.coverShort >= 0.995 ? "inside the other" : `overlap ${formatShare(t.coverShort)}` });

  const detected = t.startTolerance > BASE_TOLERANCE_S && t.startGap > BASE_TOLERANCE_S && t.startGap <= t.startTolerance;
  const start = curve(
    [
      [60, 1.5],
      [t.startTolerance, 1],
      [t.startTolerance + 300, 0],
      [t.startTolerance + 1200, -1.5],
    ],
    t.startGap,
  );
  // A record lying inside the other may begin anywhere in it (a detector that noticed the workout
  // late, the second fragment of one split at a break); its start says nothing against, only the
  // share it leaves unexplained does.
  const startText = () => (t.startGap < 1 ? "same start" : `starts ${formatSeconds(t.startGap)} apart${detected ? " (within detection lag)" : ""}`);
  if (start > 0 || t.coverShort < 0.95) out.push({ weight: start, say: startText });

  // Ends legitimately disagree (a watch left running, a copy cropped), so a far end costs nothing
  // here; the share of the longer record left unexplained below does.
  if (t.endGap <= 60) out.push({ weight: 1, say: () => `ends ${formatSeconds(t.endGap)} apart` });
  else if (t.endGap <= t.endTolerance) out.push({ weight: 0.5, say: () => `ends ${formatSeconds(t.endGap)} apart` });

  if (t.coverLong < 0.7) {
    const weight = curve(UNEXPLAINED_SHARE, t.coverLong);
    // A detector that saw only part of a workout (it stopped at a break) is expected to leave
    // much of the longer record unexplained.
    out.push({ weight: detectedInside ? weight / 2 : weight, say: () => `covers ${formatShare(t.coverLong)} of the longer one` });
  }
  return out;
}

/** The closest pair of durations; sources count differently (wall clock, recorded or moving time). */
function closestDuration(a: MatchRecord, b: MatchRecord): { difference: number; what: string } | null {
  const options: [number | null, number | null, string][] = [
    [a.elapsedSeconds, b.elapsedSeconds, "duration"],
    [a.movingSeconds, b.movingSeconds, "moving time"],
    [a.movingSeconds, b.elapsedSeconds, "moving time"],
    [a.elapsedSeconds, b.movingSeconds, "moving time"],
  ];
  let best: { difference: number; what: string } | null = null;
  for (const [x, y, what] of options) {
    if (!x || !y || x <= 0 || y <= 0) continue;
    const difference = relativeDifference(x, y);
    if (!best || difference < best.difference - 1e-9) best = { difference, what };
  }
  return best;
}

function durationEvidence(a: MatchRecord, b: MatchRecord): Evidence | null {
  const best = closestDuration(a, b);
  if (!best) return null;
  const weight = curve(DURATION_AGREEMENT, best.difference);
  if (weight <= 0) return null;
  return { weight, say: () => (best.difference < 0.0005 ? `same ${best.what}` : `${best.what} within ${formatShare(best.difference)}`) };
}

function distanceEvidence(a: MatchRecord, b: MatchRecord, sa: Span, sb: Span, t: TimeFacts | null): Evidence | null {
  const da = distanceOf(a);
  const db = distanceOf(b);
  if (da === null || db === null) return null;
  const distanceDifference = relativeDifference(da, db);
  const byDistance = curve(DISTANCE_AGREEMENT, distanceDifference);
  const distanceText = () => (distanceDifference < 0.0005 ? "same distance" : `distance ${byDistance > 0 ? "within" : "differs by"} ${formatShare(distanceDifference)}`);
  const distance: Evidence = { weight: byDistance, say: distanceText };
  if (!t || t.coverLong >= 0.85) return distance;
  // The records span different stretches of time. Either one of them misstates its span (a
  // recording that counts only moving time) and the distances agree, or they saw different
  // stretches of one workout and the pace agrees. When neither holds the unseen stretch may have
  // been anything (a car ride home on a watch left running), so the disagreement counts little.
  const paceDifference = relativeDifference(da / sa.duration!, db / sb.duration!);
  const byPace = curve(PACE_AGREEMENT, paceDifference);
  const pace: Evidence = { weight: byPace, say: () => `pace ${byPace > 0 ? "within" : "differs by"} ${formatShare(paceDifference)}` };
  const better = distance.weight >= pace.weight ? distance : pace;
  return better.weight >= -1 ? better : { weight: -1, say: better.say };
}

function heartRateEvidence(a: MatchRecord, b: MatchRecord, t: TimeFacts | null, devices: boolean | null): Evidence[] {
  const ha = a.averageHeartRate;
  const hb = b.averageHeartRate;
  // Averages over different stretches of a workout need not agree.
  if (!ha || !hb || (t && t.coverLong < 0.75)) return [];
  const gap = Math.abs(ha - hb);
  const say = () => (Math.round(gap) === 0 ? "same heart rate" : `heart rates ${Math.round(gap)} bpm apart`);
  // Two recorders on one body read the same heart within a few beats.
  const weight = curve(HEART_RATE_AGREEMENT, gap);
  const out: Evidence[] = [{ weight, say }];
  // Different devices with different hearts are two people on one account.
  if (devices === false && gap > 6) out.push({ weight: curve(TWO_HEARTS, gap), say: () => `different devices (${a.device}, ${b.device})` });
  return out;
}

function deviceEvidence(devices: boolean | null): Evidence | null {
  return devices ? { weight: 1.5, say: () => "same device" } : null;
}

function sameSourceEvidence(a: MatchRecord, b: MatchRecord): Evidence | null {
  // A source usually holds one record per workout; two (a manual entry beside a synced one, two
  // uploads of one ride) happen, but less often than two workouts.
  return a.provider === b.provider ? { weight: -0.5, say: () => `both from ${a.provider}` } : null;
}

// ---------------------------------------------------------------------------------------------
// The three hypotheses: one workout at the same clock, one workout with a shifted clock, a leg.

function total(evidence: Evidence[]): number {
  return evidence.reduce((sum, e) => sum + e.weight, 0);
}

function sameClock(a: MatchRecord, b: MatchRecord, detection: DetectionLookup, shiftSeconds = 0): { evidence: Evidence[]; time: TimeFacts | null } {
  const sa = spanOf(a);
  const sb = spanOf(b, shiftSeconds);
  const time = timeFacts(a, sa, b, sb, detection);
  const evidence: Evidence[] = [];
  if (time) {
    if (time.overlap <= 0) return { evidence: [{ weight: -Infinity, say: () => time.overlap === 0 ? "back to back" : "do not overlap" }], time };
    const shorter = time.shorter === "a" ? a : b;
    evidence.push(...timeEvidence(time, time.coverShort >= 0.95 && detection(shorter.provider) !== undefined));
    // When time and sport already say "apart" beyond what every remaining kind of evidence could
    // make up, the rest is not weighed (most pairs that overlap at all are two workouts).
    const sport = sportEvidence(a, b);
    if (total(evidence) + sport.weight + MOST_THE_REST_CAN_ADD < ACCEPT) return { evidence: [...evidence, sport], time };
  } else {
    // Without durations only the starts can be compared, and they must be close.
    const gap = Math.abs(sa.start - sb.start);
    evidence.push({ weight: curve(START_WITHOUT_DURATION, gap), say: () => `starts ${formatSeconds(gap)} apart` });
  }
  evidence.push(sportEvidence(a, b));
  const duration = durationEvidence(a, b);
  if (duration) evidence.push(duration);
  const distance = distanceEvidence(a, b, sa, sb, time);
  if (distance) evidence.push(distance);
  const devices = sameDevice(a, b);
  evidence.push(...heartRateEvidence(a, b, time, devices));
  const device = deviceEvidence(devices);
  if (device) evidence.push(device);
  const source = sameSourceEvidence(a, b);
  if (source) evidence.push(source);
  return { evidence, time };
}

/**
 * How a clock comes to be off by whole hours: local time stored as UTC (the shift is the UTC
 * offset of the place: the record's own, or, when it has none, the other record's), a profile
 * left in another zone (the offsets differ by the shift), or a device that missed a DST change
 * (one hour). A shift none of these explains is taken for two workouts.
 */
function shiftCause(a: MatchRecord, b: MatchRecord, hours: number): string | null {
  const minutes = Math.abs(hours) * 60;
  const [oa, ob] = [a.utcOffsetMinutes, b.utcOffsetMinutes];
  if (oa === null && ob === null) return "neither has a UTC offset";
  if (oa === null || ob === null) return Math.abs((oa ?? ob)!) === minutes ? "one has no UTC offset" : null;
  if (Math.abs(oa) === minutes || Math.abs(ob) === minutes) return "local time read as UTC";
  if (Math.abs(oa - ob) === minutes) return "their UTC offsets differ by as much";
  if (minutes === 60) return "a DST change";
  return null;
}

/** Durations counted the same way (wall clock with wall clock, moving with moving): a copy of one file keeps both. */
function sameKindDurationDifference(a: TimedRecord, b: TimedRecord): number {
  const pairs = [
    [a.elapsedSeconds, b.elapsedSeconds],
    [a.movingSeconds, b.movingSeconds],
  ];
  return Math.min(...pairs.map(([x, y]) => (x && y && x > 0 && y > 0 ? relativeDifference(x, y) : Infinity)));
}

function shiftedClock(a: MatchRecord, b: MatchRecord, detection: DetectionLookup): { evidence: Evidence[]; hours: number } | null {
  const gap = (b.startTime.getTime() - a.startTime.getTime()) / 1000;
  const hours = Math.round(gap / 3600);
  if (hours === 0 || Math.abs(hours) > MAX_SHIFT_HOURS || Math.abs(gap - hours * 3600) > SHIFT_TOLERANCE_S) return null;
  const durationDifference = sameKindDurationDifference(a, b);
  if (durationDifference > SHIFT_MAX_DURATION_DIFFERENCE) return null;
  const cause = shiftCause(a, b, hours);
  if (!cause) return null;
  // Whole-hour errors are rarer than two workouts that happen to line up (the same loop walked
  // every morning and evening), so even an explained shift starts a little behind.
  const out: Evidence[] = [{ weight: -1, say: () => `clock off by ${Math.abs(hours)} h (${cause})`, lead: true }];
  if (durationDifference > 0.01) out.push({ weight: curve(SHIFTED_DURATION, durationDifference), say: () => `duration differs by ${formatShare(durationDifference)}` });
  // The copy of one file: what it measured must agree as closely as its duration does.
  const distanceA = distanceOf(a);
  const distanceB = distanceOf(b);
  if (distanceA !== null && distanceB !== null) {
    const difference = relativeDifference(distanceA, distanceB);
    if (difference > 0.03) out.push({ weight: curve(SHIFTED_DISTANCE, difference), say: () => `distance differs by ${formatShare(difference)}` });
  }
  // A source keeps one clock for all its records, and a device for certain: two of their records
  // hours apart are two workouts (the same loop walked morning and evening).
  if (a.provider === b.provider) {
    const oneDevice = sameDevice(a, b) === true;
    out.push({ weight: oneDevice ? -8 : -3, say: () => oneDevice ? `both from one ${a.device}` : `both from ${a.provider}` });
  }
  out.push(...sameClock(a, b, detection, -hours * 3600).evidence);
  return { evidence: out, hours };
}

/** Sports a multisport event is made of: anything with a distance, and the transitions between. */
function canBeLeg(r: MatchRecord): boolean {
  return !isLoose(r) && (sportInfo[r.sport].distance || r.sport === "multisport");
}

function legOf(whole: MatchRecord, leg: MatchRecord, detection: DetectionLookup): Evidence[] | null {
  if (whole.sport !== "multisport" || !canBeLeg(leg)) return null;
  const sw = spanOf(whole);
  const sl = spanOf(leg);
  if (sw.end === null || sl.end === null || sl.duration! >= sw.duration!) return null;
  const slack = BASE_TOLERANCE_S + (detection(whole.provider)?.startLagSeconds ?? 0);
  const endSlack = BASE_TOLERANCE_S + (detection(whole.provider)?.endLagSeconds ?? 0);
  if (sl.start < sw.start - slack || sl.end > sw.end + endSlack) return null;
  const evidence: Evidence[] = [{ weight: 1.5, say: () => `${leg.sport === "multisport" ? "transition" : `${leg.sport} leg`} inside the multisport record`, lead: true }];
  const device = deviceEvidence(sameDevice(whole, leg));
  if (device) evidence.push(device);
  return evidence;
}

/**
 * Whether `piece` can be a fragment of `whole` that a detector split off (SmartTrack logging a
 * hike as two walks): a detected record, lying inside the whole, clearly shorter than it.
 */
function isDetectedFragment(piece: MatchRecord, whole: MatchRecord, detection: DetectionLookup): boolean {
  const found = detection(piece.provider);
  if (!found || piece.provider === whole.provider) return false;
  const sp = spanOf(piece);
  const sw = spanOf(whole);
  if (sp.end === null || sw.end === null) return false;
  return sp.duration! < 0.8 * sw.duration! && sp.start >= sw.start - BASE_TOLERANCE_S && sp.end <= sw.end + BASE_TOLERANCE_S + found.endLagSeconds;
}

/**
 * Whether any hypothesis could hold, from the times alone: the records overlap (one workout, a leg),
 * start within whole hours of each other to the minutes (a shifted clock), or — without durations —
 * start close together. Cheap, and exact: when it says no, every hypothesis below says "apart"; the
 * grouping compares every pair of records within 14 hours, and almost all of them stop here.
 */
/**
 * Whether the sports alone leave a hypothesis open: one family, a generic label on either side, or
 * a multisport record (whose legs are other sports). Exact, as `couldMatch` is.
 */
export function sportsCouldMatch(a: Pick<MatchRecord, "sport" | "sportType">, b: Pick<MatchRecord, "sport" | "sportType">): boolean {
  return familyOf(a.sport) === familyOf(b.sport) || a.sport === "multisport" || b.sport === "multisport" || isLoose(a) || isLoose(b);
}

export function couldMatch(a: TimedRecord, b: TimedRecord): boolean {
  const startA = a.startTime.getTime();
  const startB = b.startTime.getTime();
  const gap = Math.abs(startA - startB);
  if (gap > MAX_START_GAP_MS) return false;
  const durationA = durationOf(a);
  const durationB = durationOf(b);
  if (durationA === null || durationB === null) return gap <= NO_DURATION_MAX_GAP_S * 1000;
  if (Math.min(startA + durationA * 1000, startB + durationB * 1000) > Math.max(startA, startB)) return true;
  const hours = Math.round(gap / 3_600_000);
  return hours > 0 && Math.abs(gap - hours * 3_600_000) <= SHIFT_TOLERANCE_S * 1000 && sameKindDurationDifference(a, b) <= SHIFT_MAX_DURATION_DIFFERENCE;
}

/** What the times say of a pair the prefilter turned away. */
function apartInTime(a: MatchRecord, b: MatchRecord): string {
  const sa = spanOf(a);
  const sb = spanOf(b);
  if (sa.end === null || sb.end === null || Math.abs(sa.start - sb.start) * 1000 > MAX_START_GAP_MS) return `starts ${formatSeconds(Math.abs(sa.start - sb.start))} apart`;
  return Math.min(sa.end, sb.end) - Math.max(sa.start, sb.start) === 0 ? "back to back" : "do not overlap";
}

export function assess(a: MatchRecord, b: MatchRecord, detection: DetectionLookup): Assessment {
  if (!couldMatch(a, b)) return { relation: "apart", score: -Infinity, evidence: [{ weight: -Infinity, say: () => apartInTime(a, b) }], piece: null };
  if (!sportsCouldMatch(a, b)) return { relation: "apart", score: -Infinity, evidence: [sportEvidence(a, b)], piece: null };
  // Every hypothesis is weighed and the best supported one stands: a WHOOP triathlon and a watch's
  // multisport record are copies of each other even though one lies inside the other.
  const candidates: Assessment[] = [];
  const direct = sameClock(a, b, detection).evidence;
  candidates.push({ relation: "same", score: total(direct), evidence: direct, piece: null });
  const shifted = shiftedClock(a, b, detection);
  if (shifted) candidates.push({ relation: "shifted", score: total(shifted.evidence), evidence: shifted.evidence, piece: null });
  const legA = legOf(b, a, detection);
  if (legA) candidates.push({ relation: "part", score: total(legA), evidence: legA, piece: "a" });
  const legB = legOf(a, b, detection);
  if (legB) candidates.push({ relation: "part", score: total(legB), evidence: legB, piece: "b" });
  // Ties keep the earlier hypothesis: same clock before shifted clock before leg.
  const best = candidates.reduce((x, y) => (y.score > x.score ? y : x));
  if (best.score < ACCEPT) return { relation: "apart", score: best.score, evidence: direct, piece: null };
  if (best.relation === "same") {
    const piece = isDetectedFragment(a, b, detection) ? "a" : isDetectedFragment(b, a, detection) ? "b" : null;
    return { ...best, piece };
  }
  return best;
}

/** The evidence as a short sentence: what decided it, strongest first. */
export function describe(assessment: Assessment): string {
  const apart = assessment.relation === "apart";
  const said = assessment.evidence.filter((e) => !e.quiet && (e.lead || (apart ? e.weight < 0 : e.weight >= 0.5)));
  const ordered = [...said].sort((x, y) => Number(Boolean(y.lead)) - Number(Boolean(x.lead)) || Math.abs(y.weight) - Math.abs(x.weight));
  const sentence = ordered
    .slice(0, 4)
    .map((e) => e.say())
    .join(", ");
  return apart ? `not the same workout: ${sentence || "too little in common"}` : sentence;
}
