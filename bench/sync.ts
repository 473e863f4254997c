/**
 * Sync through the running server against the sandbox:
 *   - ingest of a 100k history through POST /api/sync (target ≥ 10,000 activities/s)
 *   - peak server memory during that ingest (target ≤ 350 MB)
 *   - a sync-all that finds nothing new: 100k history ÷ a history of a few workouts (target ≤ 1.5)
 *   - fan-out: sync-all ÷ the slowest provider alone, 300 ms provider latency, 100k history (target ≤ 1.3)
 */
import { setLatency } from "@/sandbox/control-client";
import { countActivities } from "./people";
import { median, peakRss, round, timed, type Figure } from "./support";
import { connectedPerson, giveHistory, liftManualSyncThrottle, syncOk, type Person, type World } from "./world";

const RUNS = 3;
/** Syncs that find nothing new take tens of milliseconds: more runs for a steady median. */
const IDLE_RUNS = 7;

export interface SyncOutcome {
  figures: Figure[];
  /** The person with a 100k history, for the feed benchmarks. */
  heavy: Person;
}

export async function syncFigures(world: World): Promise<SyncOutcome> {
  const rates: number[] = [];
  const peaks: number[] = [];
  let heavy: Person | undefined;
  for (let run = 0; run < RUNS; run++) {
    const person = await connectedPerson(world, `heavy${run}@bench.test`);
    const given = await giveHistory(world, person, 100_000, 500 + run);
    const { result, peakMb } = await peakRss(world.server, () => timed(() => syncOk(world, person)));
    const stored = await countActivities(person.id);
    rates.push((stored / result.ms) * 1000);
    peaks.push(peakMb);
    console.log(`  run ${run + 1}: ${stored} of ${given} activities in ${round(result.ms / 1000, 1)} s, peak RSS ${peakMb} MB`);
    heavy ??= person;
  }

  // Nothing new: the same window, the same requests; only the stored history differs.
  const light = await connectedPerson(world, "light@bench.test");
  await giveHistory(world, light, 40, 900);
  await syncOk(world, light);
  // One untimed sync of the heavy history first: the sandbox sorts a provider's list again after
  // anyone's items were added (the light history just now), which is the sandbox's cost, not the app's.
  await liftManualSyncThrottle();
  await syncOk(world, heavy!);
  const idleHeavy: number[] = [];
  const idleLight: number[] = [];
  for (let run = 0; run < IDLE_RUNS; run++) {
    await liftManualSyncThrottle();
    idleHeavy.push((await timed(() => syncOk(world, heavy!))).ms);
    idleLight.push((await timed(() => syncOk(world, light))).ms);
  }

  // Fan-out with a slow network: all providers at once against each alone.
  const providers = heavy!.providers;
  const sandboxed = providers.filter((provider) => world.sandbox.state.providers.has(provider));
  for (const provider of sandboxed) await setLatency(world.sandbox.url, provider, 300);
  const together: number[] = [];
  const slowest: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await liftManualSyncThrottle();
    together.push((await timed(() => syncOk(world, heavy!))).ms);
    let max = 0;
    for (const provider of providers) {
      await liftManualSyncThrottle();
      max = Math.max(max, (await timed(() => syncOk(world, heavy!, provider))).ms);
    }
    slowest.push(max);
  }
  for (const provider of sandboxed) await setLatency(world.sandbox.url, provider, 0);

  const rate = round(median(rates), 0);
  const peak = Math.max(...peaks);
  const idleRatio = round(median(idleHeavy) / median(idleLight));
  const fanOut = round(median(together) / median(slowest));
  return {
    heavy: heavy!,
    figures: [
      { name: "ingest through POST /api/sync against the sandbox, 100k history", value: rate, unit: "activities/s", target: "≥ 10,000/s", pass: rate >= 10_000 },
      { name: "peak server RSS during the 100k ingest", value: peak, unit: "MB", target: "≤ 350 MB", pass: peak <= 350 },
      {
        name: "sync-all that finds nothing new, 100k history ÷ a few workouts",
        value: idleRatio,
        unit: "×",
        target: "≤ 1.5",
        pass: idleRatio <= 1.5,
        detail: `${round(median(idleHeavy), 0)} ms vs ${round(median(idleLight), 0)} ms`,
      },
      {
        name: "fan-out: sync-all ÷ slowest provider alone, 300 ms latency, 100k history",
        value: fanOut,
        unit: "×",
        target: "≤ 1.3",
        pass: fanOut <= 1.3,
        detail: `${round(median(together), 0)} ms vs ${round(median(slowest), 0)} ms`,
      },
    ],
  };
}
