import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <Link href="/dashboard" className="btn-secondary mt-6">
        Back to the dashboard
      </Link>
    </section>
  );
}
