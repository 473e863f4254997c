import "server-only";
import { getStore } from "@/lib/db";
import { describeError } from "@/lib/errors";

export async function checkHealth(): Promise<{ status: "ok" | "error"; database: "ok" | "unreachable" }> {
  try {
    await getStore().ping();
    return { status: "ok", database: "ok" };
  } catch (error) {
    console.error("[pierre] health check failed:", describeError(error));
    return { status: "error", database: "unreachable" };
  }
}
