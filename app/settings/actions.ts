"use server";

import { revokeAllSessions } from "@/lib/auth/sessions";
import { getSessionUser } from "@/lib/auth/session";

/** Ends every session of this person, on every device; the browser then signs out locally. */
export async function signOutEverywhereAction(): Promise<{ ended: number }> {
  const user = await getSessionUser();
  if (!user) return { ended: 0 };
  return { ended: await revokeAllSessions(user.id) };
}
