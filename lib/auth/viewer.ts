// The signed-in person as every page and service sees them. Loaded fresh from the database per request, in one SQL
// statement (the session, the person, their council and its protocol settings in force, group, offices, wards,
// committees and service, and their unread notifications): a session that is revoked or expired, a user who is
// inactive, or a session version older than the user's, is no session at all. (docs/performance.md: this statement
// runs on every page.)
import "server-only";
import { effectiveRoles, type CanonicalRole, type StoredRole } from "@/lib/protocol/roles";
import { db } from "@/lib/db";

export type Viewer = {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  council: {
    id: string;
    name: string;
    slug: string;
    profileKey: string;
    kind: string;
    /** The council's protocol settings version in force, and its values (null for version 0): profileOf(viewer). */
    settingsVersion: number;
    settings: Record<string, unknown> | null;
  };
  storedRoles: StoredRole[];
  roles: CanonicalRole[];
  partyGroup: { id: string; name: string; isAdministration: boolean } | null;
  /** Offices held in the party group; a Spokesperson's portfolio names a committee or service (its id when it does). */
  groupOffices: {
    kind: "LEADER" | "CHAIR" | "CHIEF_WHIP" | "SPOKESPERSON";
    portfolio: string;
    portfolioId?: string | null;
  }[];
  wards: { id: string; name: string }[];
  committees: { id: string; name: string }[];
  chairOf: { id: string; name: string }[];
  service: { id: string; name: string } | null;
  seniority: "SENIOR" | "JUNIOR" | null;
  tier: number | null;
  jnc: boolean;
  /** Services this person heads as their Chief Officer. */
  headedServiceIds: string[];
  /** A Cabinet Member's portfolio: its name and the services it covers (not retired ones). */
  portfolio: { name: string | null; serviceIds: string[] };
  /** Unread notifications when the viewer was loaded (the header's count). */
  unread: number;
};

type Row = Omit<Viewer, "storedRoles" | "roles" | "unread" | "portfolio"> & {
  portfolioName: string | null;
  portfolioServiceIds: string[];
  active: boolean;
  sessionVersion: number;
  roles: string[];
  unread: number;
};

// Prisma's implicit many-to-many tables: "_WardMembers" (A = User, B = Ward), "_CommitteeMembers" (A = Committee,
// B = User), "_CabinetPortfolio" (A = Service, B = User) — named by the models in alphabetical order. Retired wards,
// committees and services no longer count (they stay on the person's administration page and on old records).
const SELECT_VIEWER = `
  SELECT u.id, u.name, u.email, u."jobTitle", u.active, u."sessionVersion", u.roles::text[] AS roles,
    u.seniority::text AS seniority, u.tier, u.jnc, u."portfolioName",
    json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'profileKey', c."profileKey", 'kind', c.kind::text,
      'settingsVersion', c."settingsVersion", 'settings', (SELECT cs."values" FROM "CouncilSettings" cs
        WHERE cs."councilId" = c.id AND cs.version = c."settingsVersion")) AS council,
    CASE WHEN g.id IS NULL THEN NULL
      ELSE json_build_object('id', g.id, 'name', g.name, 'isAdministration', g."isAdministration") END AS "partyGroup",
    CASE WHEN sv.id IS NULL THEN NULL ELSE json_build_object('id', sv.id, 'name', sv.name) END AS service,
    COALESCE((SELECT json_agg(json_build_object('kind', o.kind::text, 'portfolio', o.portfolio,
        'portfolioId', COALESCE((SELECT k.id FROM "Committee" k WHERE k."councilId" = u."councilId" AND k.name = o.portfolio LIMIT 1),
          (SELECT s.id FROM "Service" s WHERE s."councilId" = u."councilId" AND s.name = o.portfolio LIMIT 1))))
      FROM "GroupOffice" o WHERE o."userId" = u.id), '[]'::json) AS "groupOffices",
    COALESCE((SELECT json_agg(json_build_object('id', w.id, 'name', w.name) ORDER BY w.name)
      FROM "_WardMembers" wm JOIN "Ward" w ON w.id = wm."B" WHERE wm."A" = u.id AND w."retiredAt" IS NULL), '[]'::json) AS wards,
    COALESCE((SELECT json_agg(json_build_object('id', k.id, 'name', k.name) ORDER BY k.name)
      FROM "_CommitteeMembers" km JOIN "Committee" k ON k.id = km."A"
      WHERE km."B" = u.id AND k."retiredAt" IS NULL), '[]'::json) AS committees,
    COALESCE((SELECT json_agg(json_build_object('id', k.id, 'name', k.name) ORDER BY k.name)
      FROM "Committee" k WHERE k."chairId" = u.id AND k."retiredAt" IS NULL), '[]'::json) AS "chairOf",
    COALESCE((SELECT array_agg(p."A" ORDER BY p."A") FROM "_CabinetPortfolio" p JOIN "Service" ps ON ps.id = p."A"
      WHERE p."B" = u.id AND ps."retiredAt" IS NULL), '{}') AS "portfolioServiceIds",
    COALESCE((SELECT array_agg(h.id ORDER BY h.id) FROM "Service" h WHERE h."chiefOfficerId" = u.id), '{}') AS "headedServiceIds",
    (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread
  FROM "User" u
  JOIN "Council" c ON c.id = u."councilId"
  LEFT JOIN "PartyGroup" g ON g.id = u."partyGroupId"
  LEFT JOIN "Service" sv ON sv.id = u."serviceId"`;

/**
 * The person behind a session, or null when there is none any more: the session row revoked (signed out) or
 * expired, the user deactivated, or their session version moved on (password changed). Tests that need a viewer
 * without a session pass no session id.
 */
export async function loadViewer(
  userId: string,
  sessionVersion: number | undefined,
  sessionId?: string,
  now = new Date(),
): Promise<Viewer | null> {
  const rows =
    sessionId !== undefined
      ? await db().$queryRawUnsafe<Row[]>(
          `${SELECT_VIEWER} JOIN "Session" s ON s."userId" = u.id
           WHERE s.id = $1 AND u.id = $2 AND s."revokedAt" IS NULL AND s."expiresAt" > $3`,
          sessionId,
          userId,
          now,
        )
      : await db().$queryRawUnsafe<Row[]>(`${SELECT_VIEWER} WHERE u.id = $1`, userId);
  const u = rows[0];
  if (!u || !u.active || u.sessionVersion !== sessionVersion) return null;
  const storedRoles = u.roles as StoredRole[];
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    jobTitle: u.jobTitle,
    council: u.council,
    storedRoles,
    roles: effectiveRoles({
      stored: storedRoles,
      groupOffices: u.groupOffices.map((o) => o.kind),
      chairsCommittees: u.chairOf.length > 0,
      hasWards: u.wards.length > 0,
      hasCommittees: u.committees.length > 0,
    }),
    partyGroup: u.partyGroup,
    groupOffices: u.groupOffices,
    wards: u.wards,
    committees: u.committees,
    chairOf: u.chairOf,
    service: u.service,
    seniority: u.seniority,
    tier: u.tier,
    jnc: u.jnc,
    headedServiceIds: u.headedServiceIds,
    portfolio: { name: u.portfolioName, serviceIds: u.portfolioServiceIds },
    unread: u.unread,
  };
}
