import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getStore } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { randomToken, sha256Hex } from "@/lib/security/crypto";

/** How long a confirmation link works. */
export const VERIFY_TTL_MS = 24 * 60 * 60_000;

/** Mails a single-use link that confirms the person owns the address. */
export async function sendVerificationLink(user: { id: string; email: string }): Promise<void> {
  const token = randomToken(32);
  await getStore().transaction(({ db, t }) =>
    db.insert(t.emailTokens).values({ tokenHash: sha256Hex(token), userId: user.id, purpose: "verify_email", expiresAt: new Date(Date.now() + VERIFY_TTL_MS) }),
  );
  const link = new URL(`/verify-email?token=${token}`, getConfig().baseUrl);
  await sendMail({
    to: user.email,
    subject: "Confirm your address for Pierre Connect",
    text: `Open this link to confirm your address and finish creating your Pierre Connect account:\n\n${link}\n\nThe link works once, for 24 hours. If you did not sign up, ignore this mail.`,
  });
}

/** Someone signed up with an address that already has an account: its owner is told, the form is not. */
export async function sendAlreadyRegistered(email: string): Promise<void> {
  const signIn = new URL("/signin", getConfig().baseUrl);
  await sendMail({
    to: email,
    subject: "You already have a Pierre Connect account",
    text: `Someone (perhaps you) tried to create a Pierre Connect account with this address, which already has one. Sign in at ${signIn}.\n\nIf it was not you, nothing has changed and you can ignore this mail.`,
  });
}

export type VerifyOutcome = "verified" | "invalid" | "expired";

/** Uses a confirmation link: the address counts as proven from now on. */
export async function confirmEmail(token: string): Promise<VerifyOutcome> {
  const tokenHash = sha256Hex(token);
  return getStore().transaction(async ({ db, t }) => {
    const [row] = await db.select().from(t.emailTokens).where(eq(t.emailTokens.tokenHash, tokenHash)).limit(1);
    if (!row || row.usedAt || row.purpose !== "verify_email") return "invalid";
    if (row.expiresAt.getTime() <= Date.now()) return "expired";
    const now = new Date();
    await db.update(t.emailTokens).set({ usedAt: now }).where(and(eq(t.emailTokens.tokenHash, tokenHash), isNull(t.emailTokens.usedAt)));
    await db.update(t.users).set({ emailVerifiedAt: now }).where(and(eq(t.users.id, row.userId), isNull(t.users.emailVerifiedAt)));
    return "verified";
  });
}
