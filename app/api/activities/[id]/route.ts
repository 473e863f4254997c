import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { getWorkoutDetail } from "@/lib/feed/workout-detail";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

/** One workout with each source's own record and why it is part of the workout. */
export const GET = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request);
  return Response.json(await getWorkoutDetail(getRegistry(), user.id, (await params).id));
});
