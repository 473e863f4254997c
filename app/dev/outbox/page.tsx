import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox, outboxVisible } from "@/lib/mail";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

/** Development and the demo send no real mail; this page shows what would have been sent. */
export default async function OutboxPage() {
  if (!outboxVisible()) notFound();
  const mails = await listOutbox();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="text-sm text-slate-700">
        No mail server is configured (<code>PIERRE_SMTP_URL</code>), so mail is kept here instead of being sent. This page exists only in
        development and the demo.
      </p>
      {mails.length === 0 ? (
        <p className="text-slate-700">No mail yet.</p>
      ) : (
        <ol className="space-y-3">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-md border border-slate-200 bg-white p-4" data-testid="outbox-mail">
              <p className="text-sm text-slate-700">
                To <strong>{mail.recipient}</strong> · {mail.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </p>
              <h2 className="mt-1 font-semibold">{mail.subject}</h2>
              <pre className="mt-2 whitespace-pre-wrap break-words text-sm">
                {mail.body.split(/(https?:\/\/\S+)/).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={i} href={part} className="text-brand-700 underline">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
