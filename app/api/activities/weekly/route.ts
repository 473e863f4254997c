import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { weeklyTrainingTime } from "@/lib/feed/query";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  return Response.json(await weeklyTrainingTime(user.id, 12));
});
