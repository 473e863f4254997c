/**
 * Profiles the server through a 100k ingest by POST /api/sync, then a sync that finds nothing new
 * (writes a .cpuprofile to /tmp/sync-prof when the server stops, and prints its memory peak).
 *   npx tsx --conditions=react-server bench/profile-sync.ts [records]
 */
import { countActivities } from "./people";
import { peakRss, round, timed } from "./support";
import { connectedPerson, createWorld, giveHistory, sync } from "./world";

void (async () => {
  const records = Number(process.argv[2] ?? 100_000);
  const world = await createWorld({ nodeArgs: ["--cpu-prof", "--cpu-prof-dir=/tmp/sync-prof"] });
  try {
    const person = await connectedPerson(world, "profile@bench.test");
    await giveHistory(world, person, records, 500);
    const { result, peakMb } = await peakRss(world.server, () => timed(() => sync(world, person)));
    const stored = await countActivities(person.id);
    console.log(`ingest: ${stored} activities in ${round(result.ms / 1000, 1)} s (${round((stored / result.ms) * 1000, 0)}/s), peak RSS ${peakMb} MB`);
    console.log(JSON.stringify(result.result.results));
    for (let run = 0; run < 3; run++) console.log(`nothing new: ${round((await timed(() => sync(world, person))).ms, 0)} ms`);
  } finally {
    await world.stop();
  }
  process.exit(0);
})();
