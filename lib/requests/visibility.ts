// The one place that turns a viewer into a Prisma `where` for requests (shared DESIGN.md "Reads are scoped").
// Own council only; then any access grant to the viewer, to the viewer's party group, or to all members.
// A request the viewer may not see is simply not found — in pages, lists, search, counts and exports.
//
// Access has levels (RequestAccess.level): FULL (everything), SUMMARY (the subject and the dates, not the details
// or replies), METADATA (dates, parties, outcome — DEF-B6). Lists, search, CSV and notifications show exactly what
// the request page would at the viewer's level: a metadata-only viewer never sees, nor matches on, the subject.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { isId, literalLike } from "@/lib/validation";

export type Level = "FULL" | "SUMMARY" | "METADATA";
type Who = Pick<Viewer, "id" | "council" | "partyGroup" | "roles">;

/** The grants that make a request visible to this person. */
export function grantsOf(viewer: Pick<Viewer, "id" | "partyGroup" | "roles">): Prisma.RequestAccessWhereInput[] {
  const grants: Prisma.RequestAccessWhereInput[] = [{ userId: viewer.id }];
  if (viewer.partyGroup) grants.push({ groupId: viewer.partyGroup.id });
  if (viewer.roles.includes("MEMBER")) grants.push({ allMembers: true });
  return grants;
}

export function visibleTo(viewer: Who): Prisma.RequestWhereInput {
  return { councilId: viewer.council.id, access: { some: { OR: grantsOf(viewer) } } };
}

const AT_LEAST: Record<Level, Level[]> = {
  FULL: ["FULL"],
  SUMMARY: ["FULL", "SUMMARY"],
  METADATA: ["FULL", "SUMMARY", "METADATA"],
};

/** Requests the viewer may see at `level` or above (SUMMARY: may read the subject; FULL: the details too). */
export function visibleAtLeast(viewer: Who, level: Level): Prisma.RequestWhereInput {
  return {
    councilId: viewer.council.id,
    access: { some: { OR: grantsOf(viewer), level: { in: AT_LEAST[level] } } },
  };
}

/** One request by an id from outside (URL, form): a malformed id matches nothing, so it is simply not found. */
export function visibleWithId(viewer: Who, id: string): Prisma.RequestWhereInput {
  return { id: isId(id) ? id : "-", ...visibleTo(viewer) };
}

/**
 * Free-text search, level-aware: the reference matches for anyone who can see the request; the subject only where
 * the viewer may read it (SUMMARY or FULL); the details only with FULL access. `%` and `_` are literal.
 */
export function searchMatch(viewer: Who, q: string, opts: { details?: boolean } = {}): Prisma.RequestWhereInput {
  const like = literalLike(q);
  const contains = { contains: like, mode: "insensitive" as const };
  return {
    OR: [
      { reference: contains },
      { AND: [{ subject: contains }, visibleAtLeast(viewer, "SUMMARY")] },
      ...(opts.details === false ? [] : [{ AND: [{ details: contains }, visibleAtLeast(viewer, "FULL")] }]),
    ],
  };
}

/** For a list's `select`: only the viewer's own grants, so the row's level can be computed (see levelOf). */
export function viewerGrantsSelect(viewer: Pick<Viewer, "id" | "partyGroup" | "roles">) {
  return { where: { OR: grantsOf(viewer) }, select: { level: true } } as const;
}

/** The highest level among grants already filtered to the viewer (FULL > SUMMARY > METADATA). */
export function levelOf(grants: { level: Level }[]): Level | null {
  if (grants.some((g) => g.level === "FULL")) return "FULL";
  if (grants.some((g) => g.level === "SUMMARY")) return "SUMMARY";
  return grants.length ? "METADATA" : null;
}

/** The highest access level the viewer holds on a request's grants (FULL > SUMMARY > METADATA). */
export function accessLevel(
  viewer: Pick<Viewer, "id" | "partyGroup" | "roles">,
  grants: { userId: string | null; groupId: string | null; allMembers: boolean; level: Level }[],
): Level | null {
  return levelOf(
    grants.filter(
      (g) =>
        g.userId === viewer.id ||
        (viewer.partyGroup && g.groupId === viewer.partyGroup.id) ||
        (g.allMembers && viewer.roles.includes("MEMBER")),
    ),
  );
}

/** What a list shows as the subject: the subject itself, or only the type for metadata-only access. */
export function subjectAtLevel(subject: string, typeLabel: string, level: Level | null): string {
  return level === "FULL" || level === "SUMMARY" ? subject : `${typeLabel} (details not shared with you)`;
}
