// Plain actors, contexts and requests for the pure protocol tests.
import { expect } from "vitest";
import type { Actor } from "@/lib/protocol/types";
import type { InfoRequest, InfoSubmission, RoutingContext } from "@/lib/workflow/information";
import type { Briefing, BriefingRoutingContext, BriefingSubmission } from "@/lib/workflow/briefing";

export const member = (o: Partial<Actor> = {}): Actor => ({
  id: "m1",
  councilId: "c1",
  roles: ["MEMBER", "WARD_MEMBER"],
  groupId: "gX",
  groupOffices: [],
  committeeIds: [],
  wardIds: ["w1"],
  ...o,
});
export const leader = (o: Partial<Actor> = {}): Actor =>
  member({
    id: "leaderX",
    roles: ["MEMBER", "GROUP_LEADER"],
    groupOffices: [{ kind: "LEADER", portfolio: "" }],
    ...o,
  });
export const officer = (o: Partial<Actor> = {}): Actor => ({
  id: "o1",
  councilId: "c1",
  roles: ["OFFICER"],
  serviceId: "housing",
  seniority: "JUNIOR",
  tier: 6,
  jnc: false,
  ...o,
});
export const chiefOfficer = (o: Partial<Actor> = {}): Actor =>
  officer({
    id: "co-housing",
    roles: ["OFFICER", "CHIEF_OFFICER"],
    seniority: "SENIOR",
    tier: 3,
    jnc: true,
    ...o,
  });

export const CHIEFS: Record<string, string> = {
  housing: "co-housing",
  planning: "co-planning",
  adults: "co-adults",
};

export const infoCtx: RoutingContext = {
  chiefOfficerOfService: (s) => CHIEFS[s] ?? null,
  chiefExecutiveId: "ce",
  townClerkId: "clerk",
  mayFileForGroup: (g) => g === "gX",
};

export const submission = (o: Partial<InfoSubmission> = {}): InfoSubmission => ({
  kind: "INFORMATION",
  subject: "Empty homes",
  details: "How many council homes have been empty for over six months in my ward?",
  serviceId: "housing",
  addressee: null,
  category: "GENERAL",
  thirdPartyData: false,
  councilRoleDeclared: true,
  concernsAnotherMember: false,
  concernedMemberIds: [],
  sharingAgreed: false,
  needToKnowGrounds: "",
  capacity: null,
  ...o,
});

export const infoRequest = (o: Partial<InfoRequest> = {}): InfoRequest => ({
  state: "SUBMITTED",
  kind: "INFORMATION",
  requesterIds: ["m1"],
  groupId: null,
  serviceId: "housing",
  deciderId: "co-housing",
  allocatedToId: null,
  reviewerId: null,
  needPresumed: false,
  readilyAvailable: false,
  governanceAdviceRecorded: false,
  pausedFor: null,
  concernedMemberIds: [],
  refusedGrounds: [],
  referredToChairId: null,
  ...o,
});

export const briefingCtx = (o: Partial<BriefingRoutingContext> = {}): BriefingRoutingContext => ({
  chiefOfficerOfService: (s) => CHIEFS[s] ?? null,
  presentExecutiveIds: ["ce", "dce", "coo"],
  chiefExecutiveId: "ce",
  townClerkId: "clerk",
  designatedFor: () => [],
  ...o,
});

export const briefingInput = (o: Partial<BriefingSubmission> = {}): BriefingSubmission => ({
  kind: "GROUP",
  groupIds: ["gX"],
  subjectKey: "local-plan-reg-19",
  subject: "Local Plan Regulation 19 consultation",
  councilBusiness: "Cabinet decision on the Local Plan",
  committeeId: "planning-committee",
  serviceId: "planning",
  meetingDate: null,
  onePartyMeeting: false,
  ...o,
});

export const briefing = (o: Partial<Briefing> = {}): Briefing => ({
  state: "SUBMITTED",
  kind: "GROUP",
  groupIds: ["gY"],
  optedInGroupIds: [],
  subjectKey: "local-plan-reg-19",
  recipientIds: ["ce"],
  handlerId: null,
  serviceId: "planning",
  attendees: [],
  administrationDiscussion: false,
  ...o,
});

export const NOW = new Date("2026-11-23T10:00:00Z"); // a Monday

/** Asserts a refused decision that names the given rule. */
export function refusedWith(result: { ok: boolean }, ruleId: string) {
  expect(result.ok).toBe(false);
  expect((result as unknown as { ruleId: string }).ruleId).toBe(ruleId);
}
