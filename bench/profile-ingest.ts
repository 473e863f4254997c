/**
 * Profiles the in-process ingest of a 100k history (what `npm run bench -- ingest` times), once,
 * into a fresh SQLite file. Run under the profiler:
 *   node --cpu-prof --cpu-prof-dir=/tmp/ingest-prof --import tsx --conditions=react-server bench/profile-ingest.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { historyOf, wireHistory } from "@/sandbox/history";
import { applyEnv, benchEnv, createPerson, ingestInProcess } from "./people";
import { round, timed } from "./support";

void (async () => {
  const records = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-profile-ingest-"));
  applyEnv(benchEnv(path.join(dir, "ingest.db"), "http://127.0.0.1:9"));
  const items = wireHistory(historyOf({ records, days: 3650, endMs: Date.now(), seed: 100 }));
  const run = await timed(async () => ingestInProcess(await createPerson("profile@bench.test"), items));
  console.log(`${run.result} activities in ${round(run.ms / 1000, 1)} s: ${round((run.result / run.ms) * 1000, 0)}/s`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
})();
