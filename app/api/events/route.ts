import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { liveEvents } from "@/lib/events/stream";

export const dynamic = "force-dynamic";

/** The signed-in person's live events (server-sent events): sync progress, new activities, connection changes. */
export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  return liveEvents(user.id, request);
});
