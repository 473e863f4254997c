/**
 * Ingest in-process: provider items through their normalizers, then the sync's upsert and
 * incremental grouping, page by page, into a fresh database (a SQLite file, or a PostgreSQL database).
 *   - activities per second for a 100k history (target ≥ 25,000/s)
 *   - cost per activity of a 100k history ÷ that of a 10k history (target < 1.2)
 */
import { historyOf, wireHistory } from "@/sandbox/history";
import { benchEnv, createPerson, ingestInProcess, applyEnv } from "./people";
import { freshDatabase, releaseStore, type Engine } from "./engines";
import { median, round, timed, type Figure } from "./support";

const RUNS = 3;

export async function ingestFigures(engine: Engine): Promise<Figure[]> {
  const database = await freshDatabase(engine, "ingest");
  applyEnv(benchEnv(database.url, "http://127.0.0.1:9"));
  const end = Date.now();
  const small = wireHistory(historyOf({ records: 10_000, days: 3650, endMs: end, seed: 10 }));
  const large = wireHistory(historyOf({ records: 100_000, days: 3650, endMs: end, seed: 100 }));
  const perActivitySmall: number[] = [];
  const perActivityLarge: number[] = [];
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const smallRun = await timed(async () => ingestInProcess(await createPerson(`small-${run}@bench.test`), small));
    const largeRun = await timed(async () => ingestInProcess(await createPerson(`large-${run}@bench.test`), large));
    perActivitySmall.push(smallRun.ms / smallRun.result);
    perActivityLarge.push(largeRun.ms / largeRun.result);
    rates.push((largeRun.result / largeRun.ms) * 1000);
    console.log(`  run ${run + 1}: 10k at ${round((smallRun.result / smallRun.ms) * 1000, 0)}/s, 100k at ${round(rates.at(-1)!, 0)}/s`);
  }
  await releaseStore();
  await database.drop();
  const rate = round(median(rates), 0);
  const ratio = round(median(perActivityLarge) / median(perActivitySmall));
  return [
    { name: "ingest in-process (normalize, upsert, group), 100k history", value: rate, unit: "activities/s", target: "≥ 25,000/s", pass: rate >= 25_000 },
    {
      name: "ingest cost per activity, 100k history ÷ 10k history",
      value: ratio,
      unit: "×",
      target: "< 1.2",
      pass: ratio < 1.2,
      detail: `${round(median(perActivityLarge) * 1000, 1)} µs vs ${round(median(perActivitySmall) * 1000, 1)} µs per activity`,
    },
  ];
}
