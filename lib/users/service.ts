// User-account use cases. Each is one transaction; a user outside the actor's council is not found.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { canManageUsers } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordAdminChange } from "@/lib/admin/audit";
import { isId } from "@/lib/validation";

/**
 * Deactivate or reactivate a user of the actor's council, in one transaction with its AdminEvent. Bumps the session
 * version and revokes their session rows: their sessions end at once. Deactivating also withdraws any invitation link
 * they have not used. Nothing they did is removed (history stays on the records).
 */
export async function setUserActive(
  actor: Pick<Viewer, "id" | "roles" | "council">,
  userId: string,
  active: boolean,
  now = new Date(),
) {
  const prisma = db();
  if (!canManageUsers(actor.roles) || !isId(userId)) throw notFound("That user");
  if (userId === actor.id && !active) {
    throw new AppError("VALIDATION", "You cannot deactivate your own account. Ask another user administrator.");
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: { id: userId, councilId: actor.council.id },
      select: { id: true, name: true, active: true },
    });
    if (!before) throw notFound("That user");
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    if (!active) await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
    if (before.active !== active)
      await recordAdminChange(tx, actor.council, actor, {
        entity: "USER",
        entityId: userId,
        action: active ? "REACTIVATE" : "DEACTIVATE",
        summary: active
          ? `Reactivated ${before.name}`
          : `Deactivated ${before.name}: signed out everywhere, history kept`,
        before: { active: before.active },
        after: { active },
      });
    return { id: before.id, name: before.name, active };
  });
}

/** Change one's own password. Every session of the user ends, including this one. */
export async function changePassword(actor: Pick<Viewer, "id">, currentPassword: string, newPassword: string) {
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true, sessionVersion: true },
  });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION", "Your current password is not correct", {
      currentPassword: "Your current password is not correct",
    });
  }
  const passwordHash = await hashPassword(newPassword);
  // Conditional on the version read above, so two concurrent changes cannot both win.
  const res = await prisma.user.updateMany({
    where: { id: actor.id, sessionVersion: user.sessionVersion },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (res.count === 0)
    throw new AppError("CONFLICT", "Your account changed while you were doing this. Sign in again and retry.");
}
