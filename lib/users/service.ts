// User-account use cases. Each is one transaction; a user outside the actor's council is not found.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { canManageUsers } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError, notFound } from "@/lib/errors";
import { db } from "@/lib/db";

/** Deactivate or reactivate a user of the actor's council. Bumps the session version: their sessions end. */
export async function setUserActive(
  actor: Pick<Viewer, "id" | "roles" | "council">,
  userId: string,
  active: boolean,
) {
  const prisma = db();
  if (!canManageUsers(actor.roles)) throw notFound("That user");
  if (userId === actor.id && !active) {
    throw new AppError("VALIDATION", "You cannot deactivate your own account. Ask another user administrator.");
  }
  const res = await prisma.user.updateMany({
    where: { id: userId, councilId: actor.council.id },
    data: { active, sessionVersion: { increment: 1 } },
  });
  if (res.count === 0) throw notFound("That user");
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, active: true } });
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
