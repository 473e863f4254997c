/**
 * Reading the feed of a person with a 100k history, on a server holding 1.09M activities:
 *   - first page at 50 connections against /api/health in the same run: p95 ≤ 1.5× and req/s ≥ 70 %
 *   - first page at 1 connection: p95 ≤ 10 ms
 *   - deep page (after 50,000), sport filter, provider filter: p95 ≤ 1.3× the first page
 *   - /api/activities/weekly: p95 ≤ 2× the first page
 *   - the dashboard's server render: p95 ≤ 50 ms
 *   - peak server memory under the 50-connection load: ≤ 350 MB
 *   - first page at 1 connection while a 100k ingest runs: p95 ≤ 200 ms, no provider request timing out
 */
import { encodeCursor } from "@/lib/feed/params";
import { getStore } from "@/lib/db";
import { interleaved, load, median, medianOf, peakRss, percentile, round, type Figure, type LoadResult } from "./support";
import { connectedPerson, decadeProviders, giveHistory, sessionCookie, sync, type Person, type World } from "./world";

const RUNS = 3;
const SECONDS = 5;
/** Each run of a comparison: its loads take turns, a second each, this many times. */
const SLICE_SECONDS = 1;
const ROUNDS = 5;

async function deepCursor(person: Person, offset: number): Promise<string> {
  const [row] = await getStore().query<{ start_time: number; id: string }>(
    "SELECT start_time, id FROM workouts WHERE user_id = ? ORDER BY start_time DESC, id DESC LIMIT 1 OFFSET ?",
    [person.id, offset],
  );
  if (!row) throw new Error(`the history has fewer than ${offset} workouts`);
  return encodeCursor(Number(row.start_time), row.id);
}

export async function feedFigures(world: World, heavy: Person): Promise<Figure[]> {
  const url = world.server.url;
  const bearer = { authorization: `Bearer ${heavy.token}` };
  const first = `${url}/api/activities?limit=50`;
  const figures: Figure[] = [];

  // 50 connections: the feed against the cheapest route of the same server, taking turns second by
  // second so that a slow spell of the shared machine falls on both alike.
  const health: LoadResult[] = [];
  const feed50: LoadResult[] = [];
  const { peakMb } = await peakRss(world.server, async () => {
    for (let run = 0; run < RUNS; run++) {
      const results = await interleaved(
        [
          ["health", `${url}/api/health`],
          ["feed", first],
        ],
        { connections: 50, seconds: SLICE_SECONDS, rounds: ROUNDS, headers: bearer },
      );
      health.push(results.get("health")!);
      feed50.push(results.get("feed")!);
    }
  });
  const h = medianOf(health);
  const f = medianOf(feed50);
  if (f.non2xx || f.errors) throw new Error(`the feed answered ${f.non2xx} non-2xx and ${f.errors} errors`);
  const p95Ratio = round(f.p95 / h.p95);
  const throughput = round(f.requestsPerSecond / h.requestsPerSecond);
  figures.push({
    name: "feed first page, 50 connections: p95 ÷ /api/health p95",
    value: p95Ratio,
    unit: "×",
    target: "≤ 1.5",
    pass: p95Ratio <= 1.5,
    detail: `feed p95 ${f.p95} ms, p50 ${f.p50} ms; health p95 ${h.p95} ms, p50 ${h.p50} ms`,
  });
  figures.push({
    name: "feed first page, 50 connections: req/s ÷ /api/health req/s",
    value: throughput,
    unit: "×",
    target: "≥ 0.7",
    pass: throughput >= 0.7,
    detail: `${f.requestsPerSecond} vs ${h.requestsPerSecond} req/s`,
  });
  figures.push({ name: "peak server RSS under the 50-connection feed load", value: peakMb, unit: "MB", target: "≤ 350 MB", pass: peakMb <= 350 });

  // One connection: each variant against the first page. The variants take turns second by second
  // within each run, so a slow spell of the shared machine falls on all of them alike.
  const cursor = await deepCursor(heavy, 50_000);
  const variants = [
    ["first page", first],
    ["deep page (after 50,000)", `${first}&cursor=${cursor}`],
    ["sport filter", `${first}&sport=ride`],
    // A provider that holds about a third of the history (an empty page would flatter the figure).
    ["provider filter", `${first}&provider=${decadeProviders(heavy)[0]}`],
    ["weekly", `${url}/api/activities/weekly`],
  ] as const;
  const runsOf = new Map<string, LoadResult[]>(variants.map(([label]) => [label, []]));
  for (let run = 0; run < RUNS; run++) {
    const results = await interleaved(variants, { connections: 1, seconds: SLICE_SECONDS, rounds: ROUNDS, headers: bearer });
    for (const [label, target] of variants) {
      const result = results.get(label)!;
      if (result.non2xx || result.errors) throw new Error(`${target} answered ${result.non2xx} non-2xx and ${result.errors} errors`);
      runsOf.get(label)!.push(result);
    }
  }
  const one = async (target: string, headers: Record<string, string>) => {
    const runs: LoadResult[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await load(target, { connections: 1, seconds: SECONDS, headers }));
    const result = medianOf(runs);
    if (result.non2xx || result.errors) throw new Error(`${target} answered ${result.non2xx} non-2xx and ${result.errors} errors`);
    return result;
  };
  const base = medianOf(runsOf.get("first page")!);
  figures.push({ name: "feed first page, 1 connection: p95", value: base.p95, unit: "ms", target: "≤ 10 ms", pass: base.p95 <= 10 });
  for (const label of ["deep page (after 50,000)", "sport filter", "provider filter"]) {
    const result = medianOf(runsOf.get(label)!);
    const ratio = round(result.p95 / base.p95);
    figures.push({ name: `${label}, 1 connection: p95 ÷ first page p95`, value: ratio, unit: "×", target: "≤ 1.3", pass: ratio <= 1.3, detail: `${result.p95} ms vs ${base.p95} ms` });
  }
  const weekly = medianOf(runsOf.get("weekly")!);
  const weeklyRatio = round(weekly.p95 / base.p95);
  figures.push({ name: "/api/activities/weekly, 1 connection: p95 ÷ first page p95", value: weeklyRatio, unit: "×", target: "≤ 2", pass: weeklyRatio <= 2, detail: `${weekly.p95} ms vs ${base.p95} ms` });
  const dashboard = await one(`${url}/dashboard`, { cookie: await sessionCookie(world, heavy) });
  figures.push({ name: "dashboard server render, 100k history: p95", value: dashboard.p95, unit: "ms", target: "≤ 50 ms", pass: dashboard.p95 <= 50 });

  // The first page while another person's 100k history is ingested by the same server.
  const newcomer = await connectedPerson(world, "newcomer@bench.test");
  await giveHistory(world, newcomer, 100_000, 777);
  let done = false;
  const ingest = sync(world, newcomer).finally(() => (done = true));
  const times: number[] = [];
  while (!done) times.push(...(await load(first, { connections: 1, seconds: 2, headers: bearer })).times);
  const outcome = await ingest;
  const failed = Object.entries(outcome.results).filter(([, r]) => r.error);
  const p95 = round(percentile(times, 95));
  figures.push({
    name: "feed first page, 1 connection, during a 100k ingest: p95",
    value: p95,
    unit: "ms",
    target: "≤ 200 ms, no provider timing out",
    pass: p95 <= 200 && failed.length === 0,
    detail: failed.length ? `failed: ${failed.map(([p, r]) => `${p}: ${r.error}`).join("; ")}` : `${times.length} requests, median ${round(median(times))} ms, every provider synced`,
  });
  return figures;
}
