import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "@/lib/config";
import { getStore } from "@/lib/db";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transporter: Transporter | undefined;

/**
 * Sends through `PIERRE_SMTP_URL` when it is set. Without it, mail is kept in the outbox table:
 * development and the demo show it at /dev/outbox; a production server without SMTP logs that mail
 * is not delivered (admins are then made with `npm run admin:create`).
 */
export async function sendMail(mail: Mail): Promise<void> {
  const config = getConfig();
  if (config.smtpUrl) {
    transporter ??= nodemailer.createTransport(config.smtpUrl);
    await transporter.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  await getStore().transaction(({ db, t }) => db.insert(t.outbox).values({ recipient: mail.to, subject: mail.subject, body: mail.text }));
  if (config.strict) console.warn("[pierre] a mail was kept in the outbox: set PIERRE_SMTP_URL to deliver mail");
}

/** Whether /dev/outbox shows the outbox: never on a production server. */
export function outboxVisible(): boolean {
  return !getConfig().strict;
}

export async function listOutbox(limit = 50) {
  const { db, t } = getStore();
  const { desc } = await import("drizzle-orm");
  return db.select().from(t.outbox).orderBy(desc(t.outbox.createdAt)).limit(limit);
}
