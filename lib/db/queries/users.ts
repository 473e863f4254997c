import "server-only";
import { eq } from "drizzle-orm";
import { getStore, type Sql } from "@/lib/db";
import type { User } from "@/lib/db/schema";

export async function findUserByEmail(email: string, sql: Sql = getStore()): Promise<User | undefined> {
  const { db, t } = sql;
  const [user] = await db.select().from(t.users).where(eq(t.users.email, email.toLowerCase())).limit(1);
  return user;
}

export async function findUserById(id: string, sql: Sql = getStore()): Promise<User | undefined> {
  const { db, t } = sql;
  const [user] = await db.select().from(t.users).where(eq(t.users.id, id)).limit(1);
  return user;
}

/** Inserts one row or throws (unique email); a single statement leaves nothing half-made. */
export async function insertUser(values: { email: string; name: string | null; passwordHash: string }): Promise<User> {
  return getStore().transaction(async ({ db, t }) => {
    const [user] = await db.insert(t.users).values({ ...values, email: values.email.toLowerCase() }).returning();
    return user!;
  });
}
