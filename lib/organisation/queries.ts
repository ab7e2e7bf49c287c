// The council's organisation as the forms need it: services, committees, wards, people. Always the viewer's own
// council; only active people, and no retired group, ward, service or committee (issue 15: those stay on old records
// and in filters of closed work, not in new forms). Option lists carry ids and display names, nothing more.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";

export type Option = { id: string; name: string };
type Council = Pick<Viewer, "council">;

/** `includeRetired`: for filters of existing work (the dashboard), which keep retired services. */
export async function councilServices(
  viewer: Council,
  opts: { ids?: string[] | null; includeRetired?: boolean } = {},
): Promise<Option[]> {
  return db().service.findMany({
    where: {
      councilId: viewer.council.id,
      ...(opts.includeRetired ? {} : { retiredAt: null }),
      ...(opts.ids ? { id: { in: opts.ids } } : {}),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function councilCommittees(viewer: Council): Promise<Option[]> {
  return db().committee.findMany({
    where: { councilId: viewer.council.id, retiredAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Wards with their active councillors (the ward notice form shows who will be told). */
export async function councilWardsWithMembers(viewer: Council) {
  return db().ward.findMany({
    where: { councilId: viewer.council.id, retiredAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { where: { active: true }, select: { name: true }, orderBy: { name: "asc" } },
    },
  });
}

export type PersonOption = {
  id: string;
  name: string;
  jobTitle: string | null;
  roles: Role[];
  /** A Cabinet Member's portfolio, if they hold one. */
  portfolioName: string | null;
};

/** Active people of the council, optionally only those holding a role, never the viewer unless asked. */
export async function councilPeople(
  viewer: Pick<Viewer, "council" | "id">,
  opts: { role?: Role; includeSelf?: boolean } = {},
): Promise<PersonOption[]> {
  return db().user.findMany({
    where: {
      councilId: viewer.council.id,
      active: true,
      ...(opts.role ? { roles: { has: opts.role } } : {}),
      ...(opts.includeSelf ? {} : { id: { not: viewer.id } }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true, roles: true, portfolioName: true },
  });
}

/** The holder of an office (e.g. the Chief Executive), if the council has one. */
export async function officeHolder(viewer: Council, role: Role): Promise<Option | null> {
  return db().user.findFirst({
    where: { councilId: viewer.council.id, active: true, roles: { has: role } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The council's party groups, each with its spokespersons and their portfolios (offered briefings, WIG-B6). */
export async function councilGroupsWithSpokespersons(viewer: Council) {
  return db().partyGroup.findMany({
    where: { councilId: viewer.council.id, retiredAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      offices: {
        where: { kind: "SPOKESPERSON" },
        select: { portfolio: true, user: { select: { name: true } } },
      },
    },
  });
}

/** The council's active councillors with their group, for audiences of bulletins. */
export async function councilMembersWithGroups(viewer: Council) {
  const rows = await db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, partyGroup: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, group: r.partyGroup?.name ?? null }));
}
