import "server-only";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "./accounts";
import { requireApiUser, requirePageUser } from "./session";
import { forbidden } from "next/navigation";

/** Route handlers: the signed-in admin; 401 signed out, 403 signed in without the role. */
export async function requireApiAdmin(): Promise<SessionUser> {
  const user = await requireApiUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Administrators only.");
  return user;
}

/** Pages: signed-out visitors go to sign-in; signed-in non-admins get the 403 page. */
export async function requirePageAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
