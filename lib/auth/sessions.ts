// Server-side session records (docs/decisions/0003): the session cookie is a signed JWT that carries a session id;
// the row decides whether it is still live. Signing out revokes the row, so a copied cookie stops working at once.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** How long a session lasts from sign-in, however often it is used (the cookie's own expiry slides). */
export const SESSION_HOURS = 12;

/** How a person signed in: with their password here, or with their council account (OpenID Connect). */
export type SignInMethod = "PASSWORD" | "SSO";

export async function openSession(
  userId: string,
  now = new Date(),
  method: SignInMethod = "PASSWORD",
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // Kept on the person (sessions are purged): whether someone has ever signed in decides what an administrator may
  // see of their invitations (lib/email/dispatch.ts). Written first, on its own (one statement, no transaction
  // holding the session's row lock on the person while it waits), so a session never exists without it.
  await db().user.updateMany({ where: { id: userId }, data: { lastSignInAt: now } });
  await db().session.create({
    data: { id, userId, method, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) },
  });
  return id;
}

export async function revokeSession(id: string, now = new Date()): Promise<void> {
  await db().session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of a person (deactivation, password change, password reset). */
export async function revokeAllSessions(userId: string, now = new Date()): Promise<void> {
  await db().session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

export async function isSessionLive(id: string, now = new Date()): Promise<boolean> {
  const s = await db().session.findUnique({ where: { id }, select: { revokedAt: true, expiresAt: true } });
  return !!s && !s.revokedAt && s.expiresAt > now;
}

/** Forgets sessions that ended more than a day ago (run daily by the job queue). */
export async function purgeEndedSessions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 86_400_000);
  const r = await db().session.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  return r.count;
}

/** A person's sessions that are still live (when and how each began), for their administration page. */
export async function liveSessions(
  userId: string,
  now = new Date(),
): Promise<{ startedAt: Date; expiresAt: Date; method: SignInMethod }[]> {
  const rows = await db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { createdAt: true, expiresAt: true, method: true },
  });
  return rows.map((s) => ({
    startedAt: s.createdAt,
    expiresAt: s.expiresAt,
    method: s.method === "SSO" ? "SSO" : "PASSWORD",
  }));
}
