import type { Metadata } from "next";
import Link from "next/link";
import { confirmEmail } from "@/lib/auth/verification";

export const metadata: Metadata = { title: "Confirm your address" };
export const dynamic = "force-dynamic";

const messages = {
  verified: { title: "Your address is confirmed", text: "You can sign in now." },
  invalid: { title: "This link does not work", text: "It was already used or is not one we sent. Sign in to get a new one." },
  expired: { title: "This link has expired", text: "Links work for 24 hours. Sign in to get a new one." },
} as const;

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const outcome = typeof token === "string" && token.length <= 100 ? await confirmEmail(token) : "invalid";
  const message = messages[outcome];
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{message.title}</h1>
      <p className="text-slate-700">{message.text}</p>
      <Link href="/signin" className="btn-primary inline-block">
        Sign in
      </Link>
    </section>
  );
}
