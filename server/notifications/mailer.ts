/**
 * E-mailed copies of inbox messages go through SMTP when SMTP_URL is set; without it there is no mailer and the
 * inbox is the only channel. The outbox worker takes a TMailer, so tests pass a fake one.
 */
import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import type { TEnv } from "@/server/env";

export type TMail = {
  to: string;
  subject: string;
  text: string;
  /**
   * Names this copy (outbox row and person) the same on every attempt; the Message-ID is made of it, so a copy sent
   * twice (a crash between SMTP accepting it and the worker recording it) says so to mail systems, and the replicas
   * test can count each copy by it.
   */
  copyKey: string;
};
export type TMailer = { send: (mail: TMail) => Promise<void> };

export function createMailer(env: Pick<TEnv, "SMTP_URL" | "SMTP_FROM">): TMailer | null {
  if (!env.SMTP_URL || !env.SMTP_FROM) return null;
  const from = env.SMTP_FROM;
  // Short timeouts (nodemailer waits up to 10 minutes on a silent socket by default): the worker leases the rows
  // it is e-mailing for a few minutes, and a send must give up well before another replica may take them over.
  // Options in the URL's query (e.g. ?tls.rejectUnauthorized=false) still apply and win.
  const transport = nodemailer.createTransport(
    new SMTPTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
  );
  const domain = senderDomain(from);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.copyKey}@${domain}>` });
    },
  };
}

/** The domain of the sender's address ("OneDoor <no-reply@example.org>" → example.org): where Message-IDs are made. */
export function senderDomain(from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1];
  return domain && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(domain) ? domain : "onedoor.invalid";
}
