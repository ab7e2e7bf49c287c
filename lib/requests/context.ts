// Facts about a council that routing needs (who holds which office, who is absent), loaded in one round of queries.
import type { Viewer } from "@/lib/auth/viewer";
import type { StoredRole } from "@/lib/protocol/roles";
import { londonDate } from "@/lib/dates";
import type { BriefingRoutingContext } from "@/lib/workflow/briefing";
import type { RoutingContext } from "@/lib/workflow/information";
import type { Tx } from "./store";

const OFFICES: StoredRole[] = [
  "CHIEF_EXECUTIVE",
  "DEPUTY_CHIEF_EXECUTIVE",
  "CHIEF_OPERATING_OFFICER",
  "TOWN_CLERK",
  "MONITORING_OFFICER",
  "DIRECTOR_OF_GOVERNANCE",
  "LEADER_OF_COUNCIL",
  "COUNCIL_CHAIR",
];

export type CouncilFacts = {
  chiefOfficerOfService: (serviceId: string) => string | null;
  holders: (role: StoredRole) => string[];
  absentIds: Set<string>;
  designations: Map<string, string[]>;
};

export async function councilFacts(tx: Tx, councilId: string, now: Date): Promise<CouncilFacts> {
  const today = new Date(`${londonDate(now)}T00:00:00Z`);
  const [services, officeHolders, absences, designations] = await Promise.all([
    tx.service.findMany({ where: { councilId }, select: { id: true, chiefOfficerId: true } }),
    tx.user.findMany({
      where: { councilId, active: true, roles: { hasSome: OFFICES } },
      select: { id: true, roles: true },
      orderBy: { name: "asc" },
    }),
    tx.absence.findMany({
      where: { councilId, fromDate: { lte: today }, toDate: { gte: today } },
      select: { userId: true },
    }),
    tx.groupDesignation.findMany({ where: { councilId }, select: { groupId: true, userId: true } }),
  ]);
  const chiefs = new Map(services.map((s) => [s.id, s.chiefOfficerId]));
  const byGroup = new Map<string, string[]>();
  for (const d of designations) byGroup.set(d.groupId, [...(byGroup.get(d.groupId) ?? []), d.userId]);
  return {
    chiefOfficerOfService: (id) => chiefs.get(id) ?? null,
    holders: (role) => officeHolders.filter((u) => (u.roles as string[]).includes(role)).map((u) => u.id),
    absentIds: new Set(absences.map((a) => a.userId)),
    designations: byGroup,
  };
}

export function infoRoutingContext(f: CouncilFacts, viewer: Viewer): RoutingContext {
  return {
    chiefOfficerOfService: f.chiefOfficerOfService,
    chiefExecutiveId: f.holders("CHIEF_EXECUTIVE")[0] ?? null,
    townClerkId: f.holders("TOWN_CLERK")[0] ?? null,
    mayFileForGroup: (groupId) =>
      viewer.partyGroup?.id === groupId &&
      (viewer.groupOffices.some((o) => o.kind === "LEADER") ||
        (f.designations.get(groupId) ?? []).includes(viewer.id)),
  };
}

export function briefingRoutingContext(f: CouncilFacts): BriefingRoutingContext {
  const executives = [
    ...f.holders("CHIEF_EXECUTIVE"),
    ...f.holders("DEPUTY_CHIEF_EXECUTIVE"),
    ...f.holders("CHIEF_OPERATING_OFFICER"),
  ];
  return {
    chiefOfficerOfService: f.chiefOfficerOfService,
    presentExecutiveIds: [...new Set(executives)].filter((id) => !f.absentIds.has(id)),
    chiefExecutiveId: f.holders("CHIEF_EXECUTIVE")[0] ?? null,
    townClerkId: f.holders("TOWN_CLERK")[0] ?? null,
    designatedFor: (groupId) => f.designations.get(groupId) ?? [],
  };
}
