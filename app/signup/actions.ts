"use server";

import { headers } from "next/headers";
import { registerUser, SignUpError, type FieldErrors } from "@/lib/auth/accounts";
import { beforeSignUp } from "@/lib/auth/throttle";
import { getConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";

export type SignUpResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; formError?: string };

/** The same answer whether the address is new or taken: the owner learns which by mail. */
export async function signUpAction(formData: FormData): Promise<SignUpResult> {
  try {
    await beforeSignUp(clientAddress(await headers(), getConfig().trustedProxies));
    await registerUser({
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignUpError) return { ok: false, fieldErrors: error.fieldErrors };
    if (isAppError(error) && error.code === "rate_limited") return { ok: false, fieldErrors: {}, formError: error.message };
    console.error("[pierre] sign-up failed:", error instanceof Error ? error.name : "unknown error");
    return { ok: false, fieldErrors: {}, formError: "Your account could not be created. Please try again." };
  }
}
