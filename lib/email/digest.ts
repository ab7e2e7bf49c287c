// Notification preferences (issue 13): a person chooses email at once (the default) or a daily digest. The outbox
// (lib/email/dispatch.ts) leaves a digest reader's notifications PENDING; once a day this job sends each such person
// one email listing them, each as they may read it now (lib/notifications/redact.ts), and marks them sent.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { asRecipientMaySee } from "@/lib/notifications/redact";
import { oneLine } from "@/lib/validation";
import type { Mailer } from "./mailer";

export const EMAIL_FREQUENCIES = {
  IMMEDIATE: "As each thing happens",
  DAILY: "Once a day, in one email",
} as const;
export type EmailFrequency = keyof typeof EMAIL_FREQUENCIES;

const preference = z.object({
  emailFrequency: z.enum(["IMMEDIATE", "DAILY"], "Choose how often we email you"),
});

/** The account page's preference form. */
export async function handleEmailPreference(
  viewer: Pick<Viewer, "id">,
  values: Record<string, string>,
): Promise<{ errors: Record<string, string>; saved?: boolean }> {
  const parsed = preference.safeParse(values);
  if (!parsed.success) return { errors: { emailFrequency: "Choose how often we email you" } };
  await db().user.update({ where: { id: viewer.id }, data: { emailFrequency: parsed.data.emailFrequency } });
  return { errors: {}, saved: true };
}

export async function emailFrequencyOf(viewer: Pick<Viewer, "id">): Promise<EmailFrequency> {
  const u = await db().user.findUnique({ where: { id: viewer.id }, select: { emailFrequency: true } });
  return (u?.emailFrequency as EmailFrequency) ?? "IMMEDIATE";
}

export function digestText(
  name: string,
  items: { title: string; requestId: string | null }[],
  councilName: string,
  appUrl: string,
): string {
  const base = appUrl.replace(/\/$/, "");
  return [
    `Dear ${name},`,
    "",
    `Here is what happened on your requests since the last summary (${items.length} ${items.length === 1 ? "update" : "updates"}):`,
    "",
    ...items.flatMap((i) => [
      `- ${oneLine(i.title)}`,
      ...(i.requestId ? [`  ${base}/requests/${i.requestId}`] : []),
    ]),
    "",
    `Members' Requests — ${councilName}`,
    "You get one email a day because of your choice on your account page. Change it there at any time.",
  ].join("\n");
}

/** Sends each digest reader one email with their waiting notifications; returns how many emails went. */
export async function dispatchDigests(
  mailer: Mailer | null,
  now: Date,
  opts: { appUrl?: string; councilId?: string } = {},
): Promise<{ emails: number; notifications: number }> {
  const prisma = db();
  const appUrl = opts.appUrl ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const claimed = await prisma.$queryRaw<
    { id: string; userId: string; councilId: string; requestId: string | null; title: string; body: string }[]
  >`
    UPDATE "Notification" SET "emailStatus" = 'SENDING', "emailAttempts" = "emailAttempts" + 1, "emailedAt" = ${now}
    WHERE id IN (SELECT n.id FROM "Notification" n JOIN "User" u ON u.id = n."userId"
      WHERE n."emailStatus" = 'PENDING' AND u."emailFrequency" = 'DAILY'
        AND (${opts.councilId ?? null}::text IS NULL OR n."councilId" = ${opts.councilId ?? null})
      ORDER BY n."createdAt", n.id LIMIT 5000 FOR UPDATE OF n SKIP LOCKED)
    RETURNING id, "userId", "councilId", "requestId", title, body`;
  if (!claimed.length) return { emails: 0, notifications: 0 };
  const readable = await asRecipientMaySee(claimed);
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(claimed.map((c) => c.userId))] } },
    select: { id: true, name: true, email: true, active: true, council: { select: { name: true } } },
  });
  let emails = 0;
  for (const u of users) {
    const mine = readable.filter((n) => n.userId === u.id);
    const ids = mine.map((n) => n.id);
    const mark = (emailStatus: string, emailError: string | null) =>
      prisma.notification.updateMany({
        where: { id: { in: ids } },
        data: { emailStatus, emailError, emailedAt: now },
      });
    if (!u.active) {
      await mark("SKIPPED", "The recipient's account is deactivated.");
      continue;
    }
    if (!mailer) {
      await mark("HELD", "No SMTP server is configured (SMTP_URL), so this email is kept in the outbox.");
      continue;
    }
    try {
      await mailer.send({
        to: u.email,
        subject: `Your daily summary from Members' Requests: ${mine.length} ${mine.length === 1 ? "update" : "updates"}`,
        text: digestText(u.name, mine, u.council.name, appUrl),
      });
      await mark("SENT", null);
      emails++;
    } catch (e) {
      await mark("PENDING", (e instanceof Error ? e.message : String(e)).slice(0, 500));
    }
  }
  return { emails, notifications: claimed.length };
}
