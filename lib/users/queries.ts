// The user list for a council's user administrators: searchable, paginated, scoped to the council.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isId, literalLike } from "@/lib/validation";
import { openWorkOf, reassignmentChoices } from "./people";

export const USERS_PAGE_SIZE = 25;

export async function listCouncilUsers(viewer: Pick<Viewer, "council">, opts: { q: string; page: number }) {
  const prisma = db();
  const where = {
    councilId: viewer.council.id,
    ...(opts.q
      ? {
          OR: [
            { name: { contains: literalLike(opts.q), mode: "insensitive" as const } },
            { email: { contains: literalLike(opts.q), mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, roles: true, jobTitle: true, active: true },
    }),
  ]);
  // Whether each has yet to accept an invitation (for the list's status): one query for the page.
  const invitations = await prisma.invitation.findMany({
    where: { councilId: viewer.council.id, userId: { in: users.map((u) => u.id) } },
    select: { userId: true, usedAt: true, expiresAt: true },
  });
  const now = new Date();
  const withInvitation = users.map((u) => {
    const mine = invitations.filter((i) => i.userId === u.id);
    const pending = mine.find((i) => !i.usedAt);
    const invitation: "INVITED" | "EXPIRED" | null =
      !u.active || !pending || mine.some((i) => i.usedAt) ? null : pending.expiresAt > now ? "INVITED" : "EXPIRED";
    return { ...u, invitation };
  });
  return { total, users: withInvitation, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/** A person of the viewer's council by id (for messages about them), or null. */
export async function councilUserName(viewer: Pick<Viewer, "council">, id: string): Promise<string | null> {
  if (!isId(id)) return null;
  const u = await db().user.findFirst({ where: { id, councilId: viewer.council.id }, select: { name: true } });
  return u?.name ?? null;
}

/** Who is about to be deactivated, with the open requests they hold (to say so, and to reassign them first, before
 * confirming) and the officers who could take them, or null. */
export async function deactivationCandidate(
  viewer: Pick<Viewer, "council" | "id" | "name" | "roles" | "partyGroup">,
  id: string,
) {
  if (!isId(id) || id === viewer.id) return null;
  const prisma = db();
  const user = await prisma.user.findFirst({
    where: { id, councilId: viewer.council.id, active: true },
    select: { id: true, name: true, email: true },
  });
  if (!user) return null;
  const [work, officers] = await Promise.all([openWorkOf(viewer, id), reassignmentChoices(viewer, id)]);
  return { ...user, openWork: work.total, work, officers };
}
