import "server-only";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { findUserByEmail, insertUser } from "@/lib/db/queries";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { findSessionUser } from "./sessions";
import { sendAlreadyRegistered, sendVerificationLink } from "./verification";

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

/**
 * Admin when stored as admin (`npm run admin:create`), or when listed in PIERRE_ADMIN_EMAILS and
 * the person has proven they own that address: registering it first is not enough.
 */
export function effectiveRole(user: Pick<User, "email" | "role" | "emailVerifiedAt">): Role {
  if (user.role === "admin") return "admin";
  return user.emailVerifiedAt && getConfig().adminEmails.has(user.email.toLowerCase()) ? "admin" : "user";
}

export function toSessionUser(user: User): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: effectiveRole(user) };
}

/**
 * Creates an account that is usable once its address is confirmed, and mails the link. An address
 * that already has an account gets a mail saying so instead: the answer is the same either way, so
 * the form does not tell who is registered.
 */
export async function registerUser(input: SignUpInput): Promise<void> {
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
  // Hashed either way, so both answers take as long.
  const passwordHash = await hashPassword(password);
  if (await findUserByEmail(email)) return sendAlreadyRegistered(email);
  let user: User;
  try {
    user = await insertUser({ email, name, passwordHash });
  } catch (error) {
    // Two sign-ups for one email at once: the unique index decides; the other is told by mail.
    if (error instanceof Error && /UNIQUE|unique constraint/i.test(error.message)) return sendAlreadyRegistered(email);
    throw error;
  }
  await sendVerificationLink(user);
}

export class UnverifiedEmailError extends Error {
  constructor() {
    super("Confirm your email address first: we have sent you a new link.");
    this.name = "UnverifiedEmailError";
  }
}

/**
 * The user for a correct email + password, else null; as slow for unknown emails as for known
 * ones. Someone who knows the password of an unconfirmed account is sent a new link instead.
 */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await findUserByEmail(email.trim().toLowerCase());
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) return null;
  if (!user.emailVerifiedAt) {
    await sendVerificationLink(user);
    throw new UnverifiedEmailError();
  }
  return toSessionUser(user);
}

/** The person behind a session id from the cookie, if the session is still live. */
export async function loadSessionUser(sessionId: string): Promise<SessionUser | null> {
  const user = await findSessionUser(sessionId);
  return user ? toSessionUser(user) : null;
}

export function requireRole(user: SessionUser, role: Role): void {
  if (role === "admin" && user.role !== "admin") throw new AppError("forbidden", "This page is for administrators.");
}
