import { requireRequestUser } from "@/lib/auth/request";
import { listProviderStatuses } from "@/lib/connections/service";
import { withErrorResponse } from "@/lib/errors";
import { getRegistry } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const user = await requireRequestUser(request);
  const statuses = await listProviderStatuses(getRegistry(), user.id);
  return Response.json({ providers: Object.fromEntries(statuses.map(({ id, ...status }) => [id, status])) });
});
