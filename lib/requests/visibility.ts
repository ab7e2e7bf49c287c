// The one place that turns a viewer into a Prisma `where` for requests (shared DESIGN.md "Reads are scoped").
// Own council only; then any access grant to the viewer, to the viewer's party group, or to all members.
// A request the viewer may not see is simply not found — in pages, lists, search, counts and exports.
//
// Access has levels (RequestAccess.level): FULL (everything), SUMMARY (the subject and the dates, not the details
// or replies), METADATA (dates, parties, outcome — DEF-B6). Lists, search, CSV and notifications show exactly what
// the request page would at the viewer's level: a metadata-only viewer never sees, nor matches on, the subject.
import { Prisma } from "@/lib/generated/prisma/client";
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

// ---- The same rules as SQL fragments, for the pages that read with one hand-written statement (docs/performance.md).
// They are built from the same grants as the Prisma `where` above; tests/integration/visibility-sql.test.ts checks
// that both select exactly the same requests for every viewer of the authorisation matrix.

/** The viewer's grants as a condition on an access row aliased `a`. */
function grantsSql(viewer: Pick<Viewer, "id" | "partyGroup" | "roles">): Prisma.Sql {
  const parts = [Prisma.sql`a."userId" = ${viewer.id}`];
  if (viewer.partyGroup) parts.push(Prisma.sql`a."groupId" = ${viewer.partyGroup.id}`);
  if (viewer.roles.includes("MEMBER")) parts.push(Prisma.sql`a."allMembers"`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** `r` is visible to the viewer (own council and a grant), as in visibleTo(). */
export function visibleSql(viewer: Who, r = "r", level: Level = "METADATA"): Prisma.Sql {
  const alias = Prisma.raw(`"${r}"`);
  const levels = AT_LEAST[level];
  return Prisma.sql`(${alias}."councilId" = ${viewer.council.id} AND EXISTS (
    SELECT 1 FROM "RequestAccess" a WHERE a."requestId" = ${alias}.id AND ${grantsSql(viewer)}
    ${level === "METADATA" ? Prisma.empty : Prisma.sql`AND a.level::text IN (${Prisma.join(levels)})`}))`;
}

/** The viewer's access level on `r` as an SQL expression ('FULL', 'SUMMARY', 'METADATA' or NULL). */
export function levelSql(viewer: Pick<Viewer, "id" | "partyGroup" | "roles">, r = "r"): Prisma.Sql {
  const alias = Prisma.raw(`"${r}"`);
  return Prisma.sql`(SELECT CASE WHEN bool_or(a.level = 'FULL') THEN 'FULL' WHEN bool_or(a.level = 'SUMMARY')
    THEN 'SUMMARY' WHEN count(*) > 0 THEN 'METADATA' END FROM "RequestAccess" a
    WHERE a."requestId" = ${alias}.id AND ${grantsSql(viewer)})`;
}

/** Level-aware search as SQL (see searchMatch): reference for all, subject with SUMMARY, details with FULL. */
export function searchSql(viewer: Who, q: string, r = "r", opts: { details?: boolean } = {}): Prisma.Sql {
  const alias = Prisma.raw(`"${r}"`);
  const like = `%${literalLike(q)}%`;
  return Prisma.sql`(${alias}.reference ILIKE ${like}
    OR (${alias}.subject ILIKE ${like} AND ${visibleSql(viewer, r, "SUMMARY")})
    ${opts.details === false ? Prisma.empty : Prisma.sql`OR (${alias}.details ILIKE ${like} AND ${visibleSql(viewer, r, "FULL")})`})`;
}

/** The ids of every request the viewer holds a grant on, found from the grants' side (one index scan per grant kind).
 * Use with visibleSql (which adds the council) when a person's visible set is small beside the council's history. */
export function visibleIdsSql(viewer: Pick<Viewer, "id" | "council" | "partyGroup" | "roles">): Prisma.Sql {
  const parts = [Prisma.sql`SELECT a."requestId" FROM "RequestAccess" a WHERE a."userId" = ${viewer.id}`];
  if (viewer.partyGroup)
    parts.push(
      Prisma.sql`SELECT a."requestId" FROM "RequestAccess" a WHERE a."groupId" = ${viewer.partyGroup.id}`,
    );
  if (viewer.roles.includes("MEMBER"))
    parts.push(
      Prisma.sql`SELECT a."requestId" FROM "RequestAccess" a WHERE a."councilId" = ${viewer.council.id} AND a."allMembers"`,
    );
  return Prisma.join(parts, " UNION ");
}

/**
 * The `n` newest requests of each kind of grant the viewer holds that meet `conds` (on the request aliased "r"): their
 * union holds the viewer's `n` newest such requests. Each branch walks its grants newest first through the
 * (holder, requestCreatedAt) index and stops after `n` matches — the first pages of a list or a search without
 * reading the history (docs/performance.md).
 */
export function newestVisibleIdsSql(
  viewer: Pick<Viewer, "id" | "council" | "partyGroup" | "roles">,
  n: number,
  conds: Prisma.Sql[] = [],
): Prisma.Sql {
  // ORDER BY … DESC, as the index is built (NULLS FIRST), so PostgreSQL reads it in order and stops early; the
  // column is never null (a trigger fills it). The request is joined only when there are conditions on it.
  const from = conds.length
    ? Prisma.sql`"RequestAccess" a JOIN "Request" r ON r.id = a."requestId"`
    : Prisma.sql`"RequestAccess" a`;
  const extra = conds.length ? Prisma.sql` AND ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const branch = (cond: Prisma.Sql) =>
    Prisma.sql`(SELECT a."requestId" FROM ${from} WHERE ${cond}${extra} ORDER BY a."requestCreatedAt" DESC LIMIT ${n})`;
  const parts = [branch(Prisma.sql`a."userId" = ${viewer.id}`)];
  if (viewer.partyGroup) parts.push(branch(Prisma.sql`a."groupId" = ${viewer.partyGroup.id}`));
  if (viewer.roles.includes("MEMBER"))
    parts.push(branch(Prisma.sql`a."councilId" = ${viewer.council.id} AND a."allMembers"`));
  return Prisma.join(parts, " UNION ALL ");
}
