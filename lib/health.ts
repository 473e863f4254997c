import "server-only";
import { getDb } from "@/lib/db";
import { describeError } from "@/lib/errors";

export function checkHealth(): { status: "ok" | "error"; database: "ok" | "unreachable" } {
  try {
    getDb().$client.prepare("select 1").get();
    return { status: "ok", database: "ok" };
  } catch (error) {
    console.error("[pierre] health check failed:", describeError(error));
    return { status: "error", database: "unreachable" };
  }
}
