// Who may see a request, by type and step (RULES.md VISIBILITY rules). Pure: the services store these grants as
// RequestAccess rows and every read is scoped through them, so anyone without a grant gets "not found".
export type AccessLevel = "FULL" | "SUMMARY" | "METADATA";
export type Grant = {
  userId?: string;
  groupId?: string;
  allMembers?: boolean;
  level: AccessLevel;
  ruleId: string;
};

export const userGrant = (
  userId: string | null | undefined,
  ruleId: string,
  level: AccessLevel = "FULL",
): Grant[] => (userId ? [{ userId, level, ruleId }] : []);
export const groupGrant = (
  groupId: string | null | undefined,
  ruleId: string,
  level: AccessLevel = "FULL",
): Grant[] => (groupId ? [{ groupId, level, ruleId }] : []);

/** An information request when filed: requesters and handlers (DEF-A12, CWC-A13); the group for group requests
 * (CWC-A9); the service head where the protocol keeps management able to see it (C2007-A2, WIG-A13). */
export function informationAccessAtFiling(r: {
  requesterIds: string[];
  deciderId: string | null;
  allocatedToId: string | null;
  groupId: string | null;
  serviceHeadId: string | null;
  chiefExecutiveId: string | null;
  c2007AdviceNote: boolean;
  /** CWC-A3: the governance team, who advise the deciding Chief Officer (and must before a refusal, DEF-A10). */
  governanceIds?: string[];
}): Grant[] {
  return [
    ...(r.governanceIds ?? []).flatMap((id) => userGrant(id, "CWC-A3")),
    ...r.requesterIds.flatMap((id) => userGrant(id, "DEF-A12")),
    ...userGrant(r.deciderId, "DEF-A12"),
    ...userGrant(r.allocatedToId, "DEF-A12"),
    ...groupGrant(r.groupId, "CWC-A9"),
    ...userGrant(r.serviceHeadId, r.c2007AdviceNote ? "C2007-A2" : "WIG-A13"),
    ...(r.c2007AdviceNote ? userGrant(r.chiefExecutiveId, "C2007-A2") : []),
  ];
}

/** A party-group briefing (DEF-B6, CWC-B6, WIG-B7): requesting groups and recipients see content; invited officers
 * see enough to answer; the Monitoring Officer sees metadata only. Nobody else. */
export function briefingAccessAtFiling(b: {
  groupIds: string[];
  requesterId: string;
  recipientIds: string[];
  monitoringOfficerIds: string[];
}): Grant[] {
  return [
    ...b.groupIds.flatMap((g) => groupGrant(g, "DEF-B6")),
    ...userGrant(b.requesterId, "DEF-B6"),
    ...b.recipientIds.flatMap((id) => userGrant(id, "DEF-B6")),
    ...b.monitoringOfficerIds.flatMap((id) => userGrant(id, "DEF-B6", "METADATA")),
  ];
}

/** A complaint (DEF-C6): the complainant and each handler; nobody else until a ladder names them. */
export function complaintAccessAtFiling(c: { complainantId: string; handlerId: string | null }): Grant[] {
  return [...userGrant(c.complainantId, "DEF-C6"), ...userGrant(c.handlerId, "DEF-C6")];
}

/** A town council assistance request: the requester and the Clerk; the named officer only once allocated (HTC-D1). */
export function assistanceAccessAtFiling(a: { requesterId: string; townClerkId: string }): Grant[] {
  return [...userGrant(a.requesterId, "HTC-D1"), ...userGrant(a.townClerkId, "HTC-D1")];
}
