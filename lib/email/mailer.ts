// Email over SMTP with nodemailer, configured by environment (README "Email"):
//   SMTP_URL   e.g. smtp://user:password@mail.example.gov.uk:587 (smtps:// for implicit TLS). Unset: no email is
//              sent; messages are held in the outbox that administrators can read (/admin/outbox).
//   MAIL_FROM  the sender, default "Members' Requests <no-reply@members-requests.invalid>".
import "server-only";
import nodemailer from "nodemailer";

export type OutgoingEmail = { to: string; subject: string; text: string; replyTo?: string };
export type Mailer = { send(message: OutgoingEmail): Promise<void>; describe: string };

export const DEFAULT_FROM = "Members' Requests <no-reply@members-requests.invalid>";

export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  const from = env.MAIL_FROM?.trim() || DEFAULT_FROM;
  return {
    describe: url.replace(/\/\/[^@/]*@/, "//***@"),
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      });
    },
  };
}
