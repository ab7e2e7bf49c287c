// The user list for a council's user administrators: searchable, paginated, scoped to the council.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

export const USERS_PAGE_SIZE = 25;

export async function listCouncilUsers(viewer: Pick<Viewer, "council">, opts: { q: string; page: number }) {
  const prisma = db();
  const where = {
    councilId: viewer.council.id,
    ...(opts.q
      ? {
          OR: [
            { name: { contains: opts.q, mode: "insensitive" as const } },
            { email: { contains: opts.q, mode: "insensitive" as const } },
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
  return { total, users, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
