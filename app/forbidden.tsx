import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-bold">403 — Administrators only</h1>
      <p className="mt-3 text-slate-600">This page shows how the server is configured, so only administrators can see it.</p>
      <Link href="/dashboard" className="btn-secondary mt-6">
        Back to the dashboard
      </Link>
    </section>
  );
}
