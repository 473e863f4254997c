import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { getSourcePriority, setSourcePriority } from "@/lib/feed/corrections";
import { readJson } from "@/lib/http/body";
import { displayPreferencesInput, getDisplayPreferences, setDisplayPreferences } from "@/lib/preferences";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

const body = displayPreferencesInput.extend({ sourcePriority: z.array(z.string().min(1).max(64)).max(64).nullable() }).partial().strict();

async function current(userId: string) {
  return { ...(await getSourcePriority(userId)), display: await getDisplayPreferences(userId) };
}

export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  return Response.json({ success: true, result: await current(user.id) });
});

/**
 * `sourcePriority`: whose version of a merged workout is shown first (null: the deployment's order);
 * `units`, `weekStart` (0 Sunday … 6 Saturday) and `timeZone` (IANA, null: each workout's own).
 */
export const PATCH = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request, { changesState: true });
  const { sourcePriority, ...display } = await readJson(
    request,
    body,
    'e.g. {"sourcePriority": ["strava", "garmin"]}, {"sourcePriority": null} or {"units": "imperial", "weekStart": 0, "timeZone": "Europe/Paris"}',
  );
  if (sourcePriority !== undefined) await setSourcePriority(getRegistry(), user.id, sourcePriority);
  if (Object.keys(display).length > 0) await setDisplayPreferences(user.id, display);
  return Response.json({ success: true, result: await current(user.id) });
});
