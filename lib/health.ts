import "server-only";
import { getJobQueue } from "@/lib/background/queue";
import { getConfig } from "@/lib/config";
import { getStore } from "@/lib/db";
import { describeError } from "@/lib/errors";

type Check = "ok" | "unreachable";

export interface Health {
  status: "ok" | "error";
  /** Which engine holds the data: the embedded SQLite file or a shared PostgreSQL server. */
  engine: "sqlite" | "postgres";
  database: Check;
  /** The job queue (a table beside the data on SQLite, pg-boss's schema on PostgreSQL). */
  queue: Check;
}

async function check(name: string, probe: () => Promise<void>): Promise<Check> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    console.error(`[pierre] health check: the ${name} is unreachable:`, describeError(error));
    return "unreachable";
  }
}

/** What a load balancer asks each instance: can it reach the database and the job queue. */
export async function checkHealth(): Promise<Health> {
  const engine = getConfig().database.engine;
  const [database, queue] = await Promise.all([check("database", () => getStore().ping()), check("job queue", () => getJobQueue().ping())]);
  return { status: database === "ok" && queue === "ok" ? "ok" : "error", engine, database, queue };
}
