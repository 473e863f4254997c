/**
 * Writes scenarios.json: the labelled de-duplication corpus. Deterministic (fixed seed).
 *
 *   npx tsx lib/feed/dedup-corpus/generate.ts
 *
 * Every scenario is one person's day: the workout(s) under test as each source records them, and
 * often look-alikes that must stay separate. `groups` holds the sets of records a person would see
 * as one feed entry. See README.md for the labelling policy and the provider behaviour behind each
 * class.
 */
import { writeFileSync } from "node:fs";
import { Day, hasLabel, offsetOn, km, min, people, Rng, type Kind, type Person, type Provider, type RecordOptions, type ScenarioJson, type Truth } from "./model";

const SEED = 20260302;
const rng = new Rng(SEED);

const F = "shared/fixtures/providers";
const basis = {
  garminStrava: `${F}/strava.md (external_id garmin_push_…: Strava holds a copy of the Garmin upload; start_date is UTC, elapsed/moving/distance from the same file) and ${F}/garmin.md (startTimeInSeconds UTC, durationInSeconds, deviceName)`,
  mirror: `${F}/strava.md (external_id names the originating platform: Garmin, Wahoo, Zwift, Polar…; start_date UTC; "start_date ± 60 s, elapsed ± 5 %, distance ± 2 %")`,
  terraMirror: `${F}/terra.md (Terra relays the same upstream workout; summary_id is often the upstream id; start/end with offset; total_burned_calories includes BMR)`,
  whoop: `${F}/whoop.md (start/end UTC with ms, duration = end − start, distance only with GPS, energy in kJ, no device field)`,
  whoopAuto: `${F}/whoop.md (workouts are HR-based; start/end are WHOOP's own, score arrives later) — auto-detected start/end lag the watch`,
  fitbitAuto: `${F}/fitbit.md (logType auto_detected = SmartTrack; startTime local with offset; duration/activeDuration in ms; distance without GPS is step-based; no max HR)`,
  ouraAuto: `${F}/oura.md (source autodetected/confirmed; start/end LocalizedDateTime; no HR, no device; "likely duplicates of Strava/Garmin… match on time overlap + activity")`,
  coros: `${F}/coros.md (startTime/endTime Unix s, duration = timer time, no HR/elevation in the summary, calorie unit unknown → null)`,
  polar: `${F}/polar.md (start_time local + start_time_utc_offset in minutes, ISO-8601 duration, no moving time or elevation in the summary)`,
  suunto: `${F}/suunto.md (startTime epoch ms, totalTime float s, gear.displayName)`,
  wahoo: `${F}/wahoo.md (starts UTC, duration_total_accum/duration_active_accum, decimal strings, no device field, workout_token SYSTM/ELEMNT)`,
  garminTwoDevices: `${F}/garmin.md ("a user wearing two devices produces two activities with different deviceName")`,
  strava: `${F}/strava.md`,
  terraLocal: `${F}/terra.md (start_time/end_time "If absent [offset], the time corresponds to the user's local time"; timestamp_localization 1 = LOCAL) and lib/providers/terra/normalize.ts (offset-less times are read as UTC)`,
  polarNoOffset: `${F}/polar.md (start_time is local wall-clock without offset; UTC = start_time − start_time_utc_offset; a missing offset is read as 0 by lib/providers/polar/normalize.ts)`,
  stravaLocal: `${F}/strava.md (start_date_local also ends in Z but is local time — a third-party tool that copied it as UTC)`,
  fitbitProfileTz: `${F}/fitbit.md ("Fitbit stores data in the user's profile timezone"; startTime is written with that offset)`,
  garminMultisport: `${F}/garmin.md (MULTI_SPORT parents, isParent / parentSummaryId)`,
  corosMultisport: `${F}/coros.md (131 Triathlon / 132 Multisport, records carry triathlonItemList[])`,
  suuntoMultisport: `${F}/suunto.md (activityId 68 Multisport, 74 Triathlon)`,
  wahooMultisport: `${F}/wahoo.md (workout_type_id 62 MULTISPORT, 63 TRANSITION)`,
  terraMultisport: `${F}/terra.md (ActivityType 151 Multisport)`,
};

const scenarios: ScenarioJson[] = [];
const datesUsed = new Set<string>();

function randomDate(): string {
  for (;;) {
    const start = Date.UTC(2025, 3, 1);
    const day = rng.int(0, 420);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    if (!datesUsed.has(date)) {
      datesUsed.add(date);
      return date;
    }
  }
}

function newDay(person?: Person, date?: string): Day {
  return new Day(rng, person ?? rng.pick(people), date ?? randomDate());
}

function push(cls: string, index: number, slug: string, day: Day, description: string, basisText: string): void {
  const extras = day.notes.length ? `${description.endsWith(".") ? "" : "."} Also on this day: ${day.notes.join("; ")}.` : "";
  scenarios.push({
    id: `${cls.replace(/_/g, "-")}-${slug}-${String(index + 1).padStart(2, "0")}`,
    class: cls,
    description: description + extras,
    basis: basisText,
    activities: day.activities,
    groups: day.groups,
  });
}

/** The recording source plus its exact copies; groups them and returns the keys. */
function recordSet(day: Day, t: Truth, recorder: Provider, mirrors: Provider[], recorderOptions: RecordOptions = {}, group = true): string[] {
  const keys = [day.record(recorder, t, recorderOptions)];
  for (const m of mirrors) {
    if (!hasLabel(m, recorderOptions.kind ?? t.kind)) continue;
    // A copy of the recorder's file: whatever the recorder saw (cropped, left running, short), the copy shows too.
    const { kind, startShift, endShift, elapsed, distance, elevation, avgHr, maxHr, instantShift } = recorderOptions;
    const options: RecordOptions = { role: "mirror", kind, startShift, endShift, elapsed, elevation, avgHr, maxHr, instantShift };
    if (distance !== undefined) options.distance = distance === null ? null : distance * (1 + rng.jitter(0.002));
    if (m === "strava" && recorder !== "strava") options.device = stravaDeviceName(recorder, day);
    if (m === "terra") options.device = recorderOptions.device ?? day.find(keys[0]!).device;
    if (m === "strava" && (kind ?? t.kind) === "virtual_ride") options.name = day.find(keys[0]!).name;
    keys.push(day.record(m, t, options));
  }
  if (group) day.group(...keys);
  return keys;
}

function stravaDeviceName(recorder: Provider, day: Day): string | null {
  switch (recorder) {
    case "garmin":
      return `Garmin ${day.person.garmin}`;
    case "coros":
      return day.person.coros;
    case "polar":
      return day.person.polar;
    case "suunto":
      return day.person.suunto;
    case "wahoo":
      return "Wahoo ELEMNT BOLT";
    case "terra":
      return day.person.terra;
    case "fitbit":
      return null;
    default:
      return null;
  }
}

const kindNames: Partial<Record<Kind, string>> = {
  trail_run: "trail run",
  treadmill: "treadmill run",
  indoor_ride: "indoor ride",
  virtual_ride: "virtual ride",
  spin: "spin class",
  pool_swim: "pool swim",
  open_water: "open-water swim",
  strength: "strength session",
  hiit: "HIIT session",
  yoga: "yoga session",
  pilates: "pilates session",
  row_indoor: "indoor row",
  elliptical: "elliptical session",
};
/** A readable name of a kind of workout, for descriptions. */
function kn(kind: Kind): string {
  return kindNames[kind] ?? kind;
}

// ---------------------------------------------------------------------------------------------
// Look-alikes that must stay separate, added to other classes' days.

type Distractor = (day: Day, main: Truth, recorder: Provider, mirrors: Provider[]) => boolean;

const onlyRecordable = (p: Provider, kind: Kind) => hasLabel(p, kind);

const distractors: Record<string, Distractor> = {
  warmup(day, main, recorder, mirrors) {
    if (!onlyRecordable(recorder, "run")) return false;
    const gap = rng.int(120, 480);
    const t = day.workout("run", 0, rng.uniform(10, 18));
    t.startMs = main.startMs - (t.elapsed + gap) * 1000;
    recordSet(day, t, recorder, mirrors);
    day.notes.push(`a ${min(t.elapsed)} warm-up jog that ends ${Math.round(gap / 60)} min before it (separate)`);
    return true;
  },
  backToBack(day, main, recorder, mirrors) {
    const kind = main.kind === "triathlon" || main.kind === "duathlon" ? "run" : main.kind;
    if (!onlyRecordable(recorder, kind) || kind === "hike" || kind === "walk") return false;
    const t = day.workout(kind, day.endOf(main) + rng.int(0, 20) * 1000, rng.uniform(10, 22), { avgHr: main.avgHr - rng.int(12, 22) });
    recordSet(day, t, recorder, mirrors);
    day.notes.push(`a ${min(t.elapsed)} cool-down ${kn(kind)} recorded separately, starting as it ends (separate)`);
    return true;
  },
  hourApart(day, main, recorder, mirrors) {
    if (!["run", "ride", "walk", "treadmill", "indoor_ride"].includes(main.kind) || !onlyRecordable(recorder, main.kind)) return false;
    const after = main.elapsed < 3300;
    const minutes = after ? rng.uniform(20, 40) : rng.uniform(20, 45);
    const t = day.workout(main.kind, 0, minutes);
    t.startMs = after ? main.startMs + 3_600_000 : main.startMs - 3_600_000;
    recordSet(day, t, recorder, mirrors);
    day.notes.push(`another ${kn(main.kind)} starting exactly one hour ${after ? "after" : "before"} it (${km(t.distance)}, ${min(t.elapsed)}; separate)`);
    return true;
  },
  evening(day, main, recorder, mirrors) {
    if (!onlyRecordable(recorder, main.kind) || ["triathlon", "duathlon"].includes(main.kind) || main.elapsed > 150 * 60) return false;
    const morning = day.localHour(main.startMs) < 13;
    const t = day.workout(main.kind, morning ? day.randomAt(17, 19) : day.randomAt(6, 8), main.elapsed / 60 * rng.uniform(0.85, 1.1));
    if (!morning && t.startMs + t.elapsed * 1000 > main.startMs) return false;
    recordSet(day, t, recorder, mirrors);
    day.notes.push(`a second ${kn(main.kind)} in the ${morning ? "evening" : "morning"} (${km(t.distance)}, ${min(t.elapsed)}; separate)`);
    return true;
  },
  commute(day, main) {
    commuteRide(day, main, rng.chance(0.5));
    return true;
  },
  partner(day, main, recorder) {
    if (!["ride", "gravel", "mtb", "run", "trail_run"].includes(main.kind) || recorder !== "garmin") return false;
    const t: Truth = {
      ...main,
      startMs: main.startMs + rng.int(-40, 40) * 1000,
      elapsed: main.elapsed + rng.int(-90, 90),
      distance: main.distance && main.distance * (1 + rng.jitter(0.015)),
      avgHr: Math.max(112, main.avgHr + rng.sign() * rng.int(16, 28)),
      maxHr: 0,
      kcal: Math.round(main.kcal * rng.uniform(0.7, 0.85)),
    };
    t.maxHr = t.avgHr + rng.int(12, 26);
    const device = ["ride", "gravel", "mtb"].includes(main.kind) ? rng.pick(["Edge 530", "Edge 130 Plus", "Edge Explore 2"]) : rng.pick(["Forerunner 255", "vivoactive 5", "Forerunner 165"]);
    const keys = [day.record("garmin", t, { device }), day.record("strava", t, { role: "mirror", device: `Garmin ${device}` })];
    day.group(...keys);
    day.notes.push(`the partner's ${kn(main.kind)} on the same accounts from a ${device} (same route and time, avg HR ${t.avgHr} vs ${main.avgHr}; separate)`);
    return true;
  },
  dogWalk(day, main) {
    const later = rng.chance(0.5);
    const start = later ? day.endOf(main) + rng.int(60, 150) * 60_000 : main.startMs - rng.int(90, 180) * 60_000;
    const t = day.workout("walk", start, rng.uniform(22, 40));
    const p: Provider = rng.pick(["oura", "fitbit", "whoop"]);
    day.record(p, t, { role: "device", wholeMinutes: p === "fitbit", kind: "walk" });
    day.notes.push(`a ${min(t.elapsed)} dog walk auto-detected by ${p} (separate)`);
    return true;
  },
};

/** A commute ride recorded on the phone (Strava app, no HR) or auto-detected by Fitbit, overlapping `main` by a few minutes. */
function commuteRide(day: Day, main: Truth, before: boolean): void {
  const overlap = rng.int(2, 6) * 60 + rng.int(0, 59);
  const t = day.workout("ride", 0, rng.uniform(14, 28), { elevation: rng.int(10, 60) });
  t.startMs = before ? main.startMs - (t.elapsed - overlap) * 1000 : day.endOf(main) - overlap * 1000;
  const p: Provider = rng.pick(["strava", "fitbit"]);
  if (p === "strava") day.record("strava", t, { device: rng.pick(["Strava iPhone App", "Strava Android App"]), kcal: null, avgHr: null, maxHr: null });
  else day.record("fitbit", t, { kind: "ride", wholeMinutes: true, distanceFactor: rng.uniform(0.95, 1.05) });
  day.notes.push(`a commute ride (${p === "strava" ? "Strava phone app" : "Fitbit auto-detected"}) that overlaps it by ${Math.round(overlap / 60)} min at the ${before ? "start" : "end"} (separate)`);
}

function addDistractors(day: Day, main: Truth, recorder: Provider, mirrors: Provider[], names: string[], count: number): void {
  let added = 0;
  const order = [...names];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const name of order) {
    if (added >= count) break;
    if (distractors[name]!(day, main, recorder, mirrors)) added++;
  }
}

// ---------------------------------------------------------------------------------------------
// clear_cut: one workout, 2–4 sources, small differences.

function clearCut(): void {
  const setups: { kind: Kind; recorder: Provider; mirrors: Provider[]; extra: Provider[]; basis: string }[] = [
    { kind: "run", recorder: "garmin", mirrors: ["strava"], extra: [], basis: basis.garminStrava },
    { kind: "ride", recorder: "garmin", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.garminStrava}; ${basis.whoop}` },
    { kind: "run", recorder: "coros", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.coros}; ${basis.mirror}; ${basis.whoop}` },
    { kind: "run", recorder: "polar", mirrors: ["strava"], extra: ["oura"], basis: `${basis.polar}; ${basis.mirror}; ${basis.ouraAuto}` },
    { kind: "trail_run", recorder: "suunto", mirrors: ["strava", "terra"], extra: [], basis: `${basis.suunto}; ${basis.mirror}; ${basis.terraMirror}` },
    { kind: "ride", recorder: "wahoo", mirrors: ["strava"], extra: ["garmin"], basis: `${basis.wahoo}; ${basis.mirror}; ${F}/garmin.md` },
    { kind: "run", recorder: "terra", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.terraMirror}; ${basis.mirror}; ${basis.whoop}` },
    { kind: "run", recorder: "fitbit", mirrors: [], extra: ["oura"], basis: `${F}/fitbit.md (logType tracker, GPS via hasGps; startTime with offset); ${basis.ouraAuto}` },
    { kind: "pool_swim", recorder: "garmin", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.garminStrava}; ${basis.whoop}` },
    { kind: "strength", recorder: "garmin", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.garminStrava}; ${basis.whoop} (weightlifting)` },
    { kind: "indoor_ride", recorder: "polar", mirrors: ["strava"], extra: [], basis: `${basis.polar}; ${basis.mirror}` },
    { kind: "hike", recorder: "garmin", mirrors: ["strava", "terra"], extra: ["oura"], basis: `${basis.garminStrava}; ${basis.terraMirror}; ${basis.ouraAuto}` },
    { kind: "hike", recorder: "coros", mirrors: ["strava"], extra: [], basis: `${basis.coros}; ${basis.mirror}` },
    { kind: "walk", recorder: "suunto", mirrors: ["strava"], extra: ["fitbit"], basis: `${basis.suunto}; ${basis.mirror}; ${F}/fitbit.md` },
    { kind: "yoga", recorder: "garmin", mirrors: [], extra: ["whoop", "oura"], basis: `${F}/garmin.md; ${basis.whoop}; ${basis.ouraAuto}` },
    { kind: "indoor_ride", recorder: "wahoo", mirrors: ["strava"], extra: ["whoop"], basis: `${basis.wahoo}; ${basis.mirror}; ${basis.whoop}` },
  ];
  setups.forEach((s, i) => {
    const day = newDay();
    const minutes = { run: 50, trail_run: 95, ride: 150, pool_swim: 50, strength: 55, indoor_ride: 60, hike: 200, walk: 50, yoga: 60 }[s.kind as string] ?? 50;
    const t = day.workout(s.kind, day.randomAt(6, 18), minutes * rng.uniform(0.7, 1.3));
    const keys = recordSet(day, t, s.recorder, s.mirrors, {}, false);
    for (const p of s.extra) keys.push(day.record(p, t, { role: "device", device: p === "garmin" ? day.person.garmin : undefined, gps: p === "whoop" && ["run", "ride"].includes(s.kind) && rng.chance(0.4), startShift: rng.jitter(15), endShift: rng.jitter(45) }));
    day.group(...keys);
    const providers = keys.map((k) => day.find(k).provider);
    const d = `A ${min(t.elapsed)} ${kn(s.kind)} (${km(t.distance)}) at ${day.localTime(t.startMs)} local recorded by ${s.recorder}, also on ${providers.slice(1).join(", ")} within seconds; small differences in distance, HR and calories`;
    if (rng.chance(0.65)) addDistractors(day, t, s.recorder, s.mirrors, ["warmup", "backToBack", "evening", "hourApart", "commute", "partner", "dogWalk"], rng.int(1, 2));
    push("clear_cut", i, `${s.recorder}-${s.kind.replace("_", "")}`, day, d, s.basis);
  });
}

// ---------------------------------------------------------------------------------------------
// start_lag: auto-detectors whose start/end are minutes from the watch.

function startLag(): void {
  const detectors: Provider[][] = [["whoop"], ["fitbit"], ["oura"], ["whoop", "oura"], ["fitbit", "oura"], ["whoop"], ["fitbit"], ["oura"], ["whoop"], ["fitbit"], ["oura"], ["whoop", "fitbit"], ["whoop"], ["oura"]];
  const recorders: Provider[] = ["garmin", "coros", "polar", "suunto", "garmin", "garmin", "coros", "garmin", "polar", "suunto", "garmin", "coros", "garmin", "polar"];
  const kinds: Kind[] = ["run", "walk", "run", "hike", "ride", "run", "walk", "run", "ride", "run", "hike", "run", "strength", "walk"];
  detectors.forEach((dets, i) => {
    const day = newDay();
    const recorder = recorders[i]!;
    const kind = kinds[i]!;
    const minutes = { run: 55, walk: 60, hike: 150, ride: 110, strength: 60 }[kind as string] ?? 60;
    const t = day.workout(kind, day.randomAt(6, 18), minutes * rng.uniform(0.8, 1.3));
    const keys = recordSet(day, t, recorder, ["strava"], {}, false);
    const parts: string[] = [];
    for (const p of dets) {
      const lead = p === "oura" && rng.chance(0.35);
      const startShift = lead ? -rng.int(2, 8) * 60 - rng.int(0, 59) : rng.int(2, 11) * 60 + rng.int(0, 59);
      const endShift = rng.chance(0.6) ? -rng.int(1, 8) * 60 - rng.int(0, 59) : rng.int(1, 6) * 60;
      const opts: RecordOptions = { role: "device", startShift, endShift, wholeMinutes: p === "fitbit" };
      if (p === "fitbit" && ["run", "walk", "hike"].includes(kind)) opts.distanceFactor = rng.uniform(0.93, 1.07); // step-based
      if (p === "whoop") opts.gps = false;
      keys.push(day.record(p, t, opts));
      parts.push(`${p} ${lead ? "starts" : "starts"} ${Math.abs(Math.round(startShift / 60))} min ${startShift < 0 ? "before" : "after"} the watch and ends ${Math.abs(Math.round(endShift / 60))} min ${endShift < 0 ? "early" : "late"}`);
    }
    day.group(...keys);
    const d = `A ${min(t.elapsed)} ${kn(kind)} recorded by ${recorder} (Strava copy); auto-detected by ${dets.join(" and ")}: ${parts.join("; ")}`;
    if (rng.chance(0.7)) addDistractors(day, t, recorder, ["strava"], ["warmup", "backToBack", "dogWalk", "evening", "commute", "hourApart"], rng.int(1, 2));
    const b = dets.map((p) => (p === "whoop" ? basis.whoopAuto : p === "fitbit" ? basis.fitbitAuto : basis.ouraAuto)).join("; ");
    push("start_lag", i, `${dets.join("-")}`, day, d, `${b}; recorder: ${F}/${recorder}.md`);
  });
}

// ---------------------------------------------------------------------------------------------
// same_provider_multi: one workout, more than one record from one provider.

function sameProviderMulti(): void {
  const templates = [zwiftAndHeadUnit, pelotonTwice, twoGarminDevices, wahooSystmAndElemnt, stravaManualCopy, terraTwoConnections];
  for (let i = 0; i < 12; i++) templates[i % templates.length]!(i);
}

function zwiftAndHeadUnit(i: number): void {
  const day = newDay();
  const t = day.workout("virtual_ride", day.randomAt(6, 20), rng.uniform(45, 90));
  const headUnit: Provider = rng.chance(0.5) ? "garmin" : "wahoo";
  const zwift = day.record("strava", t, { device: "Zwift", name: rng.pick(["Zwift - Watopia Figure 8", "Zwift - Tempus Fugit in Watopia", "Zwift - Group Ride: Sunday Social", "Zwift - Innsbruckring in Innsbruck"]) });
  // The head unit sees the trainer's wheel speed: no gradient simulation, so its distance differs.
  const unitDistance = (t.distance ?? 0) * rng.uniform(0.88, 0.97);
  const unit = day.record(headUnit, t, { kind: "indoor_ride", role: "device", distance: unitDistance, elevation: null, device: headUnit === "garmin" ? day.person.edge : null });
  const mirror = day.record("strava", t, { kind: "indoor_ride", role: "mirror", distance: unitDistance * (1 + rng.jitter(0.002)), elevation: 0, device: headUnit === "garmin" ? `Garmin ${day.person.edge}` : "Wahoo ELEMNT BOLT" });
  const keys = [zwift, unit, mirror];
  if (rng.chance(0.5)) keys.push(day.record("whoop", t, { role: "device", kind: "spin", startShift: rng.int(-40, 60), endShift: rng.int(-60, 60) }));
  day.group(...keys);
  if (rng.chance(0.6)) {
    const cool = day.workout("virtual_ride", day.endOf(t) + rng.int(20, 90) * 1000, rng.uniform(10, 15), { avgHr: t.avgHr - 20 });
    day.group(day.record("strava", cool, { device: "Zwift", name: "Zwift - Cool down in Watopia" }));
    day.notes.push(`a separate ${min(cool.elapsed)} Zwift cool-down ride started ${Math.round((cool.startMs - day.endOf(t)) / 1000)} s after it ended (separate)`);
  }
  push("same_provider_multi", i, "zwift-headunit", day, `A ${min(t.elapsed)} Zwift ride uploaded to Strava by Zwift (${km(t.distance)}) and again through the ${headUnit} head unit that recorded the trainer (${km(unitDistance)}), so Strava holds two records; ${headUnit} holds the head unit's`, `${basis.mirror}; ${headUnit === "garmin" ? F + "/garmin.md" : basis.wahoo}`);
}

function pelotonTwice(i: number): void {
  const day = newDay(rng.pick(people.filter((p) => ["us_east", "us_pacific", "uk"].includes(p.zone))));
  const mins = rng.pick([20, 30, 45, 60]);
  const t = day.workout("spin", day.randomAt(6, 20), mins + 0.5);
  const instructor = rng.pick(["Matt Wilpers", "Denis Morton", "Emma Lovewell", "Cody Rigsby", "Tunde Oyeneyin"]);
  const title = `${mins} min ${rng.pick(["Power Zone Ride", "Climb Ride", "HIIT & Hills Ride", "Pop Ride", "Endurance Ride"])}`;
  const direct = day.record("strava", t, { name: `${title} with ${instructor}`, device: null, distance: t.distance });
  const garmin = day.record("garmin", t, { kind: "indoor_ride", name: title, device: null, distance: t.distance, startShift: rng.int(0, 2) });
  const garminMirror = day.record("strava", t, { kind: "indoor_ride", role: "mirror", name: title, device: null, distance: t.distance, startShift: rng.int(0, 2) });
  const keys = [direct, garmin, garminMirror];
  if (rng.chance(0.5)) keys.push(day.record("whoop", t, { kind: "spin", role: "device", startShift: rng.int(-30, 90), endShift: rng.int(-60, 60) }));
  day.group(...keys);
  const stretch = day.workout("yoga", day.endOf(t) + rng.int(30, 120) * 1000, 10);
  day.group(day.record("strava", stretch, { name: `10 min Post-Ride Stretch with ${instructor}`, device: null }), day.record("garmin", stretch, { name: "10 min Post-Ride Stretch", device: null }));
  day.notes.push(`a 10-min Peloton post-ride stretch right after it, also on Strava and Garmin (its own entry)`);
  push("same_provider_multi", i, "peloton", day, `A Peloton ride (${title}) shared to Strava directly by Peloton and also synced to Garmin Connect, whose copy Garmin then sends to Strava: two Strava records and one Garmin record of one ride`, `${basis.mirror}; ${F}/garmin.md (isWebUpload / manual flags: the Peloton copy is not from a Garmin device, deviceName is optional)`);
}

function twoGarminDevices(i: number): void {
  const day = newDay();
  const kind: Kind = rng.pick(["ride", "gravel", "mtb"]);
  const t = day.workout(kind, day.randomAt(7, 15), rng.uniform(90, 200));
  const edge = day.record("garmin", t, { device: day.person.edge });
  // The watch was started a little earlier or later and stopped at the café at the end; its wrist HR reads a few bpm off.
  const startDelta = rng.int(-50, 50);
  const wt: Truth = { ...t, startMs: t.startMs + startDelta * 1000, elapsed: t.elapsed - startDelta + rng.int(-60, 120), avgHr: t.avgHr + rng.int(-3, 4), maxHr: t.maxHr + rng.int(-4, 4) };
  wt.distance = t.distance && t.distance * (1 + rng.jitter(0.015));
  const watch = day.record("garmin", wt, { device: day.person.garmin });
  const edgeStrava = day.record("strava", t, { role: "mirror", device: `Garmin ${day.person.edge}` });
  const keys = [edge, watch, edgeStrava];
  if (rng.chance(0.6)) keys.push(day.record("strava", wt, { role: "mirror", device: `Garmin ${day.person.garmin}` }));
  day.group(...keys);
  if (rng.chance(0.7)) distractors.partner!(day, t, "garmin", ["strava"]);
  else addDistractors(day, t, "garmin", ["strava"], ["commute", "evening"], 1);
  push("same_provider_multi", i, "garmin-two-devices", day, `A ${min(t.elapsed)} ${kn(kind)} recorded on both the ${day.person.edge} and the ${day.person.garmin} watch: two Garmin records (HR a few bpm apart), each also sent to Strava`, `${basis.garminTwoDevices}; ${basis.garminStrava}`);
}

function wahooSystmAndElemnt(i: number): void {
  const day = newDay();
  const t = day.workout("virtual_ride", day.randomAt(6, 20), rng.uniform(40, 75));
  const systm = day.record("wahoo", t, { kind: "virtual_ride", name: rng.pick(["SYSTM: The Omnium", "SYSTM: Half Is Easy", "SYSTM: Revolver", "SYSTM: Nine Hammers"]) });
  const elemnt = day.record("wahoo", t, { kind: "indoor_ride", role: "device", name: "Indoor Cycling", startShift: rng.int(-90, 30), endShift: rng.int(0, 120), distanceFactor: rng.uniform(0.9, 1.0) });
  const sStrava = day.record("strava", t, { kind: "virtual_ride", role: "mirror", name: "SYSTM: " + day.find(systm).name.slice(7), device: "Wahoo SYSTM" });
  day.group(systm, elemnt, sStrava);
  addDistractors(day, t, "wahoo", ["strava"], ["evening", "dogWalk", "backToBack"], 1);
  push("same_provider_multi", i, "wahoo-systm-elemnt", day, `A SYSTM indoor workout recorded both by the SYSTM app and by the ELEMNT head unit: two Wahoo workouts (different workout_token), plus SYSTM's Strava upload`, `${basis.wahoo}; ${basis.mirror}`);
}

function stravaManualCopy(i: number): void {
  const day = newDay();
  const kind: Kind = rng.pick(["run", "walk", "run"]);
  const t = day.workout(kind, day.randomAt(6, 19), rng.uniform(35, 70));
  const recorder: Provider = rng.pick(["garmin", "coros", "polar"]);
  const keys = recordSet(day, t, recorder, ["strava"], {}, false);
  // A manual Strava entry typed in from memory: whole minutes, round distance, no HR, no device.
  const manualStart = Math.round(t.startMs / 300_000) * 300_000;
  const manualElapsed = Math.round(t.elapsed / 300) * 300;
  const manual = day.record("strava", { ...t, startMs: manualStart, elapsed: manualElapsed, moving: manualElapsed }, { elapsed: manualElapsed, moving: manualElapsed, distance: t.distance === null ? 0 : Math.round(t.distance / 500) * 500, elevation: 0, avgHr: null, maxHr: null, kcal: null, device: null, name: kind === "run" ? "Run" : "Walk" });
  keys.push(manual);
  day.group(...keys);
  addDistractors(day, t, recorder, ["strava"], ["evening", "hourApart", "backToBack"], 1);
  push("same_provider_multi", i, "strava-manual", day, `A ${kn(kind)} recorded by ${recorder} and copied to Strava, and the same ${kn(kind)} entered by hand on Strava (manual: start rounded to ${day.localTime(manualStart)}, ${min(manualElapsed)}, ${km(day.find(manual).distanceMeters)}, no HR)`, `${F}/strava.md (manual flag: manually entered activities carry no device or HR); ${basis.mirror}`);
}

function terraTwoConnections(i: number): void {
  const day = newDay();
  const kind: Kind = rng.pick(["run", "walk", "strength"]);
  const t = day.workout(kind, day.randomAt(6, 19), rng.uniform(35, 70));
  // One person with two Terra connections (Garmin and Apple Health): two Terra user_ids, two records.
  const viaGarmin = day.record("terra", t, { device: day.person.garmin });
  const viaApple = day.record("terra", t, { role: "device", device: day.person.terra, startShift: rng.int(-20, 20), endShift: rng.int(-30, 30) });
  const direct = day.record("garmin", t, { role: "mirror" });
  day.group(viaGarmin, viaApple, direct);
  addDistractors(day, t, "garmin", [], ["evening", "dogWalk", "warmup"], 1);
  push("same_provider_multi", i, "terra-two-connections", day, `A ${kn(kind)} seen through two Terra connections of the same person (Garmin, and ${day.person.terra.startsWith("Apple") ? "Apple Health" : "Samsung Health"} for the ${day.person.terra} also worn) and also synced directly from Garmin`, `${F}/terra.md (Terra user_id is per provider connection, tied together by reference_id; summary_id may not be globally unique)`);
}

// ---------------------------------------------------------------------------------------------
// generic_sport: one source has a generic label, another a specific sport.

function genericSport(): void {
  const t: { specific: Kind; recorder: Provider; generic: Provider; genericKind: Kind; note: string }[] = [
    { specific: "run", recorder: "garmin", generic: "whoop", genericKind: "generic_other", note: 'WHOOP "activity" started by hand' },
    { specific: "row_indoor", recorder: "garmin", generic: "whoop", genericKind: "generic_cardio", note: 'WHOOP "functional fitness" for an erg session vs Garmin INDOOR_ROWING' },
    { specific: "strength", recorder: "polar", generic: "fitbit", genericKind: "generic_other", note: 'Fitbit "Workout" vs Polar STRENGTH_TRAINING' },
    { specific: "spin", recorder: "garmin", generic: "fitbit", genericKind: "generic_cardio", note: 'Fitbit "Aerobic Workout" for a spin class vs Garmin INDOOR_CYCLING' },
    { specific: "row_indoor", recorder: "garmin", generic: "fitbit", genericKind: "generic_cardio", note: 'Fitbit "Aerobic Workout" vs Garmin INDOOR_ROWING' },
    { specific: "treadmill", recorder: "garmin", generic: "terra", genericKind: "generic_other", note: "Terra OTHER (108) from a smartwatch 'Other' workout vs Garmin TREADMILL_RUNNING" },
    { specific: "spin", recorder: "whoop", generic: "coros", genericKind: "generic_cardio", note: "COROS Gym Cardio (182) vs WHOOP spin" },
    { specific: "yoga", recorder: "garmin", generic: "strava", genericKind: "generic_other", note: 'Strava "Workout" entered on the phone vs Garmin YOGA' },
    { specific: "hiit", recorder: "terra", generic: "oura", genericKind: "generic_other", note: 'Oura "other" vs Terra HIIT (114)' },
    { specific: "run", recorder: "suunto", generic: "whoop", genericKind: "hiit", note: 'WHOOP "hiit" for a track interval session vs Suunto Running (1)' },
    { specific: "ride", recorder: "wahoo", generic: "whoop", genericKind: "generic_other", note: 'WHOOP "activity" vs a Wahoo road ride' },
    { specific: "pilates", recorder: "garmin", generic: "wahoo", genericKind: "generic_other", note: "Wahoo WORKOUT (42) vs Garmin PILATES" },
    { specific: "run", recorder: "polar", generic: "terra", genericKind: "generic_other", note: "Terra OTHER (108) vs Polar RUNNING_ROAD" },
    { specific: "strength", recorder: "garmin", generic: "whoop", genericKind: "generic_other", note: 'WHOOP "activity" vs Garmin STRENGTH_TRAINING, with a treadmill run straight after' },
  ];
  t.forEach((s, i) => {
    const day = newDay();
    const minutes = { run: 45, hiit: 50, strength: 60, elliptical: 35, row_indoor: 30, treadmill: 40, spin: 45, yoga: 60, ride: 120, pilates: 55 }[s.specific as string] ?? 50;
    const t = day.workout(s.specific, day.randomAt(6, 19), minutes * rng.uniform(0.8, 1.2));
    const mirrors: Provider[] = s.recorder === "whoop" || s.recorder === "terra" ? [] : rng.chance(0.6) ? ["strava"] : [];
    const keys = recordSet(day, t, s.recorder, mirrors, {}, false);
    const opts: RecordOptions = { role: "device", kind: s.genericKind, startShift: rng.int(-60, 90), endShift: rng.int(-90, 90) };
    if (s.generic === "fitbit") opts.wholeMinutes = rng.chance(0.5);
    if (s.generic === "coros") opts.distance = null;
    if (s.generic === "terra") {
      opts.distance = s.specific === "treadmill" || s.specific === "run" ? null : undefined;
      opts.device = day.person.terra;
    }
    if (s.generic === "strava") {
      opts.device = null;
      opts.kcal = null;
    }
    if (s.generic === "wahoo") opts.distance = null;
    keys.push(day.record(s.generic, t, opts));
    day.group(...keys);
    let extra = "";
    if (i === 13) {
      const run = day.workout("treadmill", day.endOf(t) + rng.int(60, 180) * 1000, rng.uniform(15, 25));
      day.group(day.record("garmin", run), day.record("strava", run, { role: "mirror", device: `Garmin ${day.person.garmin}` }));
      extra = ` A ${min(run.elapsed)} treadmill run starts ${Math.round((run.startMs - day.endOf(t)) / 1000)} s after the session on Garmin/Strava and is separate; WHOOP stopped with the session.`;
    } else if (rng.chance(0.65)) addDistractors(day, t, s.recorder, mirrors, ["commute", "dogWalk", "evening", "backToBack", "warmup"], rng.int(1, 2));
    const generic = day.find(keys.at(-1)!);
    push("generic_sport", i, `${s.generic}-${generic.sport}`, day, `A ${min(t.elapsed)} ${kn(s.specific)} (${s.recorder}) that ${s.generic} labels generically "${generic.sportType}" (sport ${generic.sport}): ${s.note}.${extra}`, `${F}/${s.generic}.md (${s.generic === "whoop" ? 'sport_name "activity" / "functional fitness", sport_id -1 Activity' : s.generic === "fitbit" ? "activityName, SmartTrack categories incl. Aerobic Workout" : s.generic === "terra" ? "ActivityType 108 Other" : s.generic === "coros" ? "182 Gym Cardio" : s.generic === "oura" ? "activity is a free string; open-wearables falls back to OTHER" : s.generic === "wahoo" ? "workout_type_id 42 WORKOUT" : 'sport_type "Workout"'}); recorder ${F}/${s.recorder}.md`);
  });
}

// ---------------------------------------------------------------------------------------------
// distance_mismatch: one workout, distances more than 10 % apart.

function distanceMismatch(): void {
  const list: ((i: number) => void)[] = [
    (i) => {
      // Treadmill: wrist accelerometer vs the treadmill's (Peloton Tread) distance.
      const day = newDay();
      const t = day.workout("treadmill", day.randomAt(6, 20), rng.uniform(30, 55));
      const f = rng.uniform(0.8, 0.88);
      const g = recordSet(day, t, "garmin", ["strava"], { distance: (t.distance ?? 0) * f }, false);
      const tread = day.record("strava", t, { role: "device", name: `${Math.round(t.elapsed / 300) * 5} min Endurance Run`, device: null, startShift: rng.int(-20, 20), endShift: rng.int(-20, 20) });
      day.group(...g, tread);
      addDistractors(day, t, "garmin", ["strava"], ["evening", "dogWalk", "hourApart"], rng.int(0, 1));
      push("distance_mismatch", i, "treadmill-wrist", day, `A treadmill run: the ${day.person.garmin}'s wrist-based distance (${km(day.find(g[0]!).distanceMeters)}) is ${Math.round((1 - f) * 100)} % short of the treadmill's (${km(day.find(tread).distanceMeters)}, uploaded to Strava by the Peloton app)`, `${F}/garmin.md (TREADMILL_RUNNING; distanceInMeters from the watch); ${F}/strava.md (a second upload from the treadmill's app)`);
    },
    (i) => {
      // Cropped on Strava.
      const day = newDay();
      const kind: Kind = rng.pick(["run", "ride"]);
      const t = day.workout(kind, day.randomAt(6, 17), kind === "run" ? rng.uniform(50, 80) : rng.uniform(100, 180));
      const crop = rng.uniform(0.12, 0.22);
      const g = day.record("garmin", t);
      const s = day.record("strava", t, { role: "mirror", endShift: -crop * t.elapsed, distanceFactor: 1, device: `Garmin ${kind === "ride" ? day.person.edge : day.person.garmin}` });
      day.group(g, s);
      addDistractors(day, t, "garmin", [], ["partner", "evening", "commute"], 1);
      push("distance_mismatch", i, "strava-crop", day, `A ${kn(kind)} whose Strava copy was cropped to drop the last ${Math.round(crop * 100)} % (the ride home from the trailhead / a cool-down walk): ${km(day.find(g).distanceMeters)} on Garmin vs ${km(day.find(s).distanceMeters)} on Strava, same start`, `${F}/strava.md (a copy of the Garmin file, edited on Strava); ${F}/garmin.md`);
    },
    (i) => {
      // Step-based Fitbit distance vs GPS.
      const day = newDay();
      const kind: Kind = rng.pick(["run", "walk", "hike"]);
      const t = day.workout(kind, day.randomAt(6, 18), kind === "hike" ? rng.uniform(120, 200) : rng.uniform(40, 70));
      const f = rng.chance(0.5) ? rng.uniform(0.72, 0.87) : rng.uniform(1.13, 1.25);
      const keys = recordSet(day, t, rng.pick(["garmin", "coros", "suunto"]), ["strava"], {}, false);
      keys.push(day.record("fitbit", t, { role: "device", distanceFactor: f, startShift: rng.int(-30, 30), endShift: rng.int(-30, 30) }));
      day.group(...keys);
      addDistractors(day, t, day.find(keys[0]!).provider as Provider, ["strava"], ["dogWalk", "evening", "backToBack"], 1);
      push("distance_mismatch", i, "fitbit-steps", day, `A ${kn(kind)} with GPS on the watch (${km(t.distance)}) and a Fitbit ${day.person.fitbit} exercise without connected GPS whose step-length distance is ${km(day.find(keys.at(-1)!).distanceMeters)}`, `${F}/fitbit.md (hasGps; distance without GPS comes from steps × stride)`);
    },
    (i) => {
      // Zwift virtual distance vs a watch with no speed sensor (or trainer speed).
      const day = newDay();
      const t = day.workout("virtual_ride", day.randomAt(6, 20), rng.uniform(45, 90));
      const zwift = day.record("strava", t, { device: "Zwift", name: "Zwift - Watopia Mountain Route" });
      const f = rng.uniform(0.72, 0.86);
      const watch = day.record("garmin", t, { kind: "indoor_ride", role: "device", distance: (t.distance ?? 0) * f, device: day.person.garmin });
      const keys = [zwift, watch];
      if (rng.chance(0.5)) keys.push(day.record("whoop", t, { kind: "spin", role: "device", startShift: rng.int(0, 90) }));
      day.group(...keys);
      addDistractors(day, t, "garmin", [], ["evening", "dogWalk"], 1);
      push("distance_mismatch", i, "zwift-virtual", day, `A Zwift climb ride: Zwift's virtual distance ${km(t.distance)} (computed from power, rider weight and the virtual gradient) vs ${km(day.find(watch).distanceMeters)} on the watch reading the trainer's speed`, `${F}/strava.md (external_id names Zwift; VirtualRide); ${F}/garmin.md (INDOOR_CYCLING from the watch)`);
    },
    (i) => {
      // WHOOP app GPS from the phone in a pocket vs the watch.
      const day = newDay();
      const t = day.workout(rng.pick<Kind>(["run", "trail_run"]), day.randomAt(6, 18), rng.uniform(45, 90));
      const keys = recordSet(day, t, rng.pick(["garmin", "polar"]), ["strava"], {}, false);
      const f = rng.chance(0.5) ? rng.uniform(0.8, 0.88) : rng.uniform(1.12, 1.2);
      keys.push(day.record("whoop", t, { role: "device", gps: true, distanceFactor: f, startShift: rng.int(-40, 40), endShift: rng.int(-40, 40) }));
      day.group(...keys);
      addDistractors(day, t, day.find(keys[0]!).provider as Provider, ["strava"], ["warmup", "evening", "hourApart"], 1);
      push("distance_mismatch", i, "whoop-phone-gps", day, `A ${day.find(keys[0]!).sportType} run: the watch measures ${km(t.distance)}, the WHOOP workout with the phone's GPS (in a pocket, among tall buildings/trees) ${km(day.find(keys.at(-1)!).distanceMeters)}`, `${basis.whoop} (score.distance_meter only when GPS data was sent)`);
    },
    (i) => {
      // Oura walking distance from steps vs hike GPS.
      const day = newDay();
      const t = day.workout("hike", day.randomAt(7, 12), rng.uniform(120, 240));
      const keys = recordSet(day, t, rng.pick(["garmin", "suunto", "coros"]), ["strava"], {}, false);
      const f = rng.uniform(1.15, 1.35);
      keys.push(day.record("oura", t, { kind: "walk", role: "device", distanceFactor: f, startShift: rng.int(-60, 120), endShift: rng.int(-120, 60) }));
      day.group(...keys);
      addDistractors(day, t, day.find(keys[0]!).provider as Provider, ["strava"], ["dogWalk", "evening"], 1);
      push("distance_mismatch", i, "oura-steps", day, `A steep hike: the watch's GPS distance is ${km(t.distance)}; Oura's walking workout estimates ${km(day.find(keys.at(-1)!).distanceMeters)} from steps (short steps uphill are counted at flat-walking length)`, `${basis.ouraAuto}; ${F}/${day.find(keys[0]!).provider}.md`);
    },
    (i) => {
      // Footpod (Zwift Run) vs wrist.
      const day = newDay();
      const t = day.workout("treadmill", day.randomAt(6, 20), rng.uniform(30, 50));
      const f = rng.chance(0.5) ? rng.uniform(0.82, 0.89) : rng.uniform(1.12, 1.18);
      const zwift = day.record("strava", t, { device: "Zwift", name: "Zwift Run - Watopia Flat Route" , kind: "treadmill" });
      const watch = day.record(rng.pick<Provider>(["coros", "polar", "suunto"]), t, { role: "device", distanceFactor: f });
      day.group(zwift, watch);
      addDistractors(day, t, day.find(watch).provider as Provider, [], ["evening", "dogWalk", "hourApart"], 1);
      push("distance_mismatch", i, "footpod-wrist", day, `A treadmill run in Zwift with a footpod (${km(t.distance)}, uploaded to Strava by Zwift) and on the ${day.find(watch).device} from its wrist accelerometer (${km(day.find(watch).distanceMeters)})`, `${F}/strava.md (external_id names Zwift); ${F}/${day.find(watch).provider}.md`);
    },
    (i) => {
      // Pool swim: WHOOP no distance, Garmin counted lengths, Strava edited pool length (25 yd vs 25 m).
      const day = newDay();
      const t = day.workout("pool_swim", day.randomAt(6, 20), rng.uniform(40, 65));
      const [from, to] = rng.pick([[25, 33.33], [33.33, 25], [20, 25], [25, 20]] as const);
      const g = day.record("garmin", t, { distanceFactor: to / from });
      const s = day.record("strava", t, { role: "mirror", device: `Garmin ${day.person.garmin}` });
      const keys = [g, s];
      if (rng.chance(0.6)) keys.push(day.record("whoop", t, { role: "device", startShift: rng.int(-60, 60) }));
      day.group(...keys);
      const swim2 = day.workout("pool_swim", day.endOf(t) + rng.int(25, 60) * 60_000, rng.uniform(20, 35));
      day.group(day.record("garmin", swim2), day.record("strava", swim2, { role: "mirror", device: `Garmin ${day.person.garmin}` }));
      day.notes.push(`a second, ${min(swim2.elapsed)} swim later that morning (separate)`);
      push("distance_mismatch", i, "pool-length", day, `A pool swim recorded with the wrong pool length (${from} m); the pool size was corrected to ${to} m on Garmin Connect after the sync, so Garmin shows ${km(day.find(g).distanceMeters)} while the earlier Strava copy keeps ${km(day.find(s).distanceMeters)}`, `${F}/garmin.md (LAP_SWIMMING, numberOfActiveLengths; manuallyUpdatedActivities for edits made on Connect); ${F}/strava.md (the copy is not updated by later edits on Garmin — our assumption)`);
    },
    (i) => {
      // Terra (Apple Watch) indoor run vs Garmin footpod.
      const day = newDay();
      const t = day.workout("treadmill", day.randomAt(6, 20), rng.uniform(30, 60));
      const g = day.record("garmin", t, { distanceFactor: 1 });
      const a = day.record("terra", t, { role: "device", distanceFactor: rng.uniform(0.78, 0.88) });
      day.group(g, a, day.record("strava", t, { role: "mirror", device: `Garmin ${day.person.garmin}` }));
      addDistractors(day, t, "garmin", ["strava"], ["evening", "hourApart", "warmup"], 1);
      push("distance_mismatch", i, "apple-indoor", day, `A treadmill run with a footpod on Garmin (${km(t.distance)}) and a ${day.person.terra} indoor run via Terra with an uncalibrated accelerometer (${km(day.find(a).distanceMeters)})`, `${F}/terra.md (ActivityType 58 Treadmill Running; distance_data.summary.distance_meters; device_data.name)`);
    },
  ];
  for (let i = 0; i < 13; i++) list[i % list.length]!(i);
}

// ---------------------------------------------------------------------------------------------
// hour_shift: a source's instant is a whole number of hours off.

function hourShift(): void {
  const near = people.filter((p) => ["eu", "uk", "helsinki", "us_east"].includes(p.zone));
  const list: ((i: number) => void)[] = [
    (i) => {
      // Terra without an offset: local time read as UTC.
      let day = newDay(rng.pick(near));
      while (day.offset === 0) day = newDay(rng.pick(near));
      const kind: Kind = rng.pick(["run", "ride", "walk", "strength"]);
      const t = day.workout(kind, day.randomAt(6, 18), rng.uniform(40, 100));
      const keys = recordSet(day, t, "garmin", ["strava"], {}, false);
      keys.push(day.record("terra", t, { role: "mirror", instantShift: day.offset * 60, offset: null, device: day.person.garmin }));
      day.group(...keys);
      const extra = kind === "run" || kind === "ride" || kind === "walk" ? (rng.chance(0.6) ? distractors.hourApart!(day, t, "garmin", ["strava"]) : false) : false;
      if (!extra) addDistractors(day, t, "garmin", ["strava"], ["evening", "dogWalk"], 1);
      push("hour_shift", i, "terra-local", day, `A ${kn(kind)} relayed by Terra with an offset-less local start, read as UTC: ${Math.abs(day.offset / 60)} h ${day.offset > 0 ? "later" : "earlier"} than the Garmin/Strava instant; duration and distance agree`, basis.terraLocal);
    },
    (i) => {
      // Polar without start_time_utc_offset.
      let day = newDay(rng.pick(near));
      while (day.offset === 0) day = newDay(rng.pick(near));
      const kind: Kind = rng.pick(["run", "ride", "hike"]);
      const t = day.workout(kind, day.randomAt(6, 17), rng.uniform(45, 120));
      const p = day.record("polar", t, { instantShift: day.offset * 60, offset: null });
      const s = day.record("strava", t, { role: "mirror", device: day.person.polar });
      const keys = [p, s];
      if (rng.chance(0.5)) keys.push(day.record("whoop", t, { role: "device", startShift: rng.int(-30, 60) }));
      day.group(...keys);
      addDistractors(day, t, "strava", [], ["evening", "hourApart", "dogWalk"], 1);
      push("hour_shift", i, "polar-no-offset", day, `A ${kn(kind)} whose Polar exercise came without start_time_utc_offset, so its local start (${day.localTime(t.startMs)}) is taken as UTC: ${Math.abs(day.offset / 60)} h off the Strava copy`, basis.polarNoOffset);
    },
    (i) => {
      // Strava copy made by a sync tool from start_date_local.
      let day = newDay(rng.pick(near));
      while (day.offset === 0) day = newDay(rng.pick(near));
      const kind: Kind = rng.pick(["run", "walk", "ride"]);
      const t = day.workout(kind, day.randomAt(6, 18), rng.uniform(30, 80));
      const f = day.record("fitbit", t, { device: day.person.fitbit });
      const s = day.record("strava", t, { role: "mirror", instantShift: day.offset * 60, device: null, name: `${kind === "run" ? "Run" : kind === "walk" ? "Walk" : "Outdoor Bike"} (synced from Fitbit)` });
      day.group(f, s);
      addDistractors(day, t, "fitbit", [], ["evening", "commute"], 1);
      push("hour_shift", i, "strava-local-as-utc", day, `A Fitbit ${kn(kind)} copied to Strava by a third-party sync tool that wrote the local time as UTC: the Strava start is ${Math.abs(day.offset / 60)} h ${day.offset > 0 ? "later" : "earlier"}, elapsed time and distance identical`, `${basis.stravaLocal}; ${F}/fitbit.md ("Fitbit activities also get exported to Strava via third-party sync tools")`);
    },
    (i) => {
      // Fitbit profile time zone at home while travelling.
      const home = rng.pick(people.filter((p) => p.zone === "uk" || p.zone === "eu"));
      const travelTo = rng.pick(people.filter((p) => p.zone === "helsinki" || (p.zone === "eu" && home.zone === "uk")));
      const day = newDay(travelTo);
      const homeOffset = offsetOn(home.zone, day.date);
      const shift = day.offset - homeOffset;
      const kind: Kind = rng.pick(["run", "walk"]);
      const t = day.workout(kind, day.randomAt(6, 9), rng.uniform(30, 60));
      const keys = recordSet(day, t, rng.pick(["garmin", "coros"]), ["strava"], {}, false);
      keys.push(day.record("fitbit", t, { role: "device", instantShift: shift * 60, offset: homeOffset, startShift: rng.int(-20, 20) }));
      day.group(...keys);
      addDistractors(day, t, day.find(keys[0]!).provider as Provider, ["strava"], ["hourApart", "evening"], 1);
      push("hour_shift", i, "fitbit-travel", day, `A ${kn(kind)} in ${travelTo.city} by a traveller whose Fitbit profile is still set to ${home.city}: the tracker's wall clock is local but Fitbit stamps it with the home offset, so the Fitbit instant is ${shift / 60} h off the watch`, `${basis.fitbitProfileTz}`);
    },
    (i) => {
      // DST night: a tracker not synced since the change.
      const person = rng.pick(people.filter((p) => ["eu", "uk", "helsinki"].includes(p.zone)));
      const date = rng.pick(["2025-10-26", "2026-03-29"]);
      datesUsed.add(date);
      const day = newDay(person, date);
      const kind: Kind = rng.pick(["run", "walk"]);
      const t = day.workout(kind, day.randomAt(7, 10), rng.uniform(30, 60));
      const keys = recordSet(day, t, rng.pick(["garmin", "suunto"]), ["strava"], {}, false);
      const springForward = date.startsWith("2026-03");
      // The tracker still shows the old wall-clock time (an hour behind in spring, ahead in autumn)
      // but is stamped with today's offset.
      keys.push(day.record("fitbit", t, { role: "device", instantShift: springForward ? -3600 : 3600, startShift: rng.int(-15, 15) }));
      day.group(...keys);
      addDistractors(day, t, day.find(keys[0]!).provider as Provider, ["strava"], ["hourApart", "evening", "dogWalk"], 1);
      push("hour_shift", i, "dst-night", day, `The morning after the ${springForward ? "spring" : "autumn"} DST change: a ${kn(kind)} on the watch and on a Fitbit tracker not yet synced with the phone, whose wall clock still shows the old time and is stamped with the new offset: 1 h ${springForward ? "earlier" : "later"}`, `${basis.fitbitProfileTz}; ${F}/garmin.md (startTimeInSeconds is UTC regardless of the device's wall clock)`);
    },
  ];
  for (let i = 0; i < 13; i++) list[i % list.length]!(i);
}

// ---------------------------------------------------------------------------------------------
// duration_mismatch: durations more than 30 % apart.

function durationMismatch(): void {
  const list: ((i: number) => void)[] = [
    (i) => {
      // Watch left running on the drive home.
      const day = newDay();
      const kind: Kind = rng.pick(["run", "trail_run", "hike"]);
      const t = day.workout(kind, day.randomAt(7, 16), kind === "hike" ? rng.uniform(120, 180) : rng.uniform(50, 80));
      // Long enough that the durations end up more than 30 % apart.
      const drive = Math.max(rng.int(30, 55) * 60, Math.ceil((0.5 * t.elapsed) / 60) * 60 + rng.int(0, 10) * 60);
      const driveKm = drive * rng.uniform(10, 17);
      const recorder: Provider = rng.pick(["garmin", "coros", "suunto"]);
      const keys = recordSet(day, t, recorder, ["strava"], { endShift: drive, distance: (t.distance ?? 0) + driveKm, moving: recorder === "coros" ? t.moving + drive : undefined }, false);
      day.find(keys[1]!).movingSeconds = Math.round(t.moving + drive * 0.9);
      const det: Provider = rng.pick(["whoop", "oura", "fitbit"]);
      keys.push(day.record(det, t, { role: "device", startShift: rng.int(-60, 240), endShift: rng.int(-180, 60), wholeMinutes: det === "fitbit" }));
      day.group(...keys);
      addDistractors(day, t, recorder, ["strava"], ["dogWalk", "evening"], 1);
      push("duration_mismatch", i, "left-running", day, `A ${min(t.elapsed)} ${kn(kind)} where the ${recorder} watch was left running on the ${min(drive)} drive home (${min(day.find(keys[0]!).elapsedSeconds ?? 0)}, ${km(day.find(keys[0]!).distanceMeters)} incl. the car); ${det} recorded only the workout`, `${F}/${recorder}.md; ${F}/strava.md (elapsed_time incl. everything recorded); ${F}/${det}.md`);
    },
    (i) => {
      // Paused recording counted differently: Polar duration vs Strava elapsed.
      const day = newDay();
      const kind: Kind = rng.pick(["hike", "ride"]);
      const t = day.workout(kind, day.randomAt(8, 11), kind === "hike" ? rng.uniform(150, 210) : rng.uniform(150, 200));
      const pause = Math.round(t.elapsed * rng.uniform(0.33, 0.45));
      const recorded = t.elapsed - pause;
      t.kcal = Math.round((t.kcal * recorded) / t.elapsed);
      const p = day.record("polar", t, { elapsed: recorded });
      const s = day.record("strava", t, { role: "mirror", moving: recorded - rng.int(60, 300), device: day.person.polar });
      const keys = [p, s];
      if (rng.chance(0.5)) keys.push(day.record("oura", t, { kind: kind === "hike" ? "hike" : "ride", role: "device", startShift: rng.int(-120, 240), endShift: rng.int(-240, 120) }));
      day.group(...keys);
      addDistractors(day, t, "strava", [], ["dogWalk", "commute"], 1);
      push("duration_mismatch", i, "paused", day, `A ${kn(kind)} with a ${min(pause)} lunch stop (recording paused): Polar's duration counts only recorded time (${min(recorded)}), the Strava copy's elapsed_time is wall-clock (${min(t.elapsed)})`, `${basis.polar}; ${F}/strava.md (elapsed_time is wall clock incl. pauses, moving_time excludes them)`);
    },
    (i) => {
      // WHOOP activity never stopped.
      const day = newDay();
      const kind: Kind = rng.pick(["strength", "run", "yoga", "ride"]);
      const t = day.workout(kind, day.randomAt(6, 19), kind === "ride" ? rng.uniform(70, 110) : rng.uniform(40, 65));
      const late = rng.int(30, 75) * 60;
      const recorder: Provider = rng.pick(["garmin", "polar"]);
      const keys = recordSet(day, t, recorder, ["strava"], {}, false);
      keys.push(day.record("whoop", t, { role: "device", endShift: late, startShift: rng.int(-30, 60), kcalFactor: 1.35 }));
      day.group(...keys);
      addDistractors(day, t, recorder, ["strava"], ["dogWalk", "backToBack", "evening"], 1);
      push("duration_mismatch", i, "whoop-not-stopped", day, `A ${min(t.elapsed)} ${kn(kind)} on ${recorder}/Strava; the WHOOP activity started by hand was stopped ${min(late)} late`, `${basis.whoop}; ${F}/${recorder}.md`);
    },
    (i) => {
      // Auto-detector sees only part of a long walk/hike.
      const day = newDay();
      const kind: Kind = rng.pick(["walk", "hike"]);
      const t = day.workout(kind, day.randomAt(8, 15), kind === "hike" ? rng.uniform(150, 240) : rng.uniform(80, 120));
      const recorder: Provider = rng.pick(["garmin", "suunto", "coros"]);
      const keys = recordSet(day, t, recorder, ["strava"], {}, false);
      const det: Provider = rng.pick(["oura", "fitbit"]);
      const share = rng.uniform(0.35, 0.6);
      const startShift = rng.int(3, 10) * 60;
      keys.push(day.record(det, t, { role: "device", kind: "walk", startShift, endShift: -(t.elapsed * (1 - share)) + startShift, wholeMinutes: det === "fitbit" }));
      day.group(...keys);
      addDistractors(day, t, recorder, ["strava"], ["dogWalk", "evening"], 1);
      push("duration_mismatch", i, "partial-detect", day, `A ${min(t.elapsed)} ${kn(kind)} on ${recorder}; ${det} auto-detected only ${Math.round(share * 100)} % of it as a walk (it stops detecting at the first long break)`, `${det === "oura" ? basis.ouraAuto : basis.fitbitAuto}; ${F}/${recorder}.md`);
    },
    (i) => {
      // Fitbit SmartTrack split a hike into two walks: both belong to the hike.
      const day = newDay();
      const t = day.workout("hike", day.randomAt(8, 12), rng.uniform(150, 220));
      const recorder: Provider = rng.pick(["garmin", "coros"]);
      const keys = recordSet(day, t, recorder, ["strava"], {}, false);
      const cut = rng.uniform(0.4, 0.6);
      const brk = rng.int(15, 30) * 60;
      keys.push(day.record("fitbit", t, { role: "device", kind: "walk", startShift: rng.int(1, 5) * 60, endShift: -(t.elapsed * (1 - cut)), wholeMinutes: true }));
      keys.push(day.record("fitbit", t, { role: "device", kind: "walk", startShift: t.elapsed * cut + brk, endShift: -rng.int(2, 8) * 60, wholeMinutes: true }));
      day.group(...keys);
      push("duration_mismatch", i, "split-detect", day, `A ${min(t.elapsed)} hike on ${recorder}/Strava with a ${min(brk)} summit break; Fitbit SmartTrack logged it as two walks (before and after the break), each far shorter than the hike — all three are the one hike`, `${basis.fitbitAuto}; ${F}/${recorder}.md`);
    },
    (i) => {
      // Terra/Apple Watch workout paused and forgotten vs Garmin.
      const day = newDay();
      const kind: Kind = rng.pick(["run", "strength", "walk"]);
      const t = day.workout(kind, day.randomAt(6, 19), rng.uniform(35, 60));
      const extra = rng.int(35, 80) * 60;
      const keys = recordSet(day, t, "garmin", ["strava"], {}, false);
      keys.push(day.record("terra", t, { role: "device", endShift: extra, moving: t.moving }));
      day.group(...keys);
      addDistractors(day, t, "garmin", ["strava"], ["dogWalk", "hourApart", "evening"], 1);
      push("duration_mismatch", i, "apple-paused", day, `A ${min(t.elapsed)} ${kn(kind)} on Garmin/Strava; the ${day.person.terra} workout (via Terra) was paused at the end and only ended ${min(extra)} later: end − start is ${min(t.elapsed + extra)}, active time matches`, `${F}/terra.md (duration = end − start; active_durations_data.activity_seconds)`);
    },
  ];
  for (let i = 0; i < 12; i++) list[i % list.length]!(i);
}

// ---------------------------------------------------------------------------------------------
// multisport: one race as one multisport record and as separate legs.

function multisport(): void {
  for (let i = 0; i < 12; i++) {
    const day = newDay();
    const tri = i % 3 !== 2;
    const legsKinds: Kind[] = tri ? ["open_water", "transition", "ride", "transition", "run"] : ["run", "transition", "ride", "transition", "run"];
    const legMinutes = tri
      ? rng.pick([
          [rng.uniform(14, 20), 3, rng.uniform(35, 45), 1.5, rng.uniform(20, 28)], // sprint
          [rng.uniform(27, 38), 4, rng.uniform(65, 85), 2, rng.uniform(42, 55)], // olympic
        ])
      : [rng.uniform(18, 25), 1.5, rng.uniform(55, 70), 1, rng.uniform(20, 28)];
    let at = day.randomAt(7, 9);
    const legs: Truth[] = legsKinds.map((k, j) => {
      const leg = day.workout(k, at, legMinutes[j]!, { elevation: k === "ride" ? rng.int(150, 600) : k === "run" ? rng.int(10, 80) : null });
      if (k === "transition") leg.distance = Math.round(rng.uniform(150, 450));
      at = day.endOf(leg);
      return leg;
    });
    const whole: Truth = {
      kind: tri ? "triathlon" : "duathlon",
      startMs: legs[0]!.startMs,
      elapsed: legs.reduce((s, l) => s + l.elapsed, 0),
      moving: legs.reduce((s, l) => s + l.moving, 0),
      distance: legs.reduce((s, l) => s + (l.distance ?? 0), 0),
      elevation: legs.reduce((s, l) => s + (l.elevation ?? 0), 0),
      avgHr: Math.round(legs.reduce((s, l) => s + l.avgHr * l.elapsed, 0) / legs.reduce((s, l) => s + l.elapsed, 0)),
      maxHr: Math.max(...legs.map((l) => l.maxHr)),
      kcal: legs.reduce((s, l) => s + l.kcal, 0),
      offset: day.offset,
    };
    const variant = i % 6;
    const keys: string[] = [];
    let d = "";
    let b = "";
    const stravaLegs = (device: string | null, withTransitions: boolean) => {
      for (const leg of legs) if (leg.kind !== "transition" || withTransitions) if (hasLabel("strava", leg.kind)) keys.push(day.record("strava", leg, { role: "mirror", device }));
    };
    switch (variant) {
      case 0: {
        keys.push(day.record("garmin", whole));
        stravaLegs(`Garmin ${day.person.garmin}`, false);
        d = `A ${tri ? "triathlon" : "duathlon"} as one Garmin MULTI_SPORT activity (${min(whole.elapsed)}) and as its swim/bike/run legs on Strava (transitions dropped)`;
        b = `${basis.garminMultisport}; ${F}/strava.md (no multisport sport_type: legs arrive as separate activities)`;
        break;
      }
      case 1: {
        keys.push(day.record("coros", whole));
        stravaLegs(day.person.coros, false);
        keys.push(day.record("whoop", whole, { role: "device", startShift: rng.int(-180, -30), endShift: rng.int(30, 240) }));
        d = `A ${tri ? "triathlon" : "duathlon"} as one COROS record with its item list, its legs on Strava, and one WHOOP ${tri ? "triathlon" : "duathlon"} started a little before the gun and stopped after the finish`;
        b = `${basis.corosMultisport}; ${F}/strava.md; ${basis.whoop}`;
        break;
      }
      case 2: {
        keys.push(day.record("suunto", whole));
        stravaLegs(day.person.suunto, false);
        keys.push(day.record("terra", whole, { role: "mirror", device: day.person.suunto }));
        d = `A ${tri ? "triathlon" : "duathlon"} as one Suunto workout (also relayed by Terra as Multisport 151) and as separate legs on Strava`;
        b = `${basis.suuntoMultisport}; ${basis.terraMultisport}; ${F}/strava.md`;
        break;
      }
      case 3: {
        // Garmin sends the parent and its child legs (parentSummaryId); Strava has the legs.
        keys.push(day.record("garmin", whole));
        legs.forEach((leg, j) => {
          // Garmin names each transition by the legs around it.
          const around = `${legs[j - 1]?.kind === "run" ? "RUN" : legs[j - 1]?.kind === "ride" ? "BIKE" : "SWIM"}_TO_${legs[j + 1]?.kind === "run" ? "RUN" : "BIKE"}`;
          const sportType = leg.kind === "transition" ? `${around}_TRANSITION_V2` : undefined;
          keys.push(day.record("garmin", leg, { role: "mirror", kind: leg.kind, device: day.person.garmin, sportType }));
        });
        stravaLegs(`Garmin ${day.person.garmin}`, false);
        d = `A ${tri ? "triathlon" : "duathlon"} where Garmin delivers the MULTI_SPORT parent and each child leg incl. transitions as separate summaries (parentSummaryId), and Strava has the three legs`;
        b = `${basis.garminMultisport} (child summaries; SWIM_TO_BIKE_TRANSITION_V2 / BIKE_TO_RUN_TRANSITION_V2 legs as in lib/providers/garmin/sports.ts)`;
        break;
      }
      case 4: {
        // Wahoo head unit in multisport mode with transitions; the bike alone is also on Garmin watch? keep: Wahoo + Strava legs.
        keys.push(day.record("wahoo", whole, { name: "Multisport" }));
        for (const leg of legs) if (hasLabel("wahoo", leg.kind)) keys.push(day.record("wahoo", leg, { role: "mirror", kind: leg.kind }));
        stravaLegs(null, false);
        d = `A ${tri ? "triathlon" : "duathlon"} on Wahoo as a MULTISPORT workout plus its legs (TRANSITION 63 included), and on Strava as separate legs`;
        b = `${basis.wahooMultisport}; ${F}/strava.md`;
        break;
      }
      case 5: {
        keys.push(day.record("terra", whole, { device: day.person.terra }));
        stravaLegs(day.person.terra, false);
        const bike = legs[2]!;
        keys.push(day.record("garmin", bike, { role: "device", device: day.person.edge, startShift: rng.int(5, 40), endShift: rng.int(-40, -5) }));
        d = `A ${tri ? "triathlon" : "duathlon"} recorded on a ${day.person.terra} as one Multisport workout (via Terra), with separate legs on Strava, and the bike leg alone also on a Garmin ${day.person.edge} head unit`;
        b = `${basis.terraMultisport}; ${F}/strava.md; ${F}/garmin.md`;
        break;
      }
    }
    day.group(...keys);
    // Warm-up before and a cool-down jog after the race: separate entries.
    const warm = day.workout(tri ? "open_water" : "run", 0, rng.uniform(8, 15));
    warm.startMs = whole.startMs - (warm.elapsed + rng.int(6, 15) * 60) * 1000;
    const wp: Provider = variant === 1 ? "coros" : variant === 2 ? "suunto" : variant === 4 ? "wahoo" : variant === 5 ? "terra" : "garmin";
    day.group(day.record(wp, warm, { device: wp === "garmin" ? day.person.garmin : undefined }), day.record("strava", warm, { role: "mirror", device: stravaDeviceName(wp, day) }));
    day.notes.push(`a ${min(warm.elapsed)} ${tri ? "swim" : "run"} warm-up ending minutes before the start (separate)`);
    if (rng.chance(0.6)) {
      const cool = day.workout("run", day.endOf(whole) + rng.int(8, 20) * 60_000, rng.uniform(10, 15), { avgHr: whole.avgHr - 25 });
      if (hasLabel(wp, "run")) day.group(day.record(wp, cool), day.record("strava", cool, { role: "mirror", device: stravaDeviceName(wp, day) }));
      day.notes.push(`a ${min(cool.elapsed)} cool-down jog after the finish (separate)`);
    }
    push("multisport", i, ["garmin-strava", "coros-strava-whoop", "suunto-terra-strava", "garmin-children", "wahoo-legs", "terra-apple"][variant]!, day, d, b);
  }
}

// ---------------------------------------------------------------------------------------------
// non_duplicate: days full of look-alikes.

function nonDuplicate(): void {
  const list: ((i: number) => void)[] = [
    (i) => {
      // Back-to-back intervals: one ends as the next starts.
      const day = newDay();
      const kind: Kind = rng.pick(["run", "row_indoor", "indoor_ride"]);
      const recorder: Provider = kind === "run" ? rng.pick(["garmin", "coros"]) : "garmin";
      let at = day.randomAt(6, 18);
      const n = rng.int(3, 4);
      for (let j = 0; j < n; j++) {
        const t = day.workout(kind, at, rng.uniform(8, 15), { avgHr: 150 + j * 3 });
        recordSet(day, t, recorder, ["strava"]);
        at = day.endOf(t) + rng.int(0, 15) * 1000;
      }
      push("non_duplicate", i, "back-to-back", day, `${n} ${kn(kind)} intervals saved as separate activities on ${recorder} (each copied to Strava): each starts within seconds of the previous one's end`, `${F}/${recorder}.md; ${basis.mirror}`);
    },
    (i) => {
      const day = newDay();
      const race = day.workout("run", day.randomAt(8, 10), rng.uniform(38, 50), { avgHr: 172, maxHr: 188, distance: Math.round(rng.uniform(10_000, 10_150)) });
      distractors.warmup!(day, race, "garmin", ["strava"]);
      day.notes.length = 0;
      recordSet(day, race, "garmin", ["strava"]);
      const whoop = day.record("whoop", race, { role: "device", startShift: rng.int(-20, 20) });
      day.groups.at(-1)!.push(whoop);
      distractors.backToBack!(day, race, "garmin", ["strava"]);
      day.notes.length = 0;
      push("non_duplicate", i, "warmup-race", day, `A 10 km race preceded by a warm-up jog ending minutes before the gun and followed by a cool-down: three workouts (each on Garmin and Strava; the race also on WHOOP)`, `${basis.garminStrava}; ${basis.whoop}`);
    },
    (i) => {
      const day = newDay();
      const kind: Kind = rng.pick(["ride", "gravel", "run"]);
      const t = day.workout(kind, day.randomAt(7, 16), kind === "run" ? rng.uniform(45, 80) : rng.uniform(90, 180));
      recordSet(day, t, "garmin", ["strava"]);
      distractors.partner!(day, t, "garmin", ["strava"]);
      push("non_duplicate", i, "partner", day, `A ${kn(kind)} and the partner's ${kn(kind)} on the same Garmin and Strava accounts from another device: same start, route and distance, different device and HR — two workouts`, `${basis.garminTwoDevices} (different deviceName); ${basis.garminStrava}`);
    },
    (i) => {
      const day = newDay();
      const gym = day.workout(rng.pick<Kind>(["strength", "hiit"]), day.randomAt(7, 19), rng.uniform(45, 70));
      recordSet(day, gym, "garmin", ["strava"]);
      commuteRide(day, gym, true);
      commuteRide(day, gym, false);
      push("non_duplicate", i, "commute-gym", day, `A gym session on Garmin/Strava with commute rides to and from the gym overlapping it by a few minutes`, `${F}/strava.md (phone-recorded rides); ${F}/fitbit.md (auto-detected Outdoor Bike)`);
    },
    (i) => {
      const day = newDay();
      const a = day.workout("pool_swim", day.randomAt(6, 7), rng.uniform(45, 60));
      recordSet(day, a, "garmin", ["strava"]);
      const b = day.workout("pool_swim", day.endOf(a) + rng.int(20, 70) * 60_000, rng.uniform(25, 40));
      const r = rng.pick<Provider>(["garmin", "whoop"]);
      if (r === "garmin") recordSet(day, b, "garmin", ["strava"]);
      else {
        day.group(day.record("garmin", b), day.record("whoop", b, { role: "device" }));
      }
      push("non_duplicate", i, "two-swims", day, `Two pool swims in one morning (masters session ${min(a.elapsed)}, then ${min(b.elapsed)} technique session ${Math.round((b.startMs - day.endOf(a)) / 60000)} min later)`, `${F}/garmin.md; ${basis.mirror}`);
    },
    (i) => {
      const day = newDay();
      const kind: Kind = rng.pick(["run", "treadmill"]);
      const a = day.workout(kind, day.randomAt(6, 16), rng.uniform(40, 55));
      recordSet(day, a, "garmin", ["strava"]);
      const b = day.workout(kind, a.startMs + 3_600_000, rng.uniform(18, 30));
      recordSet(day, b, "garmin", ["strava"]);
      const maybeTerra = rng.chance(0.5);
      if (maybeTerra) {
        day.groups[0]!.push(day.record("terra", a, { role: "mirror", device: day.person.garmin }));
        day.groups[1]!.push(day.record("terra", b, { role: "mirror", device: day.person.garmin }));
      }
      push("non_duplicate", i, "hour-apart", day, `Two ${kn(kind)}s starting exactly one hour apart (${km(a.distance)}/${min(a.elapsed)} and ${km(b.distance)}/${min(b.elapsed)}) on Garmin and Strava${maybeTerra ? " and Terra" : ""}: an hour-shift rule must not merge them`, `${basis.garminStrava}${maybeTerra ? "; " + basis.terraMirror : ""}`);
    },
    (i) => {
      const day = newDay();
      const kind: Kind = rng.pick(["run", "ride", "walk", "yoga"]);
      const recorder: Provider = kind === "yoga" ? "garmin" : rng.pick(["garmin", "coros", "polar", "suunto"]);
      const a = day.workout(kind, day.randomAt(6, 8), kind === "ride" ? 90 : 50);
      recordSet(day, a, recorder, ["strava"]);
      const b = day.workout(kind, day.randomAt(17, 19), (kind === "ride" ? 90 : 50) * rng.uniform(0.9, 1.1));
      b.distance = a.distance && a.distance * rng.uniform(0.97, 1.03);
      recordSet(day, b, recorder, ["strava"]);
      push("non_duplicate", i, "morning-evening", day, `A morning and an evening ${kn(kind)} of nearly the same length on ${recorder}/Strava`, `${F}/${recorder}.md; ${basis.mirror}`);
    },
    (i) => {
      // A busy day: run, walk, strength, ride — different sports overlapping at the edges, WHOOP on some.
      const day = newDay();
      const run = day.workout("run", day.randomAt(6, 7), rng.uniform(35, 50));
      const g1 = recordSet(day, run, "garmin", ["strava"], {}, false);
      g1.push(day.record("whoop", run, { role: "device", startShift: rng.int(60, 300) }));
      day.group(...g1);
      const walk = day.workout("walk", day.endOf(run) + rng.int(0, 60) * 1000, rng.uniform(15, 25));
      day.group(day.record("oura", walk, { role: "device", startShift: -rng.int(60, 240) }));
      const gym = day.workout("strength", day.randomAt(12, 13), rng.uniform(40, 55));
      day.group(day.record("garmin", gym), day.record("whoop", gym, { role: "device" }));
      const ride = day.workout("ride", day.endOf(gym) - rng.int(2, 5) * 60_000, rng.uniform(20, 30));
      day.record("strava", ride, { device: "Strava iPhone App", avgHr: null, maxHr: null, kcal: null });
      push("non_duplicate", i, "busy-day", day, `A busy day: a run (Garmin, Strava, WHOOP), an Oura-detected walk home that starts before the run ends (it leads by a few minutes), a lunchtime gym session (Garmin, WHOOP) and a ride back to work overlapping its end`, `${basis.whoopAuto}; ${basis.ouraAuto}; ${basis.garminStrava}`);
    },
  ];
  for (let i = 0; i < 16; i++) list[i % list.length]!(i);
}

clearCut();
startLag();
sameProviderMulti();
genericSport();
distanceMismatch();
hourShift();
durationMismatch();
multisport();
nonDuplicate();

// Shuffle activity order inside each scenario so that nothing can rely on the generator's order.
for (const s of scenarios) {
  for (let i = s.activities.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [s.activities[i], s.activities[j]] = [s.activities[j]!, s.activities[i]!];
  }
}

const out = new URL("./scenarios.json", import.meta.url);
writeFileSync(out, JSON.stringify({ seed: SEED, generatedBy: "lib/feed/dedup-corpus/generate.ts", scenarios }, null, 1) + "\n");
const byClass = new Map<string, number>();
for (const s of scenarios) byClass.set(s.class, (byClass.get(s.class) ?? 0) + 1);
console.log(`${scenarios.length} scenarios, ${scenarios.reduce((n, s) => n + s.activities.length, 0)} activities`, Object.fromEntries(byClass));
