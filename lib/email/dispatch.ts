// The email side of notifications (docs/decisions/0007). Every Notification row is written in the same transaction
// as the step it reports, with emailStatus PENDING: a transactional outbox, so no email is lost when SMTP is down
// and none is sent for a step that rolled back. dispatchEmails() claims a batch with FOR UPDATE SKIP LOCKED (so
// several workers never send one email twice), sends each, and records the result:
//   SENT     delivered to the SMTP server
//   HELD     no SMTP server is configured: kept in the outbox page for administrators
//   PENDING  a send failed; retried on the next run, up to MAX_ATTEMPTS
//   FAILED   gave up after MAX_ATTEMPTS (the error is kept)
//   SKIPPED  the recipient's account is deactivated
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister } from "@/lib/admin/audit";
import { asRecipientMaySee } from "@/lib/notifications/redact";
import { boundedInstant, isId, oneLine } from "@/lib/validation";
import type { Mailer } from "./mailer";
import { replyAddress, replyDomain } from "./reply-address";
import { db } from "@/lib/db";

export const MAX_ATTEMPTS = 5;
const STALE_SENDING_MINUTES = 10;

export type DispatchResult = { sent: number; held: number; failed: number; retried: number; skipped: number };

export function emailText(
  n: { title: string; body: string; requestId: string | null },
  recipient: string,
  councilName: string,
  appUrl: string,
  repliesByEmail = false,
): string {
  const lines = [`Dear ${recipient},`, "", n.title];
  if (n.body.trim()) lines.push("", n.body.trim());
  if (n.requestId) lines.push("", `See the request: ${appUrl.replace(/\/$/, "")}/requests/${n.requestId}`);
  lines.push(
    "",
    `Members' Requests — ${councilName}`,
    repliesByEmail
      ? "Reply to this email to add your reply to the request: keep your message above the quoted text."
      : "This email was sent automatically. Reply through the service, not to this email.",
  );
  return lines.join("\n");
}

export async function dispatchEmails(
  mailer: Mailer | null,
  now: Date,
  opts: { limit?: number; appUrl?: string; councilId?: string } = {},
): Promise<DispatchResult> {
  const prisma = db();
  const limit = opts.limit ?? 50;
  const appUrl = opts.appUrl ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const result: DispatchResult = { sent: 0, held: 0, failed: 0, retried: 0, skipped: 0 };
  const domain = replyDomain();
  // A worker that died mid-send leaves rows SENDING: give them back after a while.
  await prisma.$executeRaw`UPDATE "Notification" SET "emailStatus" = 'PENDING'
    WHERE "emailStatus" = 'SENDING' AND "emailedAt" < ${new Date(now.getTime() - STALE_SENDING_MINUTES * 60_000)}`;
  const claimed = await prisma.$queryRaw<
    {
      id: string;
      userId: string;
      councilId: string;
      requestId: string | null;
      title: string;
      body: string;
      emailAttempts: number;
    }[]
  >`
    UPDATE "Notification" SET "emailStatus" = 'SENDING', "emailAttempts" = "emailAttempts" + 1, "emailedAt" = ${now}
    WHERE id IN (SELECT id FROM "Notification" WHERE "emailStatus" = 'PENDING' AND (${opts.councilId ?? null}::text IS NULL OR "councilId" = ${opts.councilId ?? null})
      AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Notification"."userId" AND u."emailFrequency" = 'DAILY')
      ORDER BY "createdAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "userId", "councilId", "requestId", title, body, "emailAttempts"`;
  if (claimed.length === 0) return result;
  const [users, councils] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.userId))] } },
      select: { id: true, name: true, email: true, active: true },
    }),
    prisma.council.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.councilId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const councilName = new Map(councils.map((c) => [c.id, c.name]));
  const readable = await asRecipientMaySee(claimed);
  const mark = (id: string, emailStatus: string, emailError: string | null) =>
    prisma.notification.update({ where: { id }, data: { emailStatus, emailError, emailedAt: now } });
  for (const n of readable) {
    const user = userById.get(n.userId);
    if (!user || !user.active) {
      await mark(n.id, "SKIPPED", "The recipient's account is deactivated.");
      result.skipped++;
      continue;
    }
    if (!mailer) {
      await mark(n.id, "HELD", "No SMTP server is configured (SMTP_URL), so this email is kept in the outbox.");
      result.held++;
      continue;
    }
    try {
      // Replies by email (lib/email/inbound.ts): a signed address for this request and this person.
      const replyTo = domain && n.requestId ? replyAddress(n.requestId, user.id, domain) : undefined;
      await mailer.send({
        to: user.email,
        subject: oneLine(n.title),
        text: emailText(n, user.name, councilName.get(n.councilId) ?? "", appUrl, !!replyTo),
        ...(replyTo ? { replyTo } : {}),
      });
      await mark(n.id, "SENT", null);
      result.sent++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const giveUp = n.emailAttempts >= MAX_ATTEMPTS;
      await mark(n.id, giveUp ? "FAILED" : "PENDING", message.slice(0, 500));
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

export type OutboxItem = {
  id: string;
  to: string;
  toName: string;
  /** Null when the administrator may not read this email's content (docs/decisions/0009). */
  subject: string | null;
  text: string | null;
  /** Whether it is about a request (what the page says when its content is not shown). */
  aboutRequest: boolean;
  status: string;
  error: string | null;
  attempts: number;
  createdAt: string;
  emailedAt: string | null;
};

const LEVEL_RANK = { FULL: 3, SUMMARY: 2, METADATA: 1 } as const;

/**
 * The council's outgoing email, newest first (administrators; keyset by createdAt/id). Subject and text are shown
 * only where the administrator could read the same in the service: their own emails, or emails about a request
 * they may see — at the lower of their level and the recipient's. Everything else is delivery metadata only.
 */
export async function listOutbox(
  viewer: Viewer,
  opts: { status?: string; before?: { at: Date; id: string } | null; take?: number },
  appUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000",
) {
  const prisma = db();
  const councilId = viewer.council.id;
  const take = opts.take ?? 25;
  const rows = await prisma.notification.findMany({
    where: {
      councilId,
      emailStatus: opts.status ? opts.status : { not: "NONE" },
      ...(opts.before
        ? {
            OR: [{ createdAt: { lt: opts.before.at } }, { createdAt: opts.before.at, id: { lt: opts.before.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      userId: true,
      requestId: true,
      kind: true,
      title: true,
      body: true,
      emailStatus: true,
      emailError: true,
      emailAttempts: true,
      createdAt: true,
      emailedAt: true,
    },
  });
  const page = rows.slice(0, take);
  const [users, council, asRecipient, asViewer] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: [...new Set(page.map((r) => r.userId))] } },
      select: { id: true, name: true, email: true },
    }),
    prisma.council.findUniqueOrThrow({ where: { id: councilId }, select: { name: true } }),
    asRecipientMaySee(page),
    asRecipientMaySee(page.map((r) => ({ ...r, userId: viewer.id }))),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const newcomers = mayAdminister(viewer)
    ? await neverSignedIn(
        councilId,
        page.filter((r) => isHeldInvitation(r) && r.userId !== viewer.id).map((r) => r.userId),
      )
    : new Set<string>();
  const items: OutboxItem[] = page.map((r, i) => {
    const own = r.userId === viewer.id;
    const mine = asViewer[i]!;
    const theirs = asRecipient[i]!;
    // The lower of the two levels decides what is shown; without a request, only one's own email — except an
    // invitation held for want of an email server, which the administrator must pass on by hand (its link is the
    // only way in for that person; the administrator invited them).
    const shown = own
      ? theirs
      : r.requestId && mine.level && theirs.level
        ? LEVEL_RANK[mine.level] < LEVEL_RANK[theirs.level]
          ? mine
          : theirs
        : isHeldInvitation(r) && newcomers.has(r.userId)
          ? theirs
          : null;
    const name = byId.get(r.userId)?.name ?? "A former user";
    return {
      id: r.id,
      to: byId.get(r.userId)?.email ?? "",
      toName: name,
      subject: shown ? oneLine(shown.title) : null,
      text: shown ? emailText(shown, name, council.name, appUrl) : null,
      aboutRequest: r.requestId !== null,
      status: r.emailStatus,
      error: r.emailError,
      attempts: r.emailAttempts,
      createdAt: r.createdAt.toISOString(),
      emailedAt: r.emailedAt?.toISOString() ?? null,
    };
  });
  const last = page.at(-1);
  return { items, next: rows.length > take && last ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

/** An invitation that could not be emailed (no email server configured). */
const isHeldInvitation = (r: { kind: string; requestId: string | null; emailStatus: string }) =>
  r.kind === "INVITATION" && !r.requestId && r.emailStatus === "HELD";

/**
 * Of these people of the council, those who have never got in: never signed in (password or single sign-on), never
 * used an invitation or a password reset. Only their held invitations are shown to an administrator — an
 * administrator who resent an invitation to someone already using the service could otherwise read the link and
 * take over that account.
 */
async function neverSignedIn(councilId: string, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const prisma = db();
  const [people, accepted] = await Promise.all([
    prisma.user.findMany({
      where: {
        id: { in: [...new Set(userIds)] },
        councilId,
        active: true,
        lastSignInAt: null,
        passwordResets: { none: { usedAt: { not: null } } },
      },
      select: { id: true },
    }),
    prisma.invitation.findMany({
      where: { councilId, userId: { in: userIds }, usedAt: { not: null } },
      select: { userId: true },
    }),
  ]);
  const used = new Set(accepted.map((a) => a.userId));
  return new Set(people.map((p) => p.id).filter((id) => !used.has(id)));
}

/** The outbox's "older emails" link value (createdAt_id), or null when it is not one of ours. */
export function parseOutboxCursor(s: string): { at: Date; id: string } | null {
  const [at, id, ...rest] = s.split("_");
  if (!at || !id || rest.length || !isId(id)) return null;
  const instant = boundedInstant(at);
  return instant ? { at: instant, id } : null;
}
