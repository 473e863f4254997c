/**
 * A worker in a child process, for tests that kill one mid-job: it runs the app's own background
 * work against the database and sandbox named in its environment, and says when it is ready.
 */
import { startBackgroundWork } from "@/lib/background";
import { getStore } from "@/lib/db";

getStore();
startBackgroundWork({ pollMs: 50, schedulerTickMs: 3_600_000 });
process.stdout.write("ready\n");
