import { requireRequestUser } from "@/lib/auth/request";
import { AppError, withErrorResponse } from "@/lib/errors";
import { trainingOverview } from "@/lib/feed/training";

export const dynamic = "force-dynamic";

/** Totals per week or month and sport (the person's first day of the week), and fitness, fatigue and form per day. */
export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  const groupBy = new URL(request.url).searchParams.get("groupBy") ?? "week";
  if (groupBy !== "week" && groupBy !== "month") throw new AppError("bad_request", "Invalid groupBy: must be week or month.");
  return Response.json(await trainingOverview(user.id, groupBy));
});
