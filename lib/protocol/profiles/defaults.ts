// Defaults where the protocols are silent (RULES.md §6). Each carries its DEF- rule ID; these are council
// settings, not protocol. A profile spreads them and overrides what its own protocol says.
import { councilSetting, setting, silent } from "../types";
import type { ComplaintRoute, CouncilDuties, CouncilProfile, Handler, Ladder } from "./types";

/** A one-stage ladder. */
export const single = (
  handler: Handler,
  ruleId: string,
  kind: Ladder["kind"] = "COMPLAINT",
  outcomes?: string[],
): Ladder => ({
  kind,
  ruleId,
  stages: [{ key: handler, handler, ruleId, escalatedBy: null, ...(outcomes ? { outcomes } : {}) }],
});

/** DEF-C1: complaints about the Chief Executive never go to the Chief Executive: the Leader, else the Monitoring Officer. */
export const aboutChiefExecutive: ComplaintRoute[] = [
  {
    when: { subjects: ["CHIEF_EXECUTIVE"], noLeaderOfCouncil: true },
    ladder: single("MONITORING_OFFICER", "DEF-C1"),
  },
  { when: { subjects: ["CHIEF_EXECUTIVE"] }, ladder: single("LEADER_OF_COUNCIL", "DEF-C1") },
];

/** DEF-C3: Code of Conduct matters and member-about-member complaints go to the Monitoring Officer in writing. */
export const codeMatters: ComplaintRoute[] = [
  { when: { codeOfConduct: true }, ladder: single("MONITORING_OFFICER", "DEF-C3", "CODE_OF_CONDUCT") },
  {
    when: { complainant: "MEMBER", subjects: ["MEMBER"] },
    ladder: single("MONITORING_OFFICER", "DEF-C3", "CODE_OF_CONDUCT"),
  },
];

/** DEF-C9: where a protocol has no ladder — the Head of Service, then the Chief Executive. */
export const headOfServiceThenChiefExecutive: ComplaintRoute[] = [
  { when: { subjects: ["CHIEF_OFFICER"] }, ladder: single("CHIEF_EXECUTIVE", "DEF-C9") },
  {
    when: { complainant: "OFFICER" },
    ladder: {
      kind: "COMPLAINT",
      ruleId: "DEF-C9",
      stages: [
        { key: "HEAD_OF_SERVICE", handler: "COMPLAINANT_CHIEF_OFFICER", ruleId: "DEF-C9", escalatedBy: null },
        { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C9", escalatedBy: "COMPLAINANT" },
      ],
    },
  },
  {
    when: {},
    ladder: {
      kind: "COMPLAINT",
      ruleId: "DEF-C9",
      stages: [
        { key: "HEAD_OF_SERVICE", handler: "SUBJECT_CHIEF_OFFICER", ruleId: "DEF-C9", escalatedBy: null },
        { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C9", escalatedBy: "COMPLAINANT" },
      ],
    },
  },
];

export const defaultInformation: CouncilProfile["information"] = {
  recipient: setting("HOLDING_CHIEF_OFFICER", "DEF-A4"),
  groundsRequired: silent(false),
  committeePresumption: silent(false),
  capacityRequired: silent(false),
  chiefExecutiveAlwaysAvailable: silent(false),
  barredCategories: setting([], "DEF-A8"),
  thirdPartyJustification: setting(true, "DEF-A6"),
  councilRoleDeclaration: silent(false),
  anotherMemberRule: setting(false, "DEF-A7"),
  governanceAdviceBeforeRefusal: setting(false, "DEF-A10"),
  needToKnowByChiefOfficerOnly: silent(false),
  refusalGrounds: setting(["OTHER"], "DEF-A2"),
  reviewer: setting("MONITORING_OFFICER", "DEF-A3"),
  readilyAvailableMustGrant: silent(false),
  significantCostProposal: silent(false),
  releaseNotice: null,
  refusalNotice: null,
  wardNoticeWholeWard: null,
  significantDevelopmentsTo: null,
  markedItems: setting("NEVER_SHARED", "DEF-A12"),
  requesterSharing: setting("ANYONE_NAMED", "DEF-A12"),
  adviceNotes: silent(false),
  memberCannotDirectWork: setting(true, "DEF-A4"),
  refusalReasons: setting(true, "DEF-A2"),
  responseRequired: setting(true, "DEF-A2"),
  targetWorkingDays: setting(10, "DEF-A1"),
  followUpWorkingDays: councilSetting(20),
};

export const defaultBriefing: CouncilProfile["briefing"] = {
  invitationsOnly: setting(true, "DEF-B2"),
  onePartyMeetings: null,
  shortNoticeRule: setting(true, "DEF-B4"),
  disclosure: setting(true, "DEF-B5"),
  filers: setting("GROUP_LEADER_OR_DESIGNATE", "DEF-B1"),
  recipient: setting("SUBJECT_CHIEF_OFFICER", "DEF-B2"),
  attendees: silent("ANY_WITH_RECIPIENT"),
  equalTreatment: setting("SOFT", "DEF-B8"),
  administrationExemption: setting(false, "DEF-B8"),
  councilBusinessOnly: silent(false),
  jointBriefings: silent(false),
  timeSpentRequired: silent(false),
  leaveBeforeDecision: silent(false),
  reportRules: null,
  standingArrangements: null,
  roleBriefings: silent(false),
  offeredBriefings: silent(false),
  shortNoticeWorkingDays: setting(5, "DEF-B4"),
  decisionWorkingDays: setting(5, "DEF-B9"),
};

export const defaultComplaints: CouncilProfile["complaints"] = {
  routes: [...aboutChiefExecutive, ...codeMatters, ...headOfServiceThenChiefExecutive],
  partyDiscipline: null,
  nomination: null,
  informalFirst: silent(false),
  ackWorkingDays: setting(2, "DEF-C7"),
  stageWorkingDays: setting(10, "DEF-C7"),
  seriousCategories: null,
  startGuidance: null,
};

/** Section E where a protocol is silent (RULES.md §6.6 and §4 "silent"); each profile overrides what its text says. */
export const defaultDuties: CouncilDuties = {
  reports: {
    authors: silent("CHIEF_OFFICER_OR_AUTHORISED"),
    memberEdits: silent("NEVER"),
    ownReportBy: silent(null),
    consultation: silent(false),
    revisionAfterSharing: silent("AUTHOR"),
    noWithdrawal: silent(true),
    remedy: silent(true),
  },
  agendaItems: silent("NONE"),
  implementationFailures: silent(false),
  correspondence: {
    originatorTold: setting(true, "DEF-E2"),
    otherGroupConsent: silent(false),
    cabinetScrutinyConsent: silent(false),
    exceptionalReasons: silent(false),
    confidentialNotCopied: silent(false),
    wideCirculation: null,
    suggestDirector: silent(false),
    cabinetRepliesToLeader: silent(false),
    staffEmploymentDiverted: silent(false),
  },
  noMemberSignatoryForObligations: silent(false),
  disclosures: setting("CHIEF_EXECUTIVE", "DEF-E1"),
  visits: setting(false, "DEF-E3"),
  representations: silent("OPTIONAL"),
  decisionMakers: { noPartyGroup: silent(false), noSingleCouncillor: silent(false) },
  publicity: { declaration: silent(false), notices: [] },
  ceremonialEvents: silent(false),
  complaintGuidance: [],
};
