import "server-only";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { findUserByEmail, findUserById, insertUser } from "@/lib/db/queries";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

export const signUpSchema = z.object({
  name: z.string().trim().max(100, "Name must be at most 100 characters.").optional().transform((v) => v || null),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address, like you@example.com.")),
  password: z
    .string()
    .min(1, "Enter a password.")
    .min(8, "Password must be at least 8 characters.")
    .max(200, "Password must be at most 200 characters."),
});

export type SignUpInput = z.input<typeof signUpSchema>;
export type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

export class SignUpError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join(" "));
    this.name = "SignUpError";
  }
}

export type Role = User["role"];

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** Admin if listed in PIERRE_ADMIN_EMAILS (checked on every request) or stored as admin. */
export function effectiveRole(user: Pick<User, "email" | "role">): Role {
  return getConfig().adminEmails.has(user.email.toLowerCase()) ? "admin" : user.role;
}

export function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: effectiveRole(user) };
}

export async function registerUser(input: SignUpInput): Promise<SessionUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof FieldErrors;
      fieldErrors[field] ??= issue.message;
    }
    throw new SignUpError(fieldErrors);
  }
  const { email, password, name } = parsed.data;
  if (await findUserByEmail(email)) throw new SignUpError({ email: "An account with this email already exists. Sign in instead." });
  const passwordHash = await hashPassword(password);
  try {
    return toSessionUser(await insertUser({ email, name, passwordHash }));
  } catch (error) {
    // Two sign-ups for one email at once: the unique index decides, the loser gets the same message.
    if (error instanceof Error && /UNIQUE|unique constraint/i.test(error.message)) {
      throw new SignUpError({ email: "An account with this email already exists. Sign in instead." });
    }
    throw error;
  }
}

/** The user for a correct email + password, else null; as slow for unknown emails as for known ones. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await findUserByEmail(email.trim().toLowerCase());
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  return user && valid ? toSessionUser(user) : null;
}

export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const user = await findUserById(id);
  return user ? toSessionUser(user) : null;
}

export function requireRole(user: SessionUser, role: Role): void {
  if (role === "admin" && user.role !== "admin") throw new AppError("forbidden", "This page is for administrators.");
}
