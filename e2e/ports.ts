import { execFileSync } from "node:child_process";

/**
 * A free TCP port, found synchronously (Playwright evaluates its config synchronously). The value
 * is stored in an env variable so the worker processes, which re-read the config, agree with it.
 */
export function freePort(envName: string): number {
  const existing = process.env[envName];
  if (existing) return Number(existing);
  const port = execFileSync(
    process.execPath,
    ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})"],
    { encoding: "utf8" },
  );
  process.env[envName] = port;
  return Number(port);
}
