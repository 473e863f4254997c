import type { Sample } from "@/lib/streams/streams";

/**
 * A plausible recording of a workout, derived only from its summary and a seed: a loop around the
 * athlete's home town sized to the distance, heart rate warming up to the average, pace and
 * altitude that follow the terrain. The synthetic source draws its streams from it, and the
 * provider sandbox serves the same track in each provider's wire format, so copies of one workout
 * show one route.
 */
export interface TrackInput {
  seed: string;
  sport: string;
  /** Indoors there is no route. */
  indoor?: boolean;
  elapsedSeconds: number;
  movingSeconds?: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
}

/** The synthetic and sandbox athletes live in Lyon (UTC+1 in winter), running along the Rhône and Saône. */
export const HOME: [number, number] = [45.7578, 4.832];
const METERS_PER_DEGREE_LAT = 111_320;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const outdoorSports = new Set(["run", "ride", "walk", "hike", "nordic_ski", "row", "paddle", "ski"]);

/** One sample every `step` seconds from 0 through the elapsed time. */
export function syntheticTrack(input: TrackInput, step = 5): Sample[] {
  const random = prng(hash(input.seed));
  const elapsed = Math.max(60, Math.round(input.elapsedSeconds));
  const count = Math.floor(elapsed / step) + 1;
  const distance = input.distanceMeters ?? 0;
  const moving = Math.min(elapsed, input.movingSeconds ?? elapsed);
  const meanSpeed = distance > 0 ? distance / moving : 0;
  const gps = !input.indoor && distance > 0 && outdoorSports.has(input.sport);
  // A lobed loop: radius varies with angle so no two routes look alike.
  const lobes = 2 + Math.floor(random() * 3);
  const wobble = 0.15 + random() * 0.25;
  const phase = random() * Math.PI * 2;
  const radius = distance / (2 * Math.PI * (1 + wobble / 2));
  const bearing = random() * Math.PI * 2;
  const shift = 2000 + random() * 4000;
  const center: [number, number] = [
    HOME[0] + (Math.cos(bearing) * shift) / METERS_PER_DEGREE_LAT,
    HOME[1] + (Math.sin(bearing) * shift) / (METERS_PER_DEGREE_LAT * Math.cos((HOME[0] * Math.PI) / 180)),
  ];
  const climb = input.elevationGainMeters ?? 0;
  const hills = 1 + Math.floor(random() * 3);
  const avgHr = input.averageHeartRate ?? 0;
  const maxHr = input.maxHeartRate ?? avgHr + 15;
  const cadenceBase = input.sport === "ride" ? 86 : input.sport === "run" ? 172 : input.sport === "walk" || input.sport === "hike" ? 108 : 0;
  const samples: Sample[] = [];
  let covered = 0;
  for (let i = 0; i < count; i++) {
    const t = Math.min(i * step, elapsed);
    const progress = t / elapsed;
    const terrain = Math.sin(progress * Math.PI * 2 * hills + phase);
    // Slower uphill, faster down; a little noise on top.
    const speed = meanSpeed > 0 ? Math.max(0.3, meanSpeed * (1 - 0.12 * terrain + (random() - 0.5) * 0.08)) : 0;
    if (i > 0) covered += speed * step;
    const share = distance > 0 ? Math.min(1, covered / distance) : progress;
    const warm = Math.min(1, t / 480);
    const heartRate = avgHr > 0 ? Math.min(maxHr, Math.round(avgHr * (0.78 + 0.22 * warm) + 6 * terrain + (random() - 0.5) * 4)) : undefined;
    const sample: Sample = { t, heartRate, distance: distance > 0 ? Math.min(distance, covered) : undefined };
    if (meanSpeed > 0) sample.speed = speed;
    // Cadence drifts with the terrain (shorter, quicker steps uphill) rather than jumping about.
    if (cadenceBase) sample.cadence = Math.round(cadenceBase * (1 + 0.025 * terrain) + (random() - 0.5) * 2);
    if (input.sport === "ride") sample.power = Math.round(Math.max(0, 180 + 70 * terrain + (random() - 0.5) * 40));
    if (gps || climb > 0) sample.altitude = Math.round((170 + (climb / (2 * hills)) * (1 + terrain)) * 10) / 10;
    if (gps) {
      const angle = share * Math.PI * 2;
      const r = radius * (1 + wobble * Math.sin(lobes * angle + phase));
      const north = Math.sin(angle) * r;
      const east = (Math.cos(angle) - 1) * r;
      sample.lat = center[0] + north / METERS_PER_DEGREE_LAT;
      sample.lng = center[1] + east / (METERS_PER_DEGREE_LAT * Math.cos((center[0] * Math.PI) / 180));
    }
    samples.push(sample);
  }
  return samples;
}
