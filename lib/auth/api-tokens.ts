import "server-only";
import { z } from "zod";
import { findActiveApiTokenOwner, insertApiToken, listApiTokens, revokeApiToken } from "@/lib/db/queries";
import type { ApiToken } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { randomToken, sha256Hex } from "@/lib/security/crypto";
import { toSessionUser, type SessionUser } from "./accounts";

/** Personal tokens look like `pc_<43 chars>`; the prefix makes a leaked one easy to recognise. */
const TOKEN_PREFIX = "pc_";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const nameSchema = z.string().trim().min(1, "Give the token a name, e.g. “Claude Desktop”.").max(60, "Token names are at most 60 characters.");

/** Creates a token; the value is returned this once and only its hash is stored. */
export async function createApiToken(userId: string, name: string): Promise<{ token: string; view: ApiTokenView }> {
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]!.message);
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const row = await insertApiToken({ userId, name: parsed.data, tokenHash: sha256Hex(token), tokenPrefix: token.slice(0, 10) });
  return { token, view: toView(row) };
}

function toView(row: ApiToken): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(userId: string): Promise<ApiTokenView[]> {
  return (await listApiTokens(userId)).map(toView);
}

export async function revokeToken(userId: string, tokenId: string): Promise<void> {
  if (!(await revokeApiToken(userId, tokenId))) throw new AppError("not_found", "That token does not exist or is already revoked.");
}

/** The user a bearer token belongs to; revoked or unknown tokens answer null at once. */
export async function authenticateToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const user = await findActiveApiTokenOwner(sha256Hex(token));
  return user ? toSessionUser(user) : null;
}
