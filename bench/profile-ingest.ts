/**
 * Profiles the in-process ingest of a history (what `npm run bench -- ingest` times), once, into a
 * fresh database, and says where the machine's CPU went (this process, and PostgreSQL's server):
 *   node --cpu-prof --cpu-prof-dir=/tmp/ingest-prof --import tsx --conditions=react-server bench/profile-ingest.ts [records] [sqlite|postgres]
 * PostgreSQL needs PIERRE_TEST_DATABASE_URL (a server the benchmark may create a database on).
 */
import { historyOf, wireHistory } from "@/sandbox/history";
import { freshDatabase, releaseStore, type Engine } from "./engines";
import { applyEnv, benchEnv, createPerson, ingestInProcess } from "./people";
import { cpuShares, round, timed } from "./support";

void (async () => {
  const records = Number(process.argv[2] ?? 100_000);
  const engine = (process.argv[3] ?? "sqlite") as Engine;
  const database = await freshDatabase(engine, "profile");
  applyEnv(benchEnv(database.url, "http://127.0.0.1:9"));
  const items = wireHistory(historyOf({ records, days: 3650, endMs: Date.now(), seed: 100 }));
  const userId = await createPerson("profile@bench.test");
  const { result: run, ...cores } = await cpuShares([], () => timed(() => ingestInProcess(userId, items)));
  console.log(`${run.result} activities in ${round(run.ms / 1000, 1)} s: ${round((run.result / run.ms) * 1000, 0)}/s`);
  console.log(`cores busy: this process ${cores.generator}, PostgreSQL ${cores.postgres}`);
  await releaseStore();
  await database.drop();
  process.exit(0);
})();
