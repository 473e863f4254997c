import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./browser";
import { freePort } from "./ports";
import { sandboxProviderEnv } from "../sandbox/env";
import { demoAdmin } from "../scripts/demo-admin";

/**
 * Browser tests run the production build (`next start`) against the provider sandbox, both on
 * free loopback ports, with a throwaway database per run. `E2E_ENGINE=postgres` runs the same tests
 * on PostgreSQL (a database on the server PIERRE_TEST_DATABASE_URL names, as scripts/with-postgres.ts
 * provides), the way a deployment of more than one machine runs: jobs in a worker process of their
 * own beside the web app.
 */
const root = path.resolve(__dirname, "..");
const appPort = freePort("E2E_APP_PORT");
const sandboxPort = freePort("E2E_SANDBOX_PORT");
process.env.E2E_RUN_ID ??= String(Date.now());

export const onPostgres = process.env.E2E_ENGINE === "postgres";
function databaseUrl(): string {
  if (!onPostgres) return `file:${path.join(root, ".e2e", process.env.E2E_RUN_ID!, "pierre.db")}`;
  const server = process.env.PIERRE_TEST_DATABASE_URL;
  if (!server) throw new Error("E2E_ENGINE=postgres needs PIERRE_TEST_DATABASE_URL (run it through scripts/with-postgres.ts)");
  const url = new URL(server);
  url.pathname = `/pierre_e2e_${process.env.E2E_RUN_ID}`;
  return url.toString();
}
const workerPort = onPostgres ? freePort("E2E_WORKER_PORT") : 0;

export const appUrl = `http://127.0.0.1:${appPort}`;
export const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
export const e2eAdminEmail = "admin@e2e.test";
/** A secret only the server knows; admin-page tests grep every answer for it. */
export const e2eKnownSecret = "sandbox-strava-secret";

process.env.E2E_APP_URL = appUrl;
process.env.E2E_SANDBOX_URL = sandboxUrl;

/** The app's environment; a second instance (e2e/second-instance.ts) starts with the same one on another port. */
export const appEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  ...sandboxProviderEnv(sandboxUrl),
  NODE_ENV: "production",
  PORT: String(appPort),
  PIERRE_BASE_URL: appUrl,
  DATABASE_URL: databaseUrl(),
  // On PostgreSQL the jobs run in `npm run worker`, started beside the app below.
  ...(onPostgres ? { PIERRE_RUN_WORKER: "0" } : {}),
  AUTH_SECRET: "e2e-auth-secret-that-is-long-enough-to-pass",
  PIERRE_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
  PIERRE_ADMIN_EMAILS: e2eAdminEmail,
  // The production build in demo mode: no mail server, so confirmation mail is read from /dev/outbox.
  PIERRE_DEMO: "1",
  // The browser reaches the app as if through a proxy on loopback: tests are visitors with addresses of their own.
  PIERRE_TRUSTED_PROXIES: "127.0.0.1,::1",
  // A failing provider should show its error quickly in tests, not after real-world back-off.
  PIERRE_SYNC_REQUEST_TIMEOUT_MS: "3000",
  // Syncs in tests are the ones tests ask for (connecting, webhooks, "Sync now"): the schedule waits a day.
  PIERRE_SYNC_INTERVAL_MINUTES: "1440",
  // No tile server is reachable here: maps draw the route outline alone.
  PIERRE_MAP_TILES: "off",
};

export default defineConfig({
  testDir: "./tests",
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  // One app, one sandbox, shared provider state: tests run one at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: path.join(root, "playwright-report") }]],
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: chromiumArgs() },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "npx tsx sandbox/main.ts",
      cwd: root,
      url: `${sandboxUrl}/health`,
      // The sandbox's providers send their webhooks to the app under test.
      env: { ...(process.env as Record<string, string>), SANDBOX_PORT: String(sandboxPort), SANDBOX_APP_URL: appUrl },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The demo's administrator exists before the app starts, as `npm run demo` makes it.
      command:
        `npx tsx scripts/create-database.ts && ` +
        `npx tsx --conditions=react-server scripts/admin-create.ts --email ${demoAdmin.email} --password ${demoAdmin.password} && ` +
        `npx next start -H 127.0.0.1 -p ${appPort}`,
      cwd: root,
      url: `${appUrl}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
    ...(onPostgres
      ? [
          {
            command: "npx tsx --conditions=react-server scripts/worker.ts",
            cwd: root,
            url: `http://127.0.0.1:${workerPort}/health`,
            env: { ...appEnv, PIERRE_WORKER_HEALTH_PORT: String(workerPort) },
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
