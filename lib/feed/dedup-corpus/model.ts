/**
 * Building blocks of the de-duplication corpus generator: a seeded random source, people (time
 * zone, devices), one provider's rendering of a workout in the shape the app's normalizers produce,
 * and a `Day` that collects activities and the labelled groups of one scenario.
 *
 * Provider facts used here come from ../../../../shared/fixtures/providers/<provider>.md; see README.md.
 */
import type { Sport } from "@/lib/activity/sports";

// ---------------------------------------------------------------------------------------------
// Random source (mulberry32): deterministic for a fixed seed.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.uniform(min, max + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sign(): 1 | -1 {
    return this.next() < 0.5 ? -1 : 1;
  }
  /** A small symmetric noise in [-size, size]. */
  jitter(size: number): number {
    return this.uniform(-size, size);
  }
  digits(count: number, first = "123456789"): string {
    let s = first[Math.floor(this.next() * first.length)]!;
    for (let i = 1; i < count; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
  hex(count: number): string {
    let s = "";
    for (let i = 0; i < count; i++) s += "0123456789abcdef"[Math.floor(this.next() * 16)];
    return s;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(["8", "9", "a", "b"])}${this.hex(3)}-${this.hex(12)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// People and their clocks.

export type Zone = "eu" | "uk" | "us_east" | "us_mountain" | "us_pacific" | "sydney" | "helsinki" | "tokyo";

export interface Person {
  name: string;
  city: string;
  zone: Zone;
  garmin: string;
  edge: string;
  coros: string;
  polar: string;
  suunto: string;
  fitbit: string;
  terra: string;
}

export const people: Person[] = [
  { name: "munich", city: "Munich", zone: "eu", garmin: "Forerunner 965", edge: "Edge 840", coros: "COROS PACE 3", polar: "Polar Vantage V3", suunto: "Suunto Race", fitbit: "Pixel Watch 3", terra: "Apple Watch Series 9" },
  { name: "lisbon", city: "Lisbon", zone: "uk", garmin: "Forerunner 265", edge: "Edge 540", coros: "COROS PACE Pro", polar: "Polar Pacer Pro", suunto: "Suunto Race S", fitbit: "Charge 6", terra: "Galaxy Watch7" },
  { name: "boulder", city: "Boulder", zone: "us_mountain", garmin: "fenix 8", edge: "Edge 1050", coros: "COROS VERTIX 2S", polar: "Polar Grit X2 Pro", suunto: "Suunto Vertical", fitbit: "Pixel Watch 2", terra: "Apple Watch Ultra 2" },
  { name: "brooklyn", city: "Brooklyn", zone: "us_east", garmin: "Venu 3", edge: "Edge 840", coros: "COROS APEX 2 Pro", polar: "Polar Ignite 3", suunto: "Suunto 9 Peak Pro", fitbit: "Pixel Watch 3", terra: "Apple Watch Series 10" },
  { name: "helsinki", city: "Helsinki", zone: "helsinki", garmin: "Forerunner 955", edge: "Edge 530", coros: "COROS PACE 3", polar: "Polar Vantage M3", suunto: "Suunto Race", fitbit: "Charge 6", terra: "Galaxy Watch Ultra" },
  { name: "sydney", city: "Sydney", zone: "sydney", garmin: "Forerunner 265", edge: "Edge 1040", coros: "COROS APEX 2", polar: "Polar Grit X2 Pro", suunto: "Suunto 9 Peak", fitbit: "Sense 2", terra: "Apple Watch SE" },
  { name: "london", city: "London", zone: "uk", garmin: "Forerunner 570", edge: "Edge 840", coros: "COROS PACE 3", polar: "Polar Vantage V3", suunto: "Suunto Race S", fitbit: "Pixel Watch 3", terra: "Apple Watch Series 9" },
  { name: "seattle", city: "Seattle", zone: "us_pacific", garmin: "Venu 3", edge: "Edge 540", coros: "COROS APEX 2", polar: "Polar Ignite 3", suunto: "Suunto 5 Peak", fitbit: "Charge 6", terra: "Apple Watch Series 10" },
  { name: "tokyo", city: "Tokyo", zone: "tokyo", garmin: "Forerunner 965", edge: "Edge 840", coros: "COROS PACE Pro", polar: "Polar Vantage V3", suunto: "Suunto Race", fitbit: "Pixel Watch 2", terra: "Apple Watch Series 9" },
];

function nthSunday(year: number, month: number, n: number): number {
  // month 0-based; n >= 1, or -1 for the last Sunday.
  if (n === -1) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  }
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

/** The UTC offset (minutes) of a zone on a local calendar date (DST switches treated at midnight). */
export function offsetOn(zone: Zone, date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const md = m * 100 + d;
  const eu = md > 300 + nthSunday(y, 2, -1) - 1 && md < 1000 + nthSunday(y, 9, -1);
  const us = md >= 300 + nthSunday(y, 2, 2) && md < 1100 + nthSunday(y, 10, 1);
  switch (zone) {
    case "eu":
      return eu ? 120 : 60;
    case "uk":
      return eu ? 60 : 0;
    case "helsinki":
      return eu ? 180 : 120;
    case "us_east":
      return us ? -240 : -300;
    case "us_mountain":
      return us ? -360 : -420;
    case "us_pacific":
      return us ? -420 : -480;
    case "sydney":
      return md >= 1000 + nthSunday(y, 9, 1) || md < 400 + nthSunday(y, 3, 1) ? 660 : 600;
    case "tokyo":
      return 540;
  }
}

// ---------------------------------------------------------------------------------------------
// Workouts and labels.

export type Kind =
  | "run"
  | "trail_run"
  | "treadmill"
  | "ride"
  | "mtb"
  | "gravel"
  | "indoor_ride"
  | "virtual_ride"
  | "spin"
  | "pool_swim"
  | "open_water"
  | "walk"
  | "hike"
  | "strength"
  | "hiit"
  | "yoga"
  | "pilates"
  | "row_indoor"
  | "elliptical"
  | "triathlon"
  | "duathlon"
  | "transition"
  | "generic_other"
  | "generic_cardio";

export type Provider = "garmin" | "strava" | "whoop" | "coros" | "polar" | "fitbit" | "terra" | "oura" | "suunto" | "wahoo";

interface Label {
  sport: Sport;
  sportType: string | null;
  /** Name as the provider gives it; `{city}` and `{tod}` (Morning, Lunch…) are filled in. */
  name: string;
}

const L = (sport: Sport, sportType: string | null, name: string): Label => ({ sport, sportType, name });

/**
 * Each provider's label for each kind of workout, in the vocabulary of lib/activity/sports.ts.
 * sportType is what that provider's normalizer keeps: Garmin `activityType`, Strava `sport_type`,
 * WHOOP `sport_name`, COROS `mode*10+subMode`, Polar `detailed_sport_info` (or coarse `sport`),
 * Fitbit `activityName`, Terra `metadata.type`, Oura `activity`, Suunto `activityId`, Wahoo `workout_type_id`.
 */
const labels: Record<Provider, Partial<Record<Kind, Label>>> = {
  garmin: {
    run: L("run", "RUNNING", "{city} Running"),
    trail_run: L("run", "TRAIL_RUNNING", "{city} Trail Running"),
    treadmill: L("run", "TREADMILL_RUNNING", "Treadmill Running"),
    ride: L("ride", "ROAD_BIKING", "{city} Road Cycling"),
    mtb: L("ride", "MOUNTAIN_BIKING", "{city} Mountain Biking"),
    gravel: L("ride", "GRAVEL_CYCLING", "{city} Gravel Cycling"),
    indoor_ride: L("ride", "INDOOR_CYCLING", "Indoor Cycling"),
    virtual_ride: L("ride", "VIRTUAL_RIDE", "Virtual Cycling"),
    spin: L("ride", "INDOOR_CYCLING", "Indoor Cycling"),
    pool_swim: L("swim", "LAP_SWIMMING", "Pool Swim"),
    open_water: L("swim", "OPEN_WATER_SWIMMING", "{city} Open Water Swimming"),
    walk: L("walk", "WALKING", "{city} Walking"),
    hike: L("hike", "HIKING", "{city} Hiking"),
    strength: L("strength", "STRENGTH_TRAINING", "Strength"),
    hiit: L("hiit", "HIIT", "HIIT"),
    yoga: L("yoga", "YOGA", "Yoga"),
    pilates: L("pilates", "PILATES", "Pilates"),
    row_indoor: L("row", "INDOOR_ROWING", "Indoor Rowing"),
    elliptical: L("cardio", "ELLIPTICAL", "Elliptical"),
    triathlon: L("multisport", "MULTI_SPORT", "Triathlon"),
    duathlon: L("multisport", "MULTI_SPORT", "Duathlon"),
    transition: L("multisport", "SWIM_TO_BIKE_TRANSITION_V2", "Transition"),
  },
  strava: {
    run: L("run", "Run", "{tod} Run"),
    trail_run: L("run", "TrailRun", "{tod} Trail Run"),
    treadmill: L("run", "Run", "{tod} Run"),
    ride: L("ride", "Ride", "{tod} Ride"),
    mtb: L("ride", "MountainBikeRide", "{tod} Mountain Bike Ride"),
    gravel: L("ride", "GravelRide", "{tod} Gravel Ride"),
    indoor_ride: L("ride", "Ride", "{tod} Ride"),
    virtual_ride: L("ride", "VirtualRide", "Zwift - Watopia Figure 8"),
    spin: L("ride", "VirtualRide", "{tod} Ride"),
    pool_swim: L("swim", "Swim", "{tod} Swim"),
    open_water: L("swim", "Swim", "{tod} Swim"),
    walk: L("walk", "Walk", "{tod} Walk"),
    hike: L("hike", "Hike", "{tod} Hike"),
    strength: L("strength", "WeightTraining", "{tod} Weight Training"),
    hiit: L("hiit", "HighIntensityIntervalTraining", "{tod} HIIT"),
    yoga: L("yoga", "Yoga", "{tod} Yoga"),
    pilates: L("pilates", "Pilates", "{tod} Pilates"),
    row_indoor: L("row", "Rowing", "{tod} Row"),
    elliptical: L("cardio", "Elliptical", "{tod} Elliptical"),
    generic_other: L("other", "Workout", "{tod} Workout"),
  },
  whoop: {
    run: L("run", "running", "Running"),
    trail_run: L("run", "running", "Running"),
    treadmill: L("run", "running", "Running"),
    ride: L("ride", "cycling", "Cycling"),
    mtb: L("ride", "mountain biking", "Mountain Biking"),
    gravel: L("ride", "cycling", "Cycling"),
    indoor_ride: L("ride", "spin", "Spin"),
    virtual_ride: L("ride", "cycling", "Cycling"),
    spin: L("ride", "spin", "Spin"),
    pool_swim: L("swim", "swimming", "Swimming"),
    open_water: L("swim", "swimming", "Swimming"),
    walk: L("walk", "walking", "Walking"),
    hike: L("hike", "hiking/rucking", "Hiking/Rucking"),
    strength: L("strength", "weightlifting", "Weightlifting"),
    hiit: L("hiit", "hiit", "Hiit"),
    yoga: L("yoga", "yoga", "Yoga"),
    pilates: L("pilates", "pilates", "Pilates"),
    row_indoor: L("row", "rowing", "Rowing"),
    elliptical: L("cardio", "elliptical", "Elliptical"),
    triathlon: L("multisport", "triathlon", "Triathlon"),
    duathlon: L("multisport", "duathlon", "Duathlon"),
    generic_other: L("other", "activity", "Activity"),
    generic_cardio: L("hiit", "functional fitness", "Functional Fitness"),
  },
  coros: {
    run: L("run", "81", "Outdoor Run"),
    treadmill: L("run", "82", "Indoor Run"),
    trail_run: L("run", "151", "Trail Run"),
    ride: L("ride", "91", "Outdoor Bike"),
    gravel: L("ride", "91", "Outdoor Bike"),
    mtb: L("ride", "91", "Outdoor Bike"),
    indoor_ride: L("ride", "92", "Indoor Bike"),
    spin: L("ride", "92", "Indoor Bike"),
    open_water: L("swim", "101", "Open Water"),
    pool_swim: L("swim", "102", "Pool Swim"),
    triathlon: L("multisport", "131", "Triathlon"),
    duathlon: L("multisport", "132", "Multisport"),
    hike: L("hike", "161", "Hike"),
    generic_cardio: L("cardio", "182", "Gym Cardio"),
    strength: L("strength", "232", "Strength"),
    row_indoor: L("row", "242", "Indoor Rower"),
    walk: L("walk", "311", "Walk"),
  },
  polar: {
    run: L("run", "ROAD_RUNNING", "Road running"),
    trail_run: L("run", "TRAIL_RUNNING", "Trail running"),
    treadmill: L("run", "TREADMILL_RUNNING", "Treadmill running"),
    ride: L("ride", "ROAD_BIKING", "Road biking"),
    mtb: L("ride", "MOUNTAIN_BIKING", "Mountain biking"),
    gravel: L("ride", "ROAD_BIKING", "Road biking"),
    indoor_ride: L("ride", "INDOOR_CYCLING", "Indoor cycling"),
    spin: L("ride", "INDOOR_CYCLING", "Indoor cycling"),
    pool_swim: L("swim", "POOL_SWIMMING", "Pool swimming"),
    open_water: L("swim", "OPEN_WATER_SWIMMING", "Open water swimming"),
    walk: L("walk", "WALKING", "Walking"),
    hike: L("hike", "HIKING", "Hiking"),
    strength: L("strength", "STRENGTH_TRAINING", "Strength training"),
    yoga: L("yoga", "YOGA", "Yoga"),
    generic_other: L("other", "OTHER", "Other"),
  },
  fitbit: {
    run: L("run", "Run", "Run"),
    trail_run: L("run", "Run", "Run"),
    treadmill: L("run", "Treadmill", "Treadmill"),
    ride: L("ride", "Outdoor Bike", "Outdoor Bike"),
    gravel: L("ride", "Outdoor Bike", "Outdoor Bike"),
    mtb: L("ride", "Outdoor Bike", "Outdoor Bike"),
    indoor_ride: L("ride", "Spinning", "Spinning"),
    spin: L("ride", "Spinning", "Spinning"),
    pool_swim: L("swim", "Swim", "Swim"),
    open_water: L("swim", "Swim", "Swim"),
    walk: L("walk", "Walk", "Walk"),
    hike: L("hike", "Hike", "Hike"),
    strength: L("strength", "Weights", "Weights"),
    hiit: L("hiit", "Interval Workout", "Interval Workout"),
    yoga: L("yoga", "Yoga", "Yoga"),
    elliptical: L("cardio", "Elliptical", "Elliptical"),
    generic_other: L("other", "Workout", "Workout"),
    generic_cardio: L("cardio", "Aerobic Workout", "Aerobic Workout"),
  },
  terra: {
    run: L("run", "8", "Outdoor Run"),
    trail_run: L("run", "149", "Trail Run"),
    treadmill: L("run", "58", "Indoor Run"),
    ride: L("ride", "16", "Outdoor Cycle"),
    gravel: L("ride", "150", "Outdoor Cycle"),
    mtb: L("ride", "15", "Outdoor Cycle"),
    indoor_ride: L("ride", "17", "Indoor Cycle"),
    spin: L("ride", "17", "Indoor Cycle"),
    pool_swim: L("swim", "83", "Pool Swim"),
    open_water: L("swim", "84", "Open Water Swim"),
    walk: L("walk", "7", "Outdoor Walk"),
    hike: L("hike", "35", "Hiking"),
    strength: L("strength", "80", "Traditional Strength Training"),
    hiit: L("hiit", "114", "High Intensity Interval Training"),
    yoga: L("yoga", "100", "Yoga"),
    triathlon: L("multisport", "151", "Multisport"),
    duathlon: L("multisport", "151", "Multisport"),
    generic_other: L("other", "108", "Other"),
  },
  oura: {
    run: L("run", "running", "Running"),
    trail_run: L("run", "running", "Running"),
    treadmill: L("run", "running", "Running"),
    ride: L("ride", "cycling", "Cycling"),
    gravel: L("ride", "cycling", "Cycling"),
    indoor_ride: L("ride", "cycling", "Cycling"),
    spin: L("ride", "cycling", "Cycling"),
    walk: L("walk", "walking", "Walking"),
    hike: L("hike", "hiking", "Hiking"),
    strength: L("strength", "strength_training", "Strength training"),
    hiit: L("hiit", "hiit", "Hiit"),
    yoga: L("yoga", "yoga", "Yoga"),
    pool_swim: L("swim", "swimming", "Swimming"),
    elliptical: L("cardio", "elliptical", "Elliptical"),
    row_indoor: L("row", "rowing", "Rowing"),
    generic_other: L("other", "other", "Other"),
  },
  suunto: {
    run: L("run", "1", "Running"),
    trail_run: L("run", "22", "Trail running"),
    treadmill: L("run", "53", "Treadmill"),
    ride: L("ride", "2", "Cycling"),
    gravel: L("ride", "2", "Cycling"),
    mtb: L("ride", "10", "Mountain biking"),
    indoor_ride: L("ride", "52", "Indoor cycling"),
    pool_swim: L("swim", "21", "Swimming"),
    open_water: L("swim", "85", "Open water swimming"),
    walk: L("walk", "0", "Walking"),
    hike: L("hike", "11", "Hiking"),
    strength: L("strength", "23", "Gym"),
    duathlon: L("multisport", "68", "Multisport"),
    triathlon: L("multisport", "74", "Triathlon"),
  },
  wahoo: {
    ride: L("ride", "15", "Cycling"),
    gravel: L("ride", "0", "Cycling"),
    mtb: L("ride", "13", "Cycling"),
    indoor_ride: L("ride", "61", "Indoor Cycling"),
    virtual_ride: L("ride", "68", "SYSTM: The Omnium"),
    spin: L("ride", "49", "Indoor Cycling Class"),
    run: L("run", "1", "Running"),
    treadmill: L("run", "5", "Treadmill"),
    pool_swim: L("swim", "25", "Swimming"),
    open_water: L("swim", "26", "Open Water Swim"),
    triathlon: L("multisport", "62", "Multisport"),
    duathlon: L("multisport", "62", "Multisport"),
    transition: L("multisport", "63", "Transition"),
    generic_other: L("other", "42", "Workout"),
    yoga: L("yoga", "66", "Yoga"),
  },
};

/** Kinds whose distance means something (GPS, footpod, lengths, trainer speed). */
const distanceKinds = new Set<Kind>(["run", "trail_run", "treadmill", "ride", "mtb", "gravel", "indoor_ride", "virtual_ride", "spin", "pool_swim", "open_water", "walk", "hike", "row_indoor", "triathlon", "duathlon", "transition"]);
const outdoorKinds = new Set<Kind>(["run", "trail_run", "ride", "mtb", "gravel", "open_water", "walk", "hike", "triathlon", "duathlon", "transition"]);

export function hasLabel(provider: Provider, kind: Kind): boolean {
  return labels[provider][kind] !== undefined;
}

function timeOfDay(localHour: number): string {
  if (localHour < 5) return "Night";
  if (localHour < 11) return "Morning";
  if (localHour < 14) return "Lunch";
  if (localHour < 17) return "Afternoon";
  if (localHour < 21) return "Evening";
  return "Night";
}

// ---------------------------------------------------------------------------------------------
// What happened (truth) and what one source saw of it.

export interface Truth {
  kind: Kind;
  startMs: number;
  elapsed: number;
  moving: number;
  distance: number | null;
  elevation: number | null;
  avgHr: number;
  maxHr: number;
  kcal: number;
  offset: number;
}

export interface ActivityJson {
  key: string;
  provider: Provider;
  providerActivityId: string;
  name: string;
  sport: Sport;
  sportType: string | null;
  startTime: string;
  utcOffsetMinutes: number | null;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
  calories: number | null;
  device: string | null;
}

export interface RecordOptions {
  /** mirror: a copy of another source's file (Strava/Terra of a watch); device: an independent recorder; exact: the truth itself. */
  role?: "exact" | "mirror" | "device";
  kind?: Kind;
  /** The provider's label when it depends on context (Garmin's transition legs). */
  sportType?: string;
  /** Seconds added to the true start / end. */
  startShift?: number;
  endShift?: number;
  /** Shift of the stored instant without any change in duration (hour-shift bugs), seconds. */
  instantShift?: number;
  elapsed?: number;
  moving?: number | null;
  distance?: number | null;
  distanceFactor?: number;
  elevation?: number | null;
  hrDelta?: number;
  avgHr?: number | null;
  maxHr?: number | null;
  kcal?: number | null;
  kcalFactor?: number;
  device?: string | null;
  name?: string;
  /** WHOOP and Oura only send a distance when the phone's GPS (or steps) gave one. */
  gps?: boolean;
  offset?: number | null;
  /** Auto-detected records (Fitbit SmartTrack) are kept to whole minutes in this corpus. */
  wholeMinutes?: boolean;
  id?: string;
}

const r = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function isoSeconds(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
function isoMillis(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

export function newId(rng: Rng, provider: Provider): string {
  switch (provider) {
    case "garmin":
      return rng.digits(11, "12");
    case "strava":
      return rng.digits(11, "1").replace(/^1./, "1" + rng.pick(["3", "4", "5"]));
    case "whoop":
      return rng.uuid();
    case "coros":
      return "4" + rng.digits(17, "6789");
    case "polar":
      return Array.from({ length: 8 }, () => rng.pick([..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"])).join("");
    case "fitbit":
      return rng.digits(19, "123456789").replace(/^./, rng.pick(["2", "3", "5", "7"]));
    case "terra":
      return rng.uuid();
    case "oura":
      return rng.uuid();
    case "suunto":
      return rng.hex(24);
    case "wahoo":
      return rng.digits(9, "123");
  }
}

// ---------------------------------------------------------------------------------------------
// A scenario under construction.

export interface ScenarioJson {
  id: string;
  class: string;
  description: string;
  basis: string;
  activities: ActivityJson[];
  groups: string[][];
}

export class Day {
  readonly activities: ActivityJson[] = [];
  readonly groups: string[][] = [];
  readonly notes: string[] = [];
  private nextKey = 0;

  constructor(
    readonly rng: Rng,
    readonly person: Person,
    readonly date: string,
  ) {}

  get offset(): number {
    return offsetOn(this.person.zone, this.date);
  }

  /** Instant (ms) of a local wall-clock time "HH:MM:SS" on this day. */
  at(local: string, dayOffset = 0): number {
    const [h, m, s] = local.split(":").map(Number) as [number, number, number];
    const [y, mo, d] = this.date.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, mo - 1, d + dayOffset, h, m, s ?? 0) - this.offset * 60_000;
  }

  /** A random local time between two hours, to the second. */
  randomAt(fromHour: number, toHour: number): number {
    const seconds = this.rng.int(fromHour * 3600, toHour * 3600);
    const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
    const ss = String(seconds % 60).padStart(2, "0");
    return this.at(`${hh}:${mm}:${ss}`);
  }

  localHour(ms: number): number {
    return new Date(ms + this.offset * 60_000).getUTCHours();
  }

  localTime(ms: number): string {
    return new Date(ms + this.offset * 60_000).toISOString().slice(11, 16);
  }

  /** A plausible workout of a kind, starting at `startMs`, lasting about `minutes`. */
  workout(kind: Kind, startMs: number, minutes: number, overrides: Partial<Truth> = {}): Truth {
    const rng = this.rng;
    const elapsed = Math.round(minutes * 60 + rng.jitter(40));
    let speed = 0; // m/s while moving
    let elevation: number | null = null;
    let hr = 140;
    let kcalPerMin = 10;
    let stopShare = rng.uniform(0.01, 0.04);
    switch (kind) {
      case "run":
        speed = 1000 / rng.uniform(270, 380);
        elevation = rng.int(15, 160);
        hr = rng.int(142, 162);
        kcalPerMin = rng.uniform(10.5, 13);
        break;
      case "trail_run":
        speed = 1000 / rng.uniform(360, 480);
        elevation = rng.int(300, 950);
        hr = rng.int(140, 158);
        kcalPerMin = rng.uniform(10, 12.5);
        stopShare = rng.uniform(0.03, 0.08);
        break;
      case "treadmill":
        speed = 1000 / rng.uniform(300, 390);
        hr = rng.int(138, 160);
        kcalPerMin = rng.uniform(10, 12.5);
        stopShare = 0.005;
        break;
      case "ride":
      case "gravel":
        speed = rng.uniform(6.5, 8.8);
        elevation = rng.int(150, 1400);
        hr = rng.int(122, 146);
        kcalPerMin = rng.uniform(8.5, 11);
        stopShare = rng.uniform(0.03, 0.1);
        break;
      case "mtb":
        speed = rng.uniform(4.2, 5.8);
        elevation = rng.int(400, 1300);
        hr = rng.int(130, 152);
        kcalPerMin = rng.uniform(9, 11.5);
        stopShare = rng.uniform(0.05, 0.12);
        break;
      case "indoor_ride":
      case "virtual_ride":
      case "spin":
        speed = rng.uniform(8.3, 10);
        elevation = kind === "virtual_ride" ? rng.int(150, 600) : null;
        hr = rng.int(128, 152);
        kcalPerMin = rng.uniform(9.5, 12.5);
        stopShare = 0.005;
        break;
      case "pool_swim":
        speed = 100 / rng.uniform(105, 140);
        hr = rng.int(120, 142);
        kcalPerMin = rng.uniform(8, 10);
        stopShare = rng.uniform(0.12, 0.22);
        break;
      case "open_water":
        speed = 100 / rng.uniform(100, 135);
        hr = rng.int(128, 150);
        kcalPerMin = rng.uniform(9, 11);
        stopShare = 0.01;
        break;
      case "walk":
        speed = rng.uniform(1.25, 1.55);
        elevation = rng.int(5, 60);
        hr = rng.int(92, 112);
        kcalPerMin = rng.uniform(4, 5.5);
        break;
      case "hike":
        speed = rng.uniform(0.95, 1.3);
        elevation = rng.int(350, 1200);
        hr = rng.int(110, 132);
        kcalPerMin = rng.uniform(6, 8);
        stopShare = rng.uniform(0.06, 0.14);
        break;
      case "row_indoor":
        speed = 500 / rng.uniform(112, 135);
        hr = rng.int(135, 158);
        kcalPerMin = rng.uniform(10, 13);
        stopShare = 0.01;
        break;
      case "strength":
        hr = rng.int(100, 122);
        kcalPerMin = rng.uniform(5, 7);
        break;
      case "hiit":
      case "generic_cardio":
        hr = rng.int(132, 152);
        kcalPerMin = rng.uniform(9, 12);
        break;
      case "elliptical":
        hr = rng.int(125, 145);
        kcalPerMin = rng.uniform(8, 10);
        break;
      case "yoga":
      case "pilates":
        hr = rng.int(84, 104);
        kcalPerMin = rng.uniform(3, 4.5);
        break;
      case "transition":
        speed = 1.6;
        hr = rng.int(140, 155);
        kcalPerMin = 9;
        stopShare = 0.2;
        break;
      default:
        hr = rng.int(110, 140);
        kcalPerMin = rng.uniform(6, 9);
    }
    const moving = Math.round(elapsed * (1 - stopShare));
    const distance = distanceKinds.has(kind) && speed > 0 ? r(moving * speed, 1) : null;
    return {
      kind,
      startMs,
      elapsed,
      moving,
      distance,
      elevation,
      avgHr: hr,
      maxHr: hr + rng.int(14, 28),
      kcal: Math.round((elapsed / 60) * kcalPerMin),
      offset: this.offset,
      ...overrides,
      // A given average HR without a maximum gets a maximum above it.
      ...(overrides.avgHr !== undefined && overrides.maxHr === undefined ? { maxHr: overrides.avgHr + rng.int(14, 28) } : {}),
    };
  }

  endOf(t: Truth): number {
    return t.startMs + t.elapsed * 1000;
  }

  /** One provider's record of a workout; returns its key. */
  record(provider: Provider, t: Truth, o: RecordOptions = {}): string {
    const rng = this.rng;
    const key = keyName(this.nextKey++);
    const kind = o.kind ?? t.kind;
    const label = labels[provider][kind];
    if (!label) throw new Error(`${provider} has no label for ${kind}`);
    const role = o.role ?? "exact";
    const drift = role === "device" ? () => rng.jitter(25) : role === "mirror" ? () => rng.int(0, 1) : () => 0;
    let start = t.startMs + ((o.startShift ?? 0) + drift()) * 1000;
    let end = this.endOf(t) + ((o.endShift ?? 0) + drift()) * 1000;
    if (o.wholeMinutes) {
      start = Math.round(start / 60_000) * 60_000;
      end = Math.round(end / 60_000) * 60_000;
    }
    // Share of the true workout this source's window covers (detectors see only part of it).
    const ratio = (end - start) / 1000 / t.elapsed;
    let elapsed = o.elapsed ?? (end - start) / 1000;
    let moving: number | null = o.moving !== undefined ? o.moving : Math.min(elapsed, t.moving * ratio);
    let distance: number | null = o.distance !== undefined ? o.distance : t.distance === null ? null : t.distance * Math.min(1, ratio) * (o.distanceFactor ?? (role === "mirror" ? 1 + rng.jitter(0.002) : role === "device" ? 1 + rng.jitter(0.02) : 1));
    let elevation: number | null = o.elevation !== undefined ? o.elevation : t.elevation === null ? null : t.elevation * (role === "exact" ? 1 : 1 + rng.jitter(0.12));
    const hrNoise = o.hrDelta ?? (role === "device" ? rng.jitter(4) : role === "mirror" ? rng.jitter(0.5) : 0);
    let avgHr: number | null = o.avgHr !== undefined ? o.avgHr : t.avgHr + hrNoise;
    let maxHr: number | null = o.maxHr !== undefined ? o.maxHr : t.maxHr + (role === "device" ? rng.int(-3, 3) : 0) + (o.hrDelta ?? 0);
    let kcal: number | null = o.kcal !== undefined ? o.kcal : t.kcal * Math.min(ratio, 1.05) * (o.kcalFactor ?? 1);
    let offset: number | null = o.offset !== undefined ? o.offset : t.offset;
    let device: string | null | undefined = o.device;
    let startTime: string;
    const stored = start + (o.instantShift ?? 0) * 1000;
    const outdoor = outdoorKinds.has(kind);
    const localHour = new Date(start + t.offset * 60_000).getUTCHours();
    let name = o.name ?? label.name.replace("{city}", this.person.city).replace("{tod}", timeOfDay(localHour));

    switch (provider) {
      case "garmin":
        startTime = isoSeconds(stored);
        elapsed = Math.round(elapsed);
        moving = null;
        distance = distance === null ? null : r(distance, 2);
        elevation = elevation === null || !outdoor ? (kind === "virtual_ride" ? elevation && r(elevation, 1) : null) : r(elevation, 1);
        if (device === undefined) device = ["ride", "mtb", "gravel"].includes(kind) ? this.person.edge : this.person.garmin;
        if (!outdoor && !o.name && label.name.includes("{city}")) name = label.name.replace("{city} ", "");
        break;
      case "strava":
        startTime = isoSeconds(stored);
        elapsed = Math.round(elapsed);
        moving = moving === null ? null : Math.round(moving);
        distance = distance === null ? 0 : r(distance, 1);
        elevation = elevation === null ? 0 : r(elevation, 1);
        avgHr = avgHr === null ? null : r(avgHr + rng.jitter(0.4), 1);
        maxHr = maxHr === null ? null : r(maxHr, 1);
        // The list endpoint has no calories; the app uses kilojoules for rides with power.
        kcal = o.kcal !== undefined ? o.kcal : ["indoor_ride", "virtual_ride", "spin"].includes(kind) || (kind === "ride" && rng.chance(0.5)) ? Math.round((kcal ?? 0) * rng.uniform(0.85, 1.0)) : null;
        if (device === undefined) device = null;
        break;
      case "whoop": {
        startTime = isoMillis(stored + rng.int(0, 999));
        elapsed = r(elapsed + rng.jitter(0.5), 3);
        moving = null;
        if (!o.gps && o.distance === undefined) distance = null;
        distance = distance === null ? null : r(distance, 1);
        elevation = o.gps && elevation !== null ? r(elevation, 1) : null;
        kcal = kcal === null ? null : Math.round(kcal * (o.kcalFactor ?? rng.uniform(0.9, 1.15)));
        avgHr = avgHr === null ? null : Math.round(avgHr);
        maxHr = maxHr === null ? null : Math.round(maxHr);
        device = "WHOOP";
        break;
      }
      case "coros":
        startTime = isoSeconds(stored);
        elapsed = Math.round(elapsed);
        moving = o.moving !== undefined ? o.moving : Math.max(0, elapsed - rng.int(1, 4) - (kind === "pool_swim" ? Math.round(elapsed * 0.12) : 0));
        distance = distance === null ? null : r(distance, 0);
        elevation = null;
        avgHr = null;
        maxHr = null;
        kcal = null;
        if (device === undefined) device = this.person.coros;
        if (offset !== null) offset = Math.round(offset / 15) * 15;
        break;
      case "polar":
        startTime = isoSeconds(stored);
        elapsed = rng.chance(0.3) ? r(elapsed, 1) : Math.round(elapsed);
        moving = null;
        distance = distance === null ? null : r(distance, 1);
        elevation = null;
        kcal = kcal === null ? null : Math.round(kcal);
        if (device === undefined) device = this.person.polar;
        break;
      case "fitbit":
        startTime = isoMillis(Math.round(stored / 1000) * 1000);
        elapsed = o.wholeMinutes ? Math.round(elapsed) : r(elapsed, 3);
        moving = moving === null ? null : o.wholeMinutes ? Math.round(moving / 60) * 60 : r(moving, 3);
        distance = distance === null ? null : r(distance, 2);
        elevation = elevation === null ? null : r(elevation, 2);
        maxHr = null;
        kcal = kcal === null ? null : Math.round(kcal * (o.kcalFactor ?? 1.12));
        if (device === undefined) device = this.person.fitbit;
        break;
      case "terra":
        startTime = isoMillis(stored);
        elapsed = r(elapsed, 3);
        moving = moving === null ? null : Math.round(moving);
        distance = distance === null ? null : r(distance, 2);
        elevation = elevation === null ? null : r(elevation, 1);
        // total_burned_calories includes BMR.
        kcal = kcal === null ? null : r(kcal * (o.kcalFactor ?? 1.1), 1);
        avgHr = avgHr === null ? null : r(avgHr, 1);
        maxHr = maxHr === null ? null : Math.round(maxHr);
        if (device === undefined) device = this.person.terra;
        break;
      case "oura":
        startTime = isoSeconds(stored);
        elapsed = Math.round(elapsed);
        moving = null;
        if (!o.gps && o.distance === undefined && !["walk", "run", "hike"].includes(kind)) distance = null;
        distance = distance === null ? null : r(distance, 1);
        elevation = null;
        avgHr = null;
        maxHr = null;
        kcal = kcal === null ? null : r(kcal * (o.kcalFactor ?? rng.uniform(0.85, 1.1)), 1);
        device = null;
        break;
      case "suunto":
        startTime = isoMillis(stored + rng.int(0, 999));
        elapsed = r(elapsed + rng.jitter(0.5), 1);
        moving = null;
        distance = distance === null ? null : r(distance, 1);
        elevation = elevation === null ? null : r(elevation, 1);
        avgHr = avgHr === null ? null : Math.round(avgHr);
        maxHr = maxHr === null ? null : Math.round(maxHr);
        kcal = kcal === null ? null : Math.round(kcal);
        if (device === undefined) device = this.person.suunto;
        break;
      case "wahoo":
        startTime = isoMillis(Math.round(stored / 1000) * 1000);
        elapsed = r(elapsed, 0);
        moving = moving === null ? null : r(moving, 0);
        distance = distance === null ? null : r(distance, 2);
        elevation = elevation === null ? null : r(elevation, 1);
        avgHr = avgHr === null ? null : r(avgHr, 1);
        maxHr = null;
        kcal = kcal === null ? null : Math.round(kcal);
        // Wahoo names no device (only workout_token / the FIT file do).
        device = null;
        break;
    }
    if (avgHr !== null && provider !== "strava" && provider !== "terra" && provider !== "wahoo") avgHr = Math.round(avgHr);
    if (maxHr !== null) maxHr = Math.round(maxHr);
    if (kcal !== null && provider !== "oura" && provider !== "terra") kcal = Math.round(kcal);
    const activity: ActivityJson = {
      key,
      provider,
      providerActivityId: o.id ?? newId(rng, provider),
      name,
      sport: label.sport,
      sportType: o.sportType ?? label.sportType,
      startTime,
      utcOffsetMinutes: offset,
      elapsedSeconds: elapsed,
      movingSeconds: moving,
      distanceMeters: distance,
      elevationGainMeters: elevation,
      averageHeartRate: avgHr,
      maxHeartRate: maxHr,
      calories: kcal,
      device: device ?? null,
    };
    this.activities.push(activity);
    return key;
  }

  group(...keys: string[]): void {
    if (keys.length > 1) this.groups.push(keys);
  }

  find(key: string): ActivityJson {
    const found = this.activities.find((a) => a.key === key);
    if (!found) throw new Error(`no activity ${key}`);
    return found;
  }
}

function keyName(index: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return index < 26 ? letters[index]! : letters[Math.floor(index / 26) - 1]! + letters[index % 26]!;
}

export function km(meters: number | null): string {
  return meters === null ? "no distance" : `${(meters / 1000).toFixed(1)} km`;
}
export function min(seconds: number): string {
  return `${Math.round(seconds / 60)} min`;
}
