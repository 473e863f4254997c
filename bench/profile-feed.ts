/** Profiles the server under the 50-connection feed load (writes a .cpuprofile to /tmp/feed-prof). */
import path from "node:path";
import { getStore } from "@/lib/db";
import { applyEnv, benchEnv, tokenFor } from "./people";
import { load, root, startServer } from "./support";

void (async () => {
  const env = benchEnv(path.join(root, "bench/.cache/run.db"), "http://127.0.0.1:9");
  applyEnv(env);
  const [heavy] = await getStore().query<{ id: string }>("SELECT id FROM users WHERE email = 'heavy0@bench.test'");
  const token = await tokenFor(heavy!.id);
  const server = await startServer(env, ["--cpu-prof", "--cpu-prof-dir=/tmp/feed-prof"]);
  console.log("health", await load(`${server.url}/api/health`, { connections: 50, seconds: 5 }).then((r) => ({ ...r, times: undefined })));
  console.log("feed", await load(`${server.url}/api/activities?limit=50`, { connections: 50, seconds: 8, headers: { authorization: `Bearer ${token}` } }).then((r) => ({ ...r, times: undefined })));
  console.log("rss", server.rssMb());
  await server.stop();
  process.exit(0);
})();
