import { sportInfo } from "@/lib/activity/sports";

/**
 * The one formatter of dates, times and measures. Pure (Intl only), so a server component and the
 * browser given the same preferences and locale print the same text and hydration never differs.
 */

export type Units = "metric" | "imperial";

export interface DisplayPreferences {
  units: Units;
  /** 0 Sunday … 6 Saturday. */
  weekStart: number;
  /** An IANA zone for every time shown; null shows each workout in its own local time. */
  timeZone: string | null;
}

export const defaultDisplayPreferences: DisplayPreferences = { units: "metric", weekStart: 1, timeZone: null };

export const METERS_PER_MILE = 1609.344;
export const METERS_PER_FOOT = 0.3048;
const METERS_PER_YARD = 0.9144;

/** A BCP 47 tag Intl accepts, or English. */
export function supportedLocale(tag: string | null | undefined): string {
  const candidate = tag?.split(",")[0]?.split(";")[0]?.trim();
  if (!candidate) return "en-GB";
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([candidate])[0] ?? "en-GB";
  } catch {
    return "en-GB";
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function clock(totalSeconds: number): string {
  const total = Math.round(totalSeconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

/** Sports whose effort people read as a pace (time per distance) rather than a speed. */
const paceSports = new Set(["run", "walk", "hike", "swim", "nordic_ski", "row", "paddle", "wheelchair"]);

export interface Formatter {
  readonly locale: string;
  readonly preferences: DisplayPreferences;
  /** A workout's start: in its own local time (where it happened) unless a zone is chosen. */
  workoutDateTime(startIso: string, utcOffsetMinutes: number | null): string;
  workoutDate(startIso: string, utcOffsetMinutes: number | null): string;
  workoutTime(startIso: string, utcOffsetMinutes: number | null): string;
  /** Any other instant (a sync, a token's creation), in the chosen zone or UTC. */
  dateTime(iso: string | Date): string;
  date(iso: string | Date): string;
  /** A calendar day given as YYYY-MM-DD (a period's start), short: "24 Nov". */
  day(isoDate: string): string;
  /** A calendar month given as YYYY-MM-DD: "Nov 2026". */
  month(isoDate: string): string;
  /** "5 minutes ago", "in 12 minutes". */
  relative(iso: string | Date, now?: number): string;
  number(value: number, fractionDigits?: number): string;
  duration(seconds: number | null): string | null;
  /** Hours with one decimal, for totals. */
  hours(seconds: number): string;
  distance(meters: number | null): string | null;
  /** Distance in the person's unit as a number (km or mi), for charts. */
  distanceValue(meters: number): number;
  distanceUnit: string;
  elevation(meters: number | null): string | null;
  elevationValue(meters: number): number;
  elevationUnit: string;
  /** Speed in the person's unit (km/h or mph) from m/s. */
  speedValue(metersPerSecond: number): number;
  speedUnit: string;
  /** Pace in seconds per km or mile (per 100 m or 100 yd in water) from m/s. */
  paceValue(sport: string, metersPerSecond: number): number | null;
  paceUnit(sport: string): string;
  /** Pace on foot and in water, speed on wheels and everything else. */
  usesPace(sport: string): boolean;
  paceOrSpeed(sport: string, meters: number | null, seconds: number | null): string | null;
  /** "5:07" from seconds per unit. */
  paceClock(secondsPerUnit: number): string;
  heartRate(bpm: number | null): string | null;
  calories(kcal: number | null): string | null;
}

export function createFormatter(preferences: DisplayPreferences = defaultDisplayPreferences, localeTag?: string): Formatter {
  const locale = supportedLocale(localeTag);
  const imperial = preferences.units === "imperial";
  // Intl takes no fixed offsets as zones everywhere (Node 20 refuses "+01:00"): a workout's own
  // local time is its instant moved by its offset, printed as UTC.
  const local = (iso: string, offset: number | null): [Date, string] =>
    preferences.timeZone ? [new Date(iso), preferences.timeZone] : [new Date(Date.parse(iso) + (offset ?? 0) * 60_000), "UTC"];
  const otherZone = preferences.timeZone ?? "UTC";
  const cache = new Map<string, Intl.DateTimeFormat>();
  const dtf = (zone: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${zone}|${JSON.stringify(options)}`;
    let format = cache.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
      cache.set(key, format);
    }
    return format;
  };
  const withUtc = (text: string, offset: number | null) => (offset === null && !preferences.timeZone ? `${text} UTC` : text);
  const dateTimeOptions: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const number = (value: number, digits = 0) => {
    let format = numberFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      numberFormats.set(digits, format);
    }
    return format.format(value);
  };
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const swimUnit = imperial ? "/100 yd" : "/100 m";

  const formatter: Formatter = {
    locale,
    preferences,
    workoutDateTime: (iso, offset) => {
      const [instant, zone] = local(iso, offset);
      return withUtc(dtf(zone, dateTimeOptions).format(instant), offset);
    },
    workoutDate: (iso, offset) => {
      const [instant, zone] = local(iso, offset);
      return dtf(zone, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(instant);
    },
    workoutTime: (iso, offset) => {
      const [instant, zone] = local(iso, offset);
      return withUtc(dtf(zone, { hour: "2-digit", minute: "2-digit" }).format(instant), offset);
    },
    dateTime: (value) => {
      const text = dtf(otherZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(value));
      return preferences.timeZone ? text : `${text} UTC`;
    },
    date: (value) => dtf(otherZone, { day: "numeric", month: "short", year: "numeric" }).format(new Date(value)),
    day: (isoDate) => dtf("UTC", { day: "numeric", month: "short" }).format(new Date(`${isoDate}T00:00:00Z`)),
    month: (isoDate) => dtf("UTC", { month: "short", year: "numeric" }).format(new Date(`${isoDate}T00:00:00Z`)),
    relative: (value, now = Date.now()) => {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return relativeFormat.format(0, "second");
      if (abs < 45 * 60) return relativeFormat.format(Math.round(seconds / 60), "minute");
      if (abs < 22 * 3600) return relativeFormat.format(Math.round(seconds / 3600), "hour");
      if (abs < 26 * 86400) return relativeFormat.format(Math.round(seconds / 86400), "day");
      return relativeFormat.format(Math.round(seconds / (30 * 86400)), "month");
    },
    number,
    duration: (seconds) => (seconds === null || seconds <= 0 ? null : clock(seconds)),
    hours: (seconds) => `${number(seconds / 3600, 1)} h`,
    distanceUnit: imperial ? "mi" : "km",
    distanceValue: (meters) => meters / (imperial ? METERS_PER_MILE : 1000),
    distance: (meters) => {
      if (meters === null || meters <= 0) return null;
      if (imperial) return meters < 0.1 * METERS_PER_MILE ? `${number(meters / METERS_PER_FOOT)} ft` : `${number(meters / METERS_PER_MILE, 2)} mi`;
      return meters < 1000 ? `${number(meters)} m` : `${number(meters / 1000, 2)} km`;
    },
    elevationUnit: imperial ? "ft" : "m",
    elevationValue: (meters) => (imperial ? meters / METERS_PER_FOOT : meters),
    elevation: (meters) => (meters === null || meters <= 0 ? null : `${number(imperial ? meters / METERS_PER_FOOT : meters)} ${imperial ? "ft" : "m"}`),
    speedUnit: imperial ? "mph" : "km/h",
    speedValue: (mps) => (imperial ? (mps * 3600) / METERS_PER_MILE : mps * 3.6),
    usesPace: (sport) => paceSports.has(sport),
    paceUnit: (sport) => (sport === "swim" ? swimUnit : imperial ? "/mi" : "/km"),
    paceValue: (sport, mps) => {
      if (!(mps > 0)) return null;
      if (sport === "swim") return (imperial ? 100 * METERS_PER_YARD : 100) / mps;
      return (imperial ? METERS_PER_MILE : 1000) / mps;
    },
    paceClock: (secondsPerUnit) => clock(secondsPerUnit),
    paceOrSpeed: (sport, meters, seconds) => {
      if (!meters || !seconds || meters <= 0 || seconds <= 0) return null;
      const mps = meters / seconds;
      if (formatter.usesPace(sport)) return `${clock(formatter.paceValue(sport, mps)!)} ${formatter.paceUnit(sport)}`;
      return `${number(formatter.speedValue(mps), 1)} ${formatter.speedUnit}`;
    },
    heartRate: (bpm) => (bpm ? `${number(bpm)} bpm` : null),
    calories: (kcal) => (kcal ? `${number(kcal)} kcal` : null),
  };
  return formatter;
}

/** Every sport's label, from the one sport vocabulary. */
export const sportLabels: Record<string, string> = Object.fromEntries(Object.entries(sportInfo).map(([id, info]) => [id, info.label]));

/** One colour per sport, shared by the feed's sport badges and the charts (each ≥ 4.5:1 on white). */
export const sportColors: Record<string, string> = {
  run: "#047857",
  ride: "#1d4ed8",
  swim: "#0e7490",
  walk: "#92400e",
  hike: "#4d7c0f",
  strength: "#7e22ce",
  yoga: "#be185d",
  row: "#0f766e",
  ski: "#475569",
  other: "#475569",
};

export function sportColor(sport: string): string {
  return sportColors[sport] ?? sportColors.other!;
}
