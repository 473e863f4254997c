import "server-only";
import { requestSync } from "@/lib/background/queue";
import { findConnection } from "@/lib/db/queries";
import { describeError } from "@/lib/errors";

/**
 * Right after a connection: its history import is queued as a job (the person is not kept waiting
 * on the redirect, and the import survives a restart).
 */
export function startSyncInBackground(userId: string, provider: string): void {
  void (async () => {
    const connection = await findConnection(userId, provider);
    if (connection) await requestSync({ connectionId: connection.id, reason: "connected" });
  })().catch((error) => console.error(`[pierre] queueing the first sync of ${provider} failed:`, describeError(error)));
}
