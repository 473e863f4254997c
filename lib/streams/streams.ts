import polyline from "@mapbox/polyline";

/**
 * One recording's time series in the shared shape every provider's stream normalizer produces:
 * index-aligned samples (`time[i]` is when `heartRate[i]`, `speed[i]`… were taken) in SI units,
 * and the route as [latitude, longitude] pairs. A series the provider did not record is absent.
 */
export interface ActivityStreams {
  /** Seconds since the start of the recording. */
  time: number[];
  /** Beats per minute. */
  heartRate?: (number | null)[];
  /** Metres per second. */
  speed?: (number | null)[];
  /** Metres above sea level. */
  altitude?: (number | null)[];
  /** Revolutions or steps per minute, as the device counts them. */
  cadence?: (number | null)[];
  /** Watts. */
  power?: (number | null)[];
  /** Metres since the start. */
  distance?: (number | null)[];
  /** [latitude, longitude] in degrees, in order. */
  route?: [number, number][];
}

export const seriesKeys = ["heartRate", "speed", "altitude", "cadence", "power", "distance"] as const;
export type SeriesKey = (typeof seriesKeys)[number];

/** A sample as a normalizer reads it: when, and whatever was measured then. */
export type Sample = { t: number } & Partial<Record<SeriesKey, number | null | undefined>> & { lat?: number | null; lng?: number | null };

/** What is stored and served, at most: enough for a chart as wide as a screen and a smooth route. */
export const MAX_SAMPLES = 1200;
export const MAX_ROUTE_POINTS = 1500;

const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function validLatLng(lat: unknown, lng: unknown): [number, number] | null {
  const a = finite(lat);
  const b = finite(lng);
  if (a === null || b === null || Math.abs(a) > 90 || Math.abs(b) > 180 || (a === 0 && b === 0)) return null;
  return [a, b];
}

/**
 * Samples (in any order, from one or several of a provider's lists) → streams: sorted by time,
 * samples at the same second combined, times counted from the first sample, a series kept only if
 * it has a value somewhere. The route comes from the samples' positions unless one is given.
 */
export function streamsFromSamples(samples: readonly Sample[], route?: [number, number][]): ActivityStreams | null {
  const bySecond = new Map<number, Sample>();
  for (const sample of samples) {
    const t = finite(sample.t);
    if (t === null) continue;
    const key = Math.round(t);
    const existing = bySecond.get(key);
    if (!existing) bySecond.set(key, { ...sample, t: key });
    else for (const [name, value] of Object.entries(sample)) if (value !== null && value !== undefined && name !== "t") (existing as Record<string, unknown>)[name] = value;
  }
  const sorted = [...bySecond.values()].sort((a, b) => a.t - b.t);
  const positions =
    route ??
    sorted.flatMap((s): [number, number][] => {
      const point = validLatLng(s.lat, s.lng);
      return point ? [point] : [];
    });
  if (sorted.length === 0 && positions.length < 2) return null;
  const origin = sorted[0]?.t ?? 0;
  const streams: ActivityStreams = { time: sorted.map((s) => s.t - origin) };
  for (const key of seriesKeys) {
    const values = sorted.map((s) => finite(s[key]));
    if (values.some((v) => v !== null)) streams[key] = values;
  }
  if (positions.length >= 2) streams.route = positions;
  return streams;
}

/** A Google encoded polyline (precision 5, Strava's and Terra's summary maps) → [lat, lng] pairs. */
export function decodePolyline(encoded: string | null | undefined): [number, number][] {
  if (!encoded) return [];
  try {
    return polyline.decode(encoded).flatMap(([lat, lng]) => {
      const point = validLatLng(lat, lng);
      return point ? [point] : [];
    });
  } catch {
    return [];
  }
}

/** Every `step`-th of `length` indexes, always keeping the last. */
function pickIndexes(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/**
 * The streams cut to a bounded size for storage and answers: at most MAX_SAMPLES samples (an even
 * pick, first and last kept) and MAX_ROUTE_POINTS route points, values rounded to what a chart can
 * show.
 */
export function boundStreams(streams: ActivityStreams): ActivityStreams {
  const keep = pickIndexes(streams.time.length, MAX_SAMPLES);
  const bounded: ActivityStreams = { time: keep.map((i) => Math.round(streams.time[i]!)) };
  const digits: Record<SeriesKey, number> = { heartRate: 0, speed: 2, altitude: 1, cadence: 0, power: 0, distance: 0 };
  for (const key of seriesKeys) {
    const series = streams[key];
    if (!series || series.length !== streams.time.length) continue;
    const factor = 10 ** digits[key];
    bounded[key] = keep.map((i) => {
      const value = series[i];
      return value === null || value === undefined ? null : Math.round(value * factor) / factor;
    });
  }
  if (streams.route && streams.route.length >= 2) {
    bounded.route = pickIndexes(streams.route.length, MAX_ROUTE_POINTS).map((i) => {
      const [lat, lng] = streams.route![i]!;
      return [Math.round(lat * 1e5) / 1e5, Math.round(lng * 1e5) / 1e5];
    });
  }
  return bounded;
}

/** Which series a set of streams holds, for lists that must not carry the arrays themselves. */
export function describeStreams(streams: ActivityStreams): { samples: number; series: SeriesKey[]; routePoints: number } {
  return { samples: streams.time.length, series: seriesKeys.filter((key) => streams[key]?.some((v) => v !== null)), routePoints: streams.route?.length ?? 0 };
}
