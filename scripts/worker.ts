/**
 * `npm run worker`: the background jobs and the sync schedule in a process of their own, for
 * deployments that run the web app with PIERRE_RUN_WORKER=0. Any number may run on one database;
 * jobs and scheduled syncs are claimed in the database, so each runs once.
 */
import http from "node:http";
import { startBackgroundWork } from "../lib/background";
import { getConfig } from "../lib/config";
import { ConfigError } from "../lib/config/core";
import { getStore } from "../lib/db";
import { repairUngrouped } from "../lib/feed/regroup";
import { checkHealth } from "../lib/health";
import { getProviderCatalog } from "../lib/providers";
import { getSyncSettings } from "../lib/sync/settings";

async function main() {
  try {
    getConfig();
    getProviderCatalog();
    const settings = getSyncSettings();
    await repairUngrouped(getStore());
    const work = startBackgroundWork({ concurrency: Number(process.env.PIERRE_WORKER_CONCURRENCY ?? 4) || 4 });
    console.log(`[pierre] worker ${process.pid} running jobs; syncs every ${settings.intervalMinutes} min`);
    // An orchestrator asks a worker what it asks the app: can it reach the database and the queue.
    const healthPort = Number(process.env.PIERRE_WORKER_HEALTH_PORT ?? 0);
    if (healthPort > 0) {
      http
        .createServer((request, response) => {
          if (request.url !== "/health") return void response.writeHead(404).end();
          void checkHealth().then((health) => {
            response.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ...health, busy: work.busy }));
          });
        })
        .listen(healthPort, process.env.PIERRE_WORKER_HEALTH_HOST ?? "127.0.0.1");
    }
    const stop = async (signal: string) => {
      console.log(`[pierre] worker stopping (${signal}); waiting for the jobs under way`);
      await work.stop();
      await getStore().close();
      process.exit(0);
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[pierre] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
