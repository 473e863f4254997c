import "server-only";
import { describeError } from "@/lib/errors";
import { getRegistry } from "@/lib/providers";
import { syncUser } from "./engine";
import { getSyncSettings } from "./settings";

/** Right after a connection: fill the feed without making the person wait on the redirect. */
export function startSyncInBackground(userId: string, provider: string): void {
  syncUser(getRegistry(), userId, getSyncSettings(), { provider }).catch((error) =>
    console.error(`[pierre] background sync of ${provider} failed:`, describeError(error)),
  );
}
