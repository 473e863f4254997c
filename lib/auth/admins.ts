import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getStore } from "@/lib/db";
import { findUserByEmail } from "@/lib/db/queries";
import { hashPassword } from "./password";

const input = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("not an email address")),
  password: z.string().min(12, "must be at least 12 characters"),
  name: z.string().trim().max(100).optional(),
});

/**
 * Makes (or promotes) an administrator from the server's own shell: whoever can run this command
 * already controls the deployment, which is the proof an admin needs. The address counts as
 * confirmed and the password is set.
 */
export async function createAdmin(values: { email: string; password: string; name?: string }): Promise<{ email: string; created: boolean }> {
  const parsed = input.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  const { email, password, name } = parsed.data;
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(email);
  await getStore().transaction(async ({ db, t }) => {
    const now = new Date();
    if (existing) {
      await db.update(t.users).set({ role: "admin", passwordHash, emailVerifiedAt: existing.emailVerifiedAt ?? now }).where(eq(t.users.id, existing.id));
    } else {
      await db.insert(t.users).values({ email, name: name ?? null, passwordHash, role: "admin", emailVerifiedAt: now });
    }
  });
  return { email, created: !existing };
}
