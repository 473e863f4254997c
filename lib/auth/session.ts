import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { loadSessionUser, type SessionUser } from "./accounts";
import { getAuthOptions } from "./options";

/**
 * The signed-in user of this request, read fresh from the database: a session that was signed out
 * (here or everywhere), has expired, or belongs to a deleted user is no session.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const sid = (session as { sid?: unknown } | null)?.sid;
  const user = typeof sid === "string" ? await loadSessionUser(sid) : null;
  return user && user.id === (session?.user as { id?: string } | undefined)?.id ? user : null;
}

/** Pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Route handlers: the signed-in user, or a 401 AppError. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in first.");
  return user;
}
