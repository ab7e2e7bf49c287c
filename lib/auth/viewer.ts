// The signed-in person as every page and service sees them. Loaded fresh from the database per request:
// a session whose version is older than the user's, or whose user is inactive, is no session at all.
import "server-only";
import { effectiveRoles, type CanonicalRole, type StoredRole } from "@/lib/protocol/roles";
import { db } from "@/lib/db";

export type Viewer = {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  council: { id: string; name: string; slug: string; profileKey: string; kind: string };
  storedRoles: StoredRole[];
  roles: CanonicalRole[];
  partyGroup: { id: string; name: string; isAdministration: boolean } | null;
  groupOffices: { kind: "LEADER" | "CHAIR" | "CHIEF_WHIP" | "SPOKESPERSON"; portfolio: string }[];
  wards: { id: string; name: string }[];
  committees: { id: string; name: string }[];
  chairOf: { id: string; name: string }[];
  service: { id: string; name: string } | null;
  seniority: "SENIOR" | "JUNIOR" | null;
  tier: number | null;
  jnc: boolean;
};

const VIEWER_SELECT = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  active: true,
  sessionVersion: true,
  roles: true,
  council: { select: { id: true, name: true, slug: true, profileKey: true, kind: true } },
  partyGroup: { select: { id: true, name: true, isAdministration: true } },
  groupOffices: { select: { kind: true, portfolio: true } },
  wards: { select: { id: true, name: true }, orderBy: { name: "asc" } },
  committees: { select: { id: true, name: true }, orderBy: { name: "asc" } },
  chairOf: { select: { id: true, name: true }, orderBy: { name: "asc" } },
  service: { select: { id: true, name: true } },
  seniority: true,
  tier: true,
  jnc: true,
} as const;

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
  let u;
  if (sessionId !== undefined) {
    const s = await db().session.findUnique({
      where: { id: sessionId },
      select: { userId: true, revokedAt: true, expiresAt: true, user: { select: VIEWER_SELECT } },
    });
    if (!s || s.revokedAt || s.expiresAt <= now || s.userId !== userId) return null;
    u = s.user;
  } else u = await db().user.findUnique({ where: { id: userId }, select: VIEWER_SELECT });
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
  };
}
