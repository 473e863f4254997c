"use server";

import { registerUser, SignUpError, type FieldErrors } from "@/lib/auth/accounts";

export type SignUpResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; formError?: string };

export async function signUpAction(formData: FormData): Promise<SignUpResult> {
  try {
    await registerUser({
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignUpError) return { ok: false, fieldErrors: error.fieldErrors };
    console.error("[pierre] sign-up failed:", error instanceof Error ? error.name : "unknown error");
    return { ok: false, fieldErrors: {}, formError: "Your account could not be created. Please try again." };
  }
}
