import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { mergeWorkouts } from "@/lib/feed/corrections";
import { readJson } from "@/lib/http/body";

export const dynamic = "force-dynamic";

const body = z.object({ ids: z.array(z.string().min(1).max(100)).min(2).max(10) }).strict();

/** "Same workout": the listed workouts become one, and stay one through later syncs. */
export const POST = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request, { changesState: true });
  const { ids } = await readJson(request, body, 'e.g. {"ids": ["<workout id>", "<workout id>"]}');
  return Response.json({ success: true, result: await mergeWorkouts(user.id, ids) });
});
