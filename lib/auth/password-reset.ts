// Password reset by email (issue 13): a link valid for 60 minutes, used once, throttled, that tells nobody whether an
// address has an account. Only a hash of the token is stored; using it sets the new password and ends every session
// (the session version moves on, as after a password change); every other open link of the person stops working.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Mailer } from "@/lib/email/mailer";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export const RESET_MINUTES = 60;
/** At most this many links per person, and per client address, in an hour. */
export const RESET_PER_HOUR = 3;
const ADDRESS_PER_HOUR = 10;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export type FormResult = { errors: Record<string, string>; values: Record<string, string> };

const requestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address in the correct format, like name@council.gov.uk"),
});

function fieldErrors(e: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues) out[String(i.path[0] ?? "form")] ??= i.message;
  return out;
}

/** The reset email's text. */
export function resetEmailText(name: string, link: string): string {
  return [
    `Dear ${name},`,
    "",
    "Someone asked to reset the password of your Members' Requests account. If it was you, set a new password here:",
    "",
    link,
    "",
    `The link works once, for ${RESET_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
  ].join("\n");
}

/**
 * "Forgotten your password?": always the same answer (so it tells nobody whether the address has an account); the
 * email goes out only to an active account within the throttle. `mailer` null: nothing can be sent (no SMTP).
 */
export async function handleRequestReset(
  values: Record<string, string>,
  o: { mailer: Mailer | null; appUrl: string; from: string; now: Date },
): Promise<FormResult & { sent?: boolean }> {
  const parsed = requestSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, active: true },
  });
  const hourAgo = new Date(o.now.getTime() - 3_600_000);
  if (user?.active && o.mailer) {
    const [mine, fromAddress] = await Promise.all([
      prisma.passwordReset.count({ where: { userId: user.id, createdAt: { gt: hourAgo } } }),
      prisma.passwordReset.count({ where: { requestedFrom: o.from, createdAt: { gt: hourAgo } } }),
    ]);
    if (mine < RESET_PER_HOUR && fromAddress < ADDRESS_PER_HOUR) {
      const token = randomBytes(32).toString("base64url");
      await prisma.passwordReset.create({
        data: {
          userId: user.id,
          tokenHash: hashOf(token),
          requestedFrom: o.from,
          createdAt: o.now,
          expiresAt: new Date(o.now.getTime() + RESET_MINUTES * 60_000),
        },
      });
      const link = `${o.appUrl.replace(/\/$/, "")}/signin/reset?token=${token}`;
      try {
        await o.mailer.send({
          to: user.email,
          subject: "Reset your Members' Requests password",
          text: resetEmailText(user.name, link),
        });
      } catch (e) {
        console.error("[members-requests] the password reset email could not be sent:", e);
      }
    }
  }
  return { errors: {}, values: {}, sent: true };
}

/** Whether a reset link is still good (for the page to say so before the person types a password). */
export async function resetLinkValid(token: string, now: Date): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db().passwordReset.findUnique({ where: { tokenHash: hashOf(token) } });
  return !!row && !row.usedAt && row.expiresAt > now;
}

const resetSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid"),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Enter a new password of at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Enter a new password of 200 characters or fewer"),
    confirmPassword: z.string().min(1, "Confirm your new password"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords you entered do not match",
  });

/** Sets the new password from a reset link: once, before it expires; every session ends. */
export async function handleResetPassword(
  values: Record<string, string>,
  now: Date,
): Promise<FormResult & { done?: boolean }> {
  const parsed = resetSchema.safeParse(values);
  const kept = { token: values.token ?? "" };
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: kept };
  const prisma = db();
  const expired = {
    errors: { form: "This link has expired or has already been used. Ask for a new one." },
    values: kept,
  };
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return prisma.$transaction(async (tx) => {
    // Claimed in one statement: two uses of the same link cannot both succeed.
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash: hashOf(parsed.data.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return expired;
    const row = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashOf(parsed.data.token) } });
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { active: true } });
    if (!user?.active) return expired;
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    // Any other link of the person stops working too.
    await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    return { errors: {}, values: {}, done: true };
  });
}
