// The council directory: groups with their offices, wards with their members, services with their staff.
// Scoped to the viewer's council; only active people, and no retired group, ward, service or committee; no contact
// secrets beyond the work email.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

export async function councilDirectory(viewer: Pick<Viewer, "council">) {
  const prisma = db();
  const councilId = viewer.council.id;
  const person = {
    select: { id: true, name: true, jobTitle: true },
    where: { active: true },
    orderBy: { name: "asc" as const },
  };
  const [groups, wards, services, committees] = await Promise.all([
    prisma.partyGroup.findMany({
      where: { councilId, retiredAt: null },
      orderBy: [{ isAdministration: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        isAdministration: true,
        members: person,
        offices: {
          where: { user: { active: true } },
          select: { kind: true, portfolio: true, user: { select: { id: true, name: true } } },
        },
      },
    }),
    prisma.ward.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, members: person },
    }),
    prisma.service.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        chiefOfficer: { select: { id: true, name: true, jobTitle: true } },
        staff: person,
      },
    }),
    prisma.committee.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, chair: { select: { id: true, name: true } } },
    }),
  ]);
  return { groups, wards, services, committees };
}

/** The contact page: the council's active user administrators, who look after accounts and the service. */
export async function userAdministrators(viewer: Pick<Viewer, "council">) {
  return db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "ADMIN" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, jobTitle: true, service: { select: { name: true } } },
  });
}
