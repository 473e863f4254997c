import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { getRegistry } from "@/lib/providers";
import { getWorkoutStreams } from "@/lib/streams/service";

export const dynamic = "force-dynamic";

/** The workout's time series and route, fetched from a source on first request and kept (for the page's charts and map). */
export const GET = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request);
  return Response.json(await getWorkoutStreams(getRegistry(), user.id, (await params).id));
});
