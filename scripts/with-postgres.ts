// `tsx scripts/with-postgres.ts -- <command…>`: runs the command with PIERRE_TEST_DATABASE_URL
// pointing at a PostgreSQL server the tests may create databases on. When the variable is already
// set, that server is used; otherwise a throwaway cluster is made with the machine's own initdb and
// pg_ctl (Debian's `postgresql` package) on a free loopback port, and removed afterwards. Without
// PostgreSQL the command is skipped with a note, except in CI, where that is a failure; with
// `--optional` before `--` (the benchmarks, which measure SQLite either way) it runs without one.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const command = process.argv.slice(process.argv.indexOf("--") + 1);
const optional = process.argv.slice(2, process.argv.indexOf("--")).includes("--optional");
if (command.length === 0 || !process.argv.includes("--")) {
  console.error("Usage: tsx scripts/with-postgres.ts -- <command…>");
  process.exit(2);
}

function postgresBin(): string | undefined {
  const fromPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(exitWith: (code: number) => void, env: NodeJS.ProcessEnv): void {
  const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
  child.on("exit", (code, signal) => exitWith(code ?? (signal ? 1 : 0)));
}

async function main() {
  if (process.env.PIERRE_TEST_DATABASE_URL) return run(process.exit, process.env);
  const bin = postgresBin();
  if (!bin && optional) {
    console.warn("[with-postgres] PostgreSQL (initdb, pg_ctl) is not installed: running without it.");
    return run(process.exit, process.env);
  }
  if (!bin) {
    const note = "PostgreSQL (initdb, pg_ctl) is not installed: the PostgreSQL run is skipped. Install it with: sudo apt-get install -y postgresql";
    if (process.env.CI) {
      console.error(note.replace("is skipped", "cannot run in CI"));
      process.exit(1);
    }
    console.warn(`[with-postgres] ${note}`);
    return;
  }

  // initdb refuses to run as root: the cluster then belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? "postgres" : os.userInfo().username;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pierre-pg-"));
  const data = path.join(dir, "data");
  const as = (program: string, args: string[]) => {
    const full = path.join(bin, program);
    if (asRoot) execFileSync("runuser", ["-u", owner, "--", full, ...args], { stdio: ["ignore", "ignore", "inherit"] });
    else execFileSync(full, args, { stdio: ["ignore", "ignore", "inherit"] });
  };
  if (asRoot) execFileSync("chown", [owner, dir]);
  const port = await freePort();
  as("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  // Loopback only; a socket in the cluster's own folder, never the system's.
  as("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, "start"]);
  const stop = () => {
    try {
      as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already stopped.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`[with-postgres] a throwaway PostgreSQL cluster at ${url}`);
  run(
    (code) => {
      stop();
      process.exit(code);
    },
    { ...process.env, PIERRE_TEST_DATABASE_URL: url },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
