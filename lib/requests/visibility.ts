// The one place that turns a viewer into a Prisma `where` for requests (shared DESIGN.md "Reads are scoped").
// Own council only; then any access grant to the viewer, to the viewer's party group, or to all members.
// A request the viewer may not see is simply not found — in pages, lists, search, counts and exports.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";

export function visibleTo(
  viewer: Pick<Viewer, "id" | "council" | "partyGroup" | "roles">,
): Prisma.RequestWhereInput {
  const grants: Prisma.RequestAccessWhereInput[] = [{ userId: viewer.id }];
  if (viewer.partyGroup) grants.push({ groupId: viewer.partyGroup.id });
  if (viewer.roles.includes("MEMBER")) grants.push({ allMembers: true });
  return { councilId: viewer.council.id, access: { some: { OR: grants } } };
}

/** The highest access level the viewer holds on a request's grants (FULL > SUMMARY > METADATA). */
export function accessLevel(
  viewer: Pick<Viewer, "id" | "partyGroup" | "roles">,
  grants: {
    userId: string | null;
    groupId: string | null;
    allMembers: boolean;
    level: "FULL" | "SUMMARY" | "METADATA";
  }[],
): "FULL" | "SUMMARY" | "METADATA" | null {
  const mine = grants.filter(
    (g) =>
      g.userId === viewer.id ||
      (viewer.partyGroup && g.groupId === viewer.partyGroup.id) ||
      (g.allMembers && viewer.roles.includes("MEMBER")),
  );
  if (mine.some((g) => g.level === "FULL")) return "FULL";
  if (mine.some((g) => g.level === "SUMMARY")) return "SUMMARY";
  return mine.length ? "METADATA" : null;
}
