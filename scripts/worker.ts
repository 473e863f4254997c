/**
 * `npm run worker`: the background jobs and the sync schedule in a process of their own, for
 * deployments that run the web app with PIERRE_RUN_WORKER=0. Any number may run on one database;
 * jobs and scheduled syncs are claimed in the database, so each runs once.
 */
import { startBackgroundWork } from "../lib/background";
import { getConfig } from "../lib/config";
import { ConfigError } from "../lib/config/core";
import { getStore } from "../lib/db";
import { repairUngrouped } from "../lib/feed/regroup";
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
