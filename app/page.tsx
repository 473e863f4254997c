import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";

export default async function HomePage() {
  if (await getSessionUser()) redirect("/dashboard");
  return (
    <section className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">All your workouts, in one place</h1>
      <p className="mt-4 text-lg text-slate-600">
        Connect Strava, Garmin, Fitbit, WHOOP, COROS, Polar and Terra, and read one feed where each workout appears once — whichever
        devices recorded it.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/signup" className="btn-primary">
          Create account
        </Link>
        <Link href="/signin" className="btn-secondary">
          Sign in
        </Link>
      </div>
    </section>
  );
}
