/**
 * `npm run demo`: the provider sandbox and the app together on embedded defaults — SQLite in
 * ./data, generated development secrets, every provider pointed at the sandbox with sandbox
 * credentials — so a newcomer can connect every card with no .env. The app runs as a production
 * build (built once into .next-demo, again only when the sources change), so pages open at once
 * with no development overlay.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createAdmin } from "../lib/auth/admins";
import { getStore } from "../lib/db";
import { sandboxProviderEnv } from "../sandbox/env";
import { startSandbox } from "../sandbox/server";
import { demoAdmin } from "./demo-admin";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const root = path.resolve(__dirname, "..");
const distDir = ".next-demo";
const sources = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

export { demoAdmin };

/** The newest modification time under the app's sources. */
function newestSource(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(full).reduce((newest, name) => Math.max(newest, newestSource(path.join(entry, name))), stat.mtimeMs);
}

function buildIfStale(env: NodeJS.ProcessEnv) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map(newestSource))) return;
  console.log("Building the app for the demo (the first time takes a few minutes)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) throw new Error("next build failed; see above.");
}

async function main() {
  process.env.PIERRE_DEMO = "1";
  await createAdmin(demoAdmin);
  await getStore().close();
  const baseUrl = process.env.PIERRE_BASE_URL ?? `http://localhost:${appPort}`;
  // The sandbox's providers send their webhooks to the app, as the real ones would.
  const sandbox = await startSandbox({ port: sandboxPort, appUrl: baseUrl });
  console.log(`Provider sandbox: ${sandbox.url}`);
  const env: NodeJS.ProcessEnv = {
    ...sandboxProviderEnv(sandbox.url),
    // Anything set explicitly wins over the demo defaults.
    ...process.env,
    PIERRE_DEMO: "1",
    PIERRE_BASE_URL: baseUrl,
    NODE_ENV: "production",
    // The demo's build has its own folder so `npm test` can build and run beside it.
    PIERRE_NEXT_DIST_DIR: distDir,
  };
  try {
    buildIfStale(env);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const app = spawn("npx", ["next", "start", "-p", String(appPort)], { cwd: root, stdio: "inherit", env });
  console.log(`Pierre Connect: ${baseUrl} (create an account, then connect any provider)`);
  console.log(`Administrator: ${demoAdmin.email} / ${demoAdmin.password} · mail the demo would send: ${baseUrl}/dev/outbox`);
  console.log(`Record a workout at a provider (its webhook reaches the open dashboard within seconds): ${sandbox.url}/record`);
  const stop = async () => {
    app.kill("SIGTERM");
    await sandbox.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", async (code) => {
    await sandbox.close();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
