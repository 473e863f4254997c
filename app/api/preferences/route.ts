import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { getSourcePriority, setSourcePriority } from "@/lib/feed/corrections";
import { readJson } from "@/lib/http/body";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

const body = z.object({ sourcePriority: z.array(z.string().min(1).max(64)).max(64).nullable() }).strict();

export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  return Response.json({ success: true, result: await getSourcePriority(user.id) });
});

/** `sourcePriority`: whose version of a merged workout is shown first (null: the deployment's order). */
export const PATCH = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request, { changesState: true });
  const { sourcePriority } = await readJson(request, body, 'e.g. {"sourcePriority": ["strava", "garmin"]} or {"sourcePriority": null}');
  await setSourcePriority(getRegistry(), user.id, sourcePriority);
  return Response.json({ success: true, result: await getSourcePriority(user.id) });
});
