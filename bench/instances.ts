/**
 * More than one instance on one database: the feed's first page at 50 connections, all of them on
 * one `next start`, or 25 and 25 on two, taking turns second by second (so a slow spell of the
 * shared machine falls on both alike), /api/health the same way as the reference of what the
 * machine itself allows.
 *   - feed throughput of two instances ÷ one (target ≥ 1.4 on two cores that the load generator
 *     and the database share), with where the CPU went, which says what limits it
 */
import os from "node:os";
import { cpuShares, load, median, merged, round, startServer, type Figure, type LoadResult, type Server } from "./support";
import type { Person, World } from "./world";

const RUNS = 3;
const ROUNDS = 5;
const SLICE_SECONDS = 1;
const CONNECTIONS = 50;

interface Split {
  one: LoadResult;
  two: LoadResult;
  /** Cores busy during the two-instance slices. */
  cpu: { servers: number; postgres: number; generator: number; machine: number; steal: number };
}

async function compare(servers: readonly [Server, Server], path: string, headers: Record<string, string>): Promise<Split[]> {
  const runs: Split[] = [];
  for (let run = 0; run < RUNS; run++) {
    const one: LoadResult[] = [];
    const two: LoadResult[] = [];
    const cpu: Split["cpu"][] = [];
    for (let slice = 0; slice < ROUNDS; slice++) {
      one.push(await load(`${servers[0].url}${path}`, { connections: CONNECTIONS, seconds: SLICE_SECONDS, headers }));
      const shares = await cpuShares(servers, () =>
        Promise.all(servers.map((server) => load(`${server.url}${path}`, { connections: CONNECTIONS / 2, seconds: SLICE_SECONDS, headers }))),
      );
      // The two halves ran side by side: their responses add up over the same second.
      const [a, b] = shares.result;
      two.push({ ...merged([a!, b!]), requests: a!.requests + b!.requests, seconds: Math.max(a!.seconds, b!.seconds), requestsPerSecond: round(a!.requestsPerSecond + b!.requestsPerSecond, 1) });
      cpu.push({ servers: shares.servers, postgres: shares.postgres, generator: shares.generator, machine: shares.machine, steal: shares.steal });
    }
    runs.push({
      one: merged(one),
      two: { ...merged(two), requestsPerSecond: round(two.reduce((sum, slice) => sum + slice.requests, 0) / two.reduce((sum, slice) => sum + slice.seconds, 0), 1) },
      cpu: {
        servers: round(median(cpu.map((c) => c.servers))),
        postgres: round(median(cpu.map((c) => c.postgres))),
        generator: round(median(cpu.map((c) => c.generator))),
        machine: round(median(cpu.map((c) => c.machine))),
        steal: round(median(cpu.map((c) => c.steal))),
      },
    });
  }
  return runs;
}

export async function instanceFigures(world: World, heavy: Person): Promise<Figure[]> {
  const second = await startServer({ ...world.env, PIERRE_BASE_URL: "http://127.0.0.1:3999" });
  try {
    const servers = [world.server, second] as const;
    const bearer = { authorization: `Bearer ${heavy.token}` };
    const feed = await compare(servers, "/api/activities?limit=50", bearer);
    const health = await compare(servers, "/api/health", {});
    for (const runs of [feed, health]) {
      const failed = runs.flatMap((r) => [r.one, r.two]).filter((r) => r.non2xx || r.errors);
      if (failed.length) throw new Error(`${failed.length} loads answered non-2xx or failed`);
    }
    const ratioOf = (runs: Split[]) => round(median(runs.map((r) => r.two.requestsPerSecond / r.one.requestsPerSecond)));
    const rps = (runs: Split[], which: "one" | "two") => round(median(runs.map((r) => r[which].requestsPerSecond)), 0);
    const cores = (runs: Split[]) => {
      const cpu = (key: keyof Split["cpu"]) => round(median(runs.map((r) => r.cpu[key])), 2);
      return (
        `the two servers ${cpu("servers")} cores, ${world.engine === "postgres" ? `PostgreSQL ${cpu("postgres")}, ` : ""}the load generator ${cpu("generator")}; ` +
        `the machine as a whole ${cpu("machine")} of ${os.cpus().length} busy, ${cpu("steal")} stolen by the hypervisor`
      );
    };
    const feedRatio = ratioOf(feed);
    const healthRatio = ratioOf(health);
    return [
      {
        name: "feed first page, 50 connections: two instances ÷ one, req/s",
        value: feedRatio,
        unit: "×",
        target: "≥ 1.4",
        pass: feedRatio >= 1.4,
        detail: `${rps(feed, "two")} vs ${rps(feed, "one")} req/s; p95 ${round(median(feed.map((r) => r.two.p95)))} vs ${round(median(feed.map((r) => r.one.p95)))} ms; CPU while two served: ${cores(feed)}`,
      },
      {
        name: "reference: /api/health, 50 connections: two instances ÷ one, req/s",
        value: healthRatio,
        unit: "×",
        target: "what the machine allows",
        pass: true,
        detail: `${rps(health, "two")} vs ${rps(health, "one")} req/s; CPU while two served: ${cores(health)}`,
      },
    ];
  } finally {
    await second.stop();
  }
}
