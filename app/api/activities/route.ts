import { requireRequestUser } from "@/lib/auth/request";
import { withErrorResponse } from "@/lib/errors";
import { parseFeedQuery } from "@/lib/feed/params";
import { queryFeed } from "@/lib/feed/query";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  const registry = getRegistry();
  const query = parseFeedQuery(new URL(request.url).searchParams, registry);
  return Response.json(await queryFeed(registry, user.id, query));
});
