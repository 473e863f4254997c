import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { forgetCorrections } from "@/lib/feed/corrections";

export const dynamic = "force-dynamic";

/** "Let Pierre decide": forgets the person's split and merge verdicts on this workout. */
export const DELETE = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRequestUser(request, { changesState: true });
  return Response.json({ success: true, result: await forgetCorrections(user.id, (await params).id) });
});
