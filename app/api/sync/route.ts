import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/request";
import { AppError, withErrorResponse } from "@/lib/errors";
import { readOptionalJson } from "@/lib/http/body";
import { getRegistry } from "@/lib/providers";
import { syncUser } from "@/lib/sync/engine";
import { getSyncSettings } from "@/lib/sync/settings";

export const dynamic = "force-dynamic";

const body = z.object({ provider: z.string().min(1).optional() }).strict();

export const POST = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request, { changesState: true });
  const json = await readOptionalJson(request, 'e.g. {"provider": "strava"}, or empty to sync everything');
  let provider: string | undefined;
  if (json !== undefined) {
    const parsed = body.safeParse(json);
    if (!parsed.success) throw new AppError("bad_request", 'Invalid body: only an optional "provider" string is accepted.');
    provider = parsed.data.provider;
  }
  const registry = getRegistry();
  if (provider && !registry.isSupported(provider)) throw registry.unsupportedError(provider);
  const run = await syncUser(registry, user.id, getSyncSettings(), { provider, manual: true });
  return Response.json({ success: true, ...run });
});
