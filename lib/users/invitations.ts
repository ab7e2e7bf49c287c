// Invitations by email (issue 15): an administrator creates a person and the service emails them a one-time link,
// valid for INVITATION_DAYS, to set their password. The email goes through the notification outbox (written in the
// same transaction as the person and the invitation, so it is sent — or held for the outbox page when no SMTP server
// is configured — exactly when they exist). Only a hash of the token is kept on the invitation (lib/admin/
// invitations.ts); a new link replaces every earlier one; the link works once; an expired or used link says so and
// tells the person whom to ask.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import {
  createInvitation,
  INVITATION_DAYS,
  INVITATION_TOKEN_PATTERN,
  invitationLink,
  invitationTokenHash,
} from "@/lib/admin/invitations";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { nudgeEmails } from "@/lib/jobs/nudge";
import { formatDateTime } from "@/lib/requests/describe";
import type { ActionState } from "@/lib/requests/action-specs";
import { TX_OPTIONS, type Tx } from "@/lib/requests/store";
import { zodFieldErrors } from "@/lib/requests/schema";
import { isId } from "@/lib/validation";
import { emailField, nameField, jobTitleField, rolesField, roleNames } from "./person-schema";

export { INVITATION_DAYS };

const appUrlOf = (appUrl?: string) => appUrl ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";

/** The invitation email (a notification: the outbox adds "Dear …" and the council's name). */
export function invitationEmail(o: {
  councilName: string;
  inviterName: string | null;
  link: string;
  expiresAt: Date;
}): { title: string; body: string } {
  return {
    title: `Set your password for Members' Requests at ${o.councilName}`,
    body: [
      `${o.inviterName ?? "Your council's user administrator"} has given you an account on Members' Requests, where the councillors and officers of ${o.councilName} make and handle requests.`,
      "",
      "Set your password here to start:",
      o.link,
      "",
      `The link works once, until ${formatDateTime(o.expiresAt.toISOString())}. If it has expired, ask ${o.inviterName ?? "your council's user administrator"} to send you a new one.`,
    ].join("\n"),
  };
}

/**
 * A new link for a person of the administrator's council, in the caller's transaction: every earlier unused link
 * of theirs stops working, the new one is emailed through the outbox. Returns the raw token (for tests and the
 * command line) and when it expires.
 */
export async function sendInvitation(
  tx: Tx,
  o: {
    council: { id: string; name: string };
    inviter: { id: string; name: string } | null;
    user: { id: string; name: string };
    now: Date;
    appUrl?: string;
  },
): Promise<{ token: string; expiresAt: Date }> {
  // Earlier links stop working: only the newest is ever valid (an accepted one stays, as the record of it).
  await tx.invitation.deleteMany({ where: { userId: o.user.id, usedAt: null } });
  const token = await createInvitation(tx, {
    councilId: o.council.id,
    userId: o.user.id,
    invitedById: o.inviter?.id ?? null,
    days: INVITATION_DAYS,
    now: o.now,
  });
  const expiresAt = new Date(o.now.getTime() + INVITATION_DAYS * 86_400_000);
  const email = invitationEmail({
    councilName: o.council.name,
    inviterName: o.inviter?.name ?? null,
    link: invitationLink(token, appUrlOf(o.appUrl)),
    expiresAt,
  });
  await tx.notification.create({
    data: {
      councilId: o.council.id,
      userId: o.user.id,
      requestId: null,
      kind: "INVITATION",
      title: email.title,
      body: email.body,
      // Read already: once the person is in, their notifications need not count it.
      readAt: o.now,
      createdAt: o.now,
    },
  });
  return { token, expiresAt };
}

const inviteSchema = z.object({
  name: nameField,
  email: emailField,
  jobTitle: jobTitleField,
  roles: rolesField,
});

/**
 * An administrator invites a person: the account (unusable until they set a password), the invitation and its
 * email, and the AdminEvent, in one transaction. Anyone else: not found.
 */
export async function handleInvitePerson(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
  appUrl?: string,
): Promise<ActionState & { id?: string; token?: string }> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  const taken = { email: "This email address already has an account. Enter a different one." };
  if (await db().user.findUnique({ where: { email: d.email }, select: { id: true } }))
    return { errors: taken, values };
  // Nobody can sign in with this: a password of random bytes nobody knows, until the person sets their own.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    const out = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          councilId: viewer.council.id,
          name: d.name,
          email: d.email,
          jobTitle: d.jobTitle || null,
          roles: d.roles,
          passwordHash,
          createdAt: now,
        },
        select: { id: true, name: true },
      });
      const inv = await sendInvitation(tx, {
        council: viewer.council,
        inviter: { id: viewer.id, name: viewer.name },
        user,
        now,
        appUrl,
      });
      await recordAdminChange(tx, viewer.council, viewer, {
        entity: "USER",
        entityId: user.id,
        action: "INVITE",
        summary: `Invited ${d.name} (${d.email}) as ${roleNames(viewer.council.profileKey, d.roles)}`,
        before: null,
        after: {
          name: d.name,
          email: d.email,
          jobTitle: d.jobTitle || null,
          roles: d.roles,
          invitationExpires: inv.expiresAt.toISOString(),
        },
      });
      return { id: user.id, token: inv.token };
    }, TX_OPTIONS);
    void nudgeEmails();
    return { errors: {}, values: {}, ...out };
  } catch (e) {
    // Two administrators inviting the same address at once: one wins.
    if (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002")
      return { errors: taken, values };
    throw e;
  }
}

/** A new link for a person who has not yet set their password: earlier links stop working. */
export async function handleResendInvitation(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
  appUrl?: string,
): Promise<ActionState & { id?: string; token?: string }> {
  if (!mayAdminister(viewer)) throw notFound("That person");
  const userId = values.userId ?? "";
  if (!isId(userId)) throw notFound("That person");
  const out = await db()
    .$transaction(async (tx) => {
      const user = await tx.user.findFirst({
        where: { id: userId, councilId: viewer.council.id },
        select: { id: true, name: true, email: true, active: true },
      });
      if (!user) throw notFound("That person");
      if (!user.active)
        throw new AppError("VALIDATION", "Reactivate this person before sending them an invitation.");
      // Set already, by an invitation or a password reset: a new link would only let someone else replace it.
      const [accepted, reset] = await Promise.all([
        tx.invitation.findFirst({
          where: { userId, councilId: viewer.council.id, usedAt: { not: null } },
          select: { id: true },
        }),
        tx.passwordReset.findFirst({ where: { userId, usedAt: { not: null } }, select: { id: true } }),
      ]);
      if (accepted || reset)
        throw new AppError(
          "VALIDATION",
          "This person has already set their password. If they have forgotten it, they can reset it from the sign-in page.",
        );
      const inv = await sendInvitation(tx, {
        council: viewer.council,
        inviter: { id: viewer.id, name: viewer.name },
        user,
        now,
        appUrl,
      });
      await recordAdminChange(tx, viewer.council, viewer, {
        entity: "INVITATION",
        entityId: user.id,
        action: "INVITE",
        summary: `Sent ${user.name} a new invitation link (earlier links no longer work)`,
        before: null,
        after: { email: user.email, invitationExpires: inv.expiresAt.toISOString() },
      });
      return { id: user.id, token: inv.token };
    }, TX_OPTIONS)
    .catch((e: unknown) => {
      if (e instanceof AppError && e.code === "VALIDATION") return { error: e.message };
      throw e;
    });
  if ("error" in out) return { errors: { form: out.error }, values };
  void nudgeEmails();
  return { errors: {}, values: {}, ...out };
}

export type InvitationState =
  | { state: "valid"; name: string; email: string; councilName: string; expiresAt: string }
  | { state: "expired"; councilName: string; inviterName: string | null }
  | { state: "used"; councilName: string }
  | { state: "unknown" };

/** What the invitation page says before the person types anything. */
export async function invitationState(token: string, now: Date): Promise<InvitationState> {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const prisma = db();
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: invitationTokenHash(token) } });
  if (!inv) return { state: "unknown" };
  const [user, council, inviter] = await Promise.all([
    prisma.user.findFirst({
      where: { id: inv.userId, councilId: inv.councilId },
      select: { name: true, email: true, active: true },
    }),
    prisma.council.findUnique({ where: { id: inv.councilId }, select: { name: true } }),
    inv.invitedById
      ? prisma.user.findFirst({
          where: { id: inv.invitedById, councilId: inv.councilId, active: true },
          select: { name: true },
        })
      : null,
  ]);
  if (!user || !council) return { state: "unknown" };
  if (inv.usedAt) return { state: "used", councilName: council.name };
  if (inv.expiresAt <= now || !user.active)
    return { state: "expired", councilName: council.name, inviterName: inviter?.name ?? null };
  return {
    state: "valid",
    name: user.name,
    email: user.email,
    councilName: council.name,
    expiresAt: inv.expiresAt.toISOString(),
  };
}

const acceptSchema = z
  .object({
    token: z.string().regex(INVITATION_TOKEN_PATTERN, "This link is not valid"),
    newPassword: z
      .string({ error: `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters` })
      .min(MIN_PASSWORD_LENGTH, `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Enter a password of 200 characters or fewer"),
    confirmPassword: z.string({ error: "Confirm your password" }).min(1, "Confirm your password"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords you entered do not match",
  });

export type AcceptResult = { errors: Record<string, string>; values: Record<string, string>; done?: boolean };

/**
 * Sets the person's password from their invitation link (signed out): once, before it expires, while their account
 * is active. The same password rules as a reset; any session they had ends.
 */
export async function handleAcceptInvitation(values: Record<string, string>, now: Date): Promise<AcceptResult> {
  const kept = { token: values.token ?? "" };
  const parsed = acceptSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values: kept };
  const expired = {
    errors: {
      form: "This invitation link has expired or has already been used. Ask your council's user administrator to send you a new one.",
    },
    values: kept,
  };
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const tokenHash = invitationTokenHash(parsed.data.token);
  return db()
    .$transaction(async (tx) => {
      // Claimed in one statement: two uses of the same link cannot both succeed.
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return expired;
      const inv = await tx.invitation.findUniqueOrThrow({ where: { tokenHash } });
      const user = await tx.user.findFirst({
        where: { id: inv.userId, councilId: inv.councilId },
        select: { id: true, name: true, active: true },
      });
      // Rolled back, so that the link is not spent on an account that cannot use it.
      if (!user?.active) throw new AppError("VALIDATION", expired.errors.form);
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await tx.invitation.deleteMany({ where: { userId: user.id, usedAt: null } });
      await recordAdminChange(tx, { id: inv.councilId }, user, {
        entity: "INVITATION",
        entityId: user.id,
        action: "ACCEPT",
        summary: `${user.name} accepted their invitation and set a password`,
      });
      return { errors: {}, values: {}, done: true };
    }, TX_OPTIONS)
    .catch((e: unknown) => {
      if (e instanceof AppError && e.code === "VALIDATION") return expired;
      throw e;
    });
}

/** The person's latest invitation, for their page: sent, expires, accepted. */
export async function invitationSummary(councilId: string, userId: string, now: Date) {
  const rows = await db().invitation.findMany({
    where: { councilId, userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 5,
    select: { createdAt: true, expiresAt: true, usedAt: true },
  });
  const accepted = rows.find((r) => r.usedAt);
  const pending = rows.find((r) => !r.usedAt);
  const reset = accepted
    ? null
    : await db().passwordReset.findFirst({ where: { userId, usedAt: { not: null } }, select: { id: true } });
  return {
    acceptedAt: accepted?.usedAt?.toISOString() ?? null,
    /** Set by the person: through an invitation or a password reset (no new invitation is sent then). */
    passwordSet: !!accepted || !!reset,
    pending: pending
      ? {
          sentAt: pending.createdAt.toISOString(),
          expiresAt: pending.expiresAt.toISOString(),
          expired: pending.expiresAt <= now,
        }
      : null,
  };
}
