/**
 * `npm run demo`: the provider sandbox and the app together on embedded defaults — SQLite in
 * ./data, generated development secrets, every provider pointed at the sandbox with sandbox
 * credentials — so a newcomer can connect every card with no .env.
 */
import { spawn } from "node:child_process";
import { createAdmin } from "../lib/auth/admins";
import { getStore } from "../lib/db";
import { sandboxProviderEnv } from "../sandbox/env";
import { startSandbox } from "../sandbox/server";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

/** The demo's documented administrator (README): the admin page is reachable from the first minute. */
export const demoAdmin = { email: "admin@demo.local", password: "demo-admin-password" };

async function main() {
  process.env.PIERRE_DEMO = "1";
  await createAdmin(demoAdmin);
  await getStore().close();
  const sandbox = await startSandbox({ port: sandboxPort });
  console.log(`Provider sandbox: ${sandbox.url}`);
  const baseUrl = process.env.PIERRE_BASE_URL ?? `http://localhost:${appPort}`;
  const app = spawn("npx", ["next", "dev", "-p", String(appPort)], {
    stdio: "inherit",
    env: {
      ...sandboxProviderEnv(sandbox.url),
      // Anything set explicitly wins over the demo defaults.
      ...process.env,
      PIERRE_DEMO: "1",
      PIERRE_BASE_URL: baseUrl,
      // The demo's dev server builds into its own folder so `npm test` can run beside it.
      PIERRE_NEXT_DIST_DIR: ".next-demo",
    },
  });
  console.log(`Pierre Connect: ${baseUrl} (create an account, then connect any provider)`);
  console.log(`Administrator: ${demoAdmin.email} / ${demoAdmin.password} · mail the demo would send: ${baseUrl}/dev/outbox`);
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
