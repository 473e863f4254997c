import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { outboxVisible } from "@/lib/mail";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Create your account</h1>
      <SignUpForm outbox={outboxVisible() && !getConfig().smtpUrl} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
