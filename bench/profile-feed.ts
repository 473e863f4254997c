/**
 * Profiles the server under the feed's loads (writes a .cpuprofile to /tmp/feed-prof when the
 * server stops). The first run builds a person with a 100k history in bench/.cache/run.db; later
 * runs reuse it.
 *   npx tsx --conditions=react-server bench/profile-feed.ts
 */
import { getStore } from "@/lib/db";
import { encodeCursor } from "@/lib/feed/params";
import { load, type LoadResult } from "./support";
import { connectedPerson, createWorld, giveHistory, sync, type Person } from "./world";
import { tokenFor } from "./people";

const EMAIL = "feed-profile@bench.test";
const brief = (r: LoadResult) => `p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.requestsPerSecond} req/s`;

void (async () => {
  const world = await createWorld({ reuse: true, nodeArgs: process.env.PROFILE === "0" ? [] : ["--cpu-prof", "--cpu-prof-dir=/tmp/feed-prof"] });
  try {
    const [known] = await getStore().query<{ id: string }>("SELECT id FROM users WHERE email = ?", [EMAIL]);
    let person: Pick<Person, "id" | "token">;
    if (known) person = { id: known.id, token: await tokenFor(known.id) };
    else {
      const created = await connectedPerson(world, EMAIL);
      await giveHistory(world, created, 100_000, 500);
      await sync(world, created);
      person = created;
    }
    const url = world.server.url;
    const headers = { authorization: `Bearer ${person.token}` };
    const first = `${url}/api/activities?limit=50`;
    const [deep] = await getStore().query<{ start_time: number; id: string }>(
      "SELECT start_time, id FROM workouts WHERE user_id = ? ORDER BY start_time DESC, id DESC LIMIT 1 OFFSET 50000",
      [person.id],
    );
    // The load generator shares the machine: its own CPU time is printed beside each load.
    const measured = async (run: () => Promise<LoadResult>) => {
      const before = process.cpuUsage();
      const result = await run();
      const used = process.cpuUsage(before);
      return `${brief(result)}, load generator CPU ${Math.round((used.user + used.system) / 1000 / result.seconds)} ms per second`;
    };
    console.log("health, 50 connections:", await measured(() => load(`${url}/api/health`, { connections: 50, seconds: 5 })));
    console.log("feed, 50 connections:", await measured(() => load(first, { connections: 50, seconds: 5, headers })), "RSS", world.server.rssMb(), "MB");
    const variants = [
      ["first page", first],
      ["deep page", `${first}&cursor=${encodeCursor(Number(deep!.start_time), deep!.id)}`],
      ["sport filter", `${first}&sport=ride`],
      ["provider filter", `${first}&provider=whoop`],
      ["weekly", `${url}/api/activities/weekly`],
    ] as const;
    for (const [label, target] of variants) console.log(`${label}, 1 connection:`, brief(await load(target, { connections: 1, seconds: 3, headers })));
  } finally {
    await world.stop();
  }
  process.exit(0);
})();
