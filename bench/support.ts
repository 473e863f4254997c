/**
 * What every benchmark shares: the machine's description, a `next start` server on loopback with
 * its memory sampled, autocannon load with exact percentiles, and medians. Figures are compared
 * within one run (ratios), because the machine is shared and noisy.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

export const root = path.resolve(__dirname, "..");

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** How the target reads, e.g. "≤ 1.5×". */
  target: string;
  pass: boolean;
  /** The raw measurements behind a ratio, for the record. */
  detail?: string;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function print(figure: Figure): void {
  console.log(`${figure.pass ? "PASS" : "MISS"}  ${figure.name}: ${figure.value} ${figure.unit} (target ${figure.target})${figure.detail ? ` — ${figure.detail}` : ""}`);
}

export function freePort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

export interface Server {
  url: string;
  process: ChildProcess;
  /** Resident memory of the server's process tree, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

function rssKbOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Parent of each process, from /proc (no child process: spawning one from a large heap stalls this one). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid …": the name may hold spaces and parentheses, so read after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  return parentOf;
}

/** The process and its descendants, looked up again at most once a second. */
let knownTree: { root: number; at: number; pids: number[] } | undefined;
function processTree(pid: number): number[] {
  if (knownTree?.root === pid && Date.now() - knownTree.at < 1000) return knownTree.pids;
  const parentOf = parents();
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) for (const [child, parent] of parentOf) if (parent === pids[i]) pids.push(child);
  knownTree = { root: pid, at: Date.now(), pids };
  return pids;
}

/** CPU time (user + system) of the processes, in seconds, from /proc (clock ticks of 1/100 s). */
function cpuSecondsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: state, ppid, … utime is the 14th field of the line, stime the 15th.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

/** Processes whose command name is `name` (e.g. the PostgreSQL server's backends). */
function processesNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * Where the machine's CPU went while `work` ran, in cores (1 = one core busy throughout): each
 * server's process tree, the PostgreSQL server, and this process (the load generator).
 */
export async function cpuShares<T>(
  servers: readonly Server[],
  work: () => Promise<T>,
): Promise<{ result: T; servers: number; postgres: number; generator: number; machine: number; steal: number }> {
  const serverPids = () => servers.flatMap((server) => processTree(server.process.pid!));
  const before = { servers: cpuSecondsOf(serverPids()), postgres: cpuSecondsOf(processesNamed("postgres")), generator: process.cpuUsage(), machine: machineTicks() };
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(before.generator);
  const machine = machineTicks();
  return {
    result,
    servers: round((cpuSecondsOf(serverPids()) - before.servers) / seconds),
    // Backends that ended meanwhile take their time with them: a lower bound.
    postgres: round((cpuSecondsOf(processesNamed("postgres")) - before.postgres) / seconds),
    generator: round((generator.user + generator.system) / 1e6 / seconds),
    machine: round((machine.busy - before.machine.busy) / 100 / seconds),
    steal: round((machine.steal - before.machine.steal) / 100 / seconds),
  };
}

/**
 * The whole machine's CPU ticks from /proc/stat: busy (everything but idle and I/O wait, whoever
 * ran) and stolen by the hypervisor, so a figure can say whether the cores were full.
 */
function machineTicks(): { busy: number; steal: number } {
  const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return { busy: user! + nice! + system! + irq! + softirq!, steal: steal ?? 0 };
}

function treeRssKb(pid: number): number {
  return processTree(pid).reduce((sum, id) => sum + rssKbOf(id), 0);
}

/** The node options `npm start` runs the server with (package.json), so the server is measured as it runs. */
export function startNodeOptions(): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start ?? "";
  const match = /^node((?:\s+--\S+)*)\s+node_modules\/next\/dist\/bin\/next start$/.exec(script.trim());
  if (!match) throw new Error(`bench/support.ts does not know how to read the start script "${script}"`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/** `next start` on 127.0.0.1, as `npm start` runs it (the production build must exist: `npm run build`). */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const port = freePort();
  const node = [...startNodeOptions(), ...nodeArgs];
  const child = spawn(process.execPath, [...node, path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${log.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    rssMb: () => round(treeRssKb(child.pid!) / 1024, 0),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Samples a server's memory every 100 ms while `work` runs; the peak in MB. */
export async function peakRss<T>(server: Server, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = server.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 100);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, server.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

export interface LoadResult {
  /** Every response time, ms. */
  times: number[];
  p50: number;
  p95: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** Responses and seconds measured, so that slices of one load can be merged. */
  requests: number;
  seconds: number;
}

/** autocannon against one URL; percentiles computed from every response time, not buckets. */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const times: number[] = [];
  // The instance is both an event emitter and a promise of the result.
  const instance = autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers }) as unknown as autocannon.Instance &
    PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  return {
    times,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
  };
}

/** Slices of one load as one: percentiles over every response, throughput over the whole time. */
export function merged(slices: readonly LoadResult[]): LoadResult {
  const times = slices.flatMap((slice) => slice.times);
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  return {
    times,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    requestsPerSecond: round(requests / seconds, 1),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    requests,
    seconds,
  };
}

/**
 * Loads that take turns in short slices (`rounds` of `seconds` each), so that a slow spell of the
 * shared machine falls on all of them alike; each target's slices merged into one result.
 */
export async function interleaved(
  targets: readonly (readonly [label: string, url: string])[],
  options: { connections: number; seconds: number; rounds: number; headers?: Record<string, string> },
): Promise<Map<string, LoadResult>> {
  const slices = new Map<string, LoadResult[]>(targets.map(([label]) => [label, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const [label, url] of targets) slices.get(label)!.push(await load(url, options));
  }
  return new Map([...slices].map(([label, results]) => [label, merged(results)]));
}

/** Median of each field over several runs. */
export function medianOf(results: readonly LoadResult[]): LoadResult {
  return {
    times: results.flatMap((r) => r.times),
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}
