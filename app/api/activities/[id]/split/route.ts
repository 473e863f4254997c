import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { splitFromWorkout } from "@/lib/feed/corrections";
import { readJson } from "@/lib/http/body";

export const dynamic = "force-dynamic";

const body = z.object({ activityId: z.string().min(1).max(100) }).strict();

/** "Not the same workout": one record leaves this workout, for good. */
export const POST = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request, { changesState: true });
  const { activityId } = await readJson(request, body, 'e.g. {"activityId": "…"}');
  return Response.json({ success: true, result: await splitFromWorkout(user.id, activityId, (await params).id) });
});
