"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeToken } from "@/lib/auth/api-tokens";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { revokeAuthorizedApp } from "@/lib/mcp/oauth/apps";

export type CreateTokenResult = { ok: true; token: string; name: string } | { ok: false; error: string };

export async function createTokenAction(formData: FormData): Promise<CreateTokenResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session ended. Sign in again." };
  try {
    const { token, view } = await createApiToken(user.id, String(formData.get("name") ?? ""));
    revalidatePath("/settings/tokens");
    return { ok: true, token, name: view.name };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    throw error;
  }
}

export async function revokeTokenAction(tokenId: string): Promise<{ ok: boolean; error?: string }> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session ended. Sign in again." };
  try {
    await revokeToken(user.id, tokenId);
    revalidatePath("/settings/tokens");
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    throw error;
  }
}

/** Ends every token an app got through MCP authorization; it has to ask again. */
export async function revokeAppAction(clientId: string): Promise<{ ok: boolean; error?: string }> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session ended. Sign in again." };
  try {
    await revokeAuthorizedApp(user.id, clientId);
    revalidatePath("/settings/tokens");
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    throw error;
  }
}
