/**
 * `npm run bench`: the two paths that grow with a person's history — regrouping duplicates after a
 * sync, and one feed page — on a synthetic history of 10,000 activities from four providers (a
 * decade of daily training, every workout recorded two or three times).
 * Targets: regroup 10,000 activities in < 1,000 ms; a feed page (20 items) in < 25 ms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { groupDuplicates, type DedupCandidate } from "../lib/feed/dedup";
import { openDatabase } from "../lib/db/open";

const priority = ["garmin", "coros", "polar", "whoop", "fitbit", "terra", "strava", "synthetic"];
const providers = ["garmin", "strava", "whoop", "fitbit"];
const COUNT = 10_000;

function history(): DedupCandidate[] {
  const items: DedupCandidate[] = [];
  const start = Date.parse("2016-01-01T07:00:00Z");
  for (let i = 0; items.length < COUNT; i++) {
    const t = start + i * 86_400_000;
    for (const [n, provider] of providers.entries()) {
      if (n > 1 && i % n !== 0) continue;
      items.push({ id: `${provider}-${i}`, provider, sport: i % 3 === 0 ? "ride" : "run", startMs: t + n * 2_000, elapsedSeconds: 3600, movingSeconds: 3500, distanceMeters: 10_000 + n * 20 });
    }
  }
  return items.slice(0, COUNT);
}

function time<T>(label: string, runs: number, fn: () => T): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label}: median ${median.toFixed(1)} ms over ${runs} runs`);
  return median;
}

const candidates = history();
const regroup = time(`groupDuplicates(${COUNT} activities)`, 10, () => groupDuplicates(candidates, priority));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-bench-"));
const db = openDatabase(path.join(dir, "bench.db"));
db.$client.prepare("insert into users (id, email, password_hash, role, created_at) values ('u', 'bench@example.com', 'x', 'user', 0)").run();
const groups = groupDuplicates(candidates, priority);
const insert = db.$client.prepare(
  `insert into activities (id, user_id, provider, provider_activity_id, name, sport, start_time, elapsed_seconds, distance_meters, raw, group_id, is_primary, created_at, updated_at)
   values (?, 'u', ?, ?, 'Workout', ?, ?, 3600, 10000, '{}', ?, ?, 0, 0)`,
);
db.$client.transaction(() => {
  for (const c of candidates) insert.run(c.id, c.provider, c.id, c.sport, c.startMs, groups.get(c.id)!.groupId, groups.get(c.id)!.isPrimary ? 1 : 0);
})();
const page = db.$client.prepare(
  "select * from activities where user_id = 'u' and is_primary = 1 and (start_time < ? or (start_time = ? and id < ?)) order by start_time desc, id desc limit 21",
);
const middle = candidates[COUNT / 2]!;
const feed = time("feed page (21 rows, keyset cursor mid-history)", 200, () => page.all(middle.startMs, middle.startMs, middle.id));
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });

const ok = regroup < 1000 && feed < 25;
console.log(ok ? "All within target." : "OVER TARGET");
process.exit(ok ? 0 : 1);
