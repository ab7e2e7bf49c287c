// Defaults where the protocols are silent (RULES.md §6). Each carries its DEF- rule ID; these are council
// settings, not protocol. A profile spreads them and overrides what its own protocol says.
import { setting, silent } from "../types";
import type { CouncilProfile } from "./types";

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
  confidentialUntilPublic: silent(false),
  targetWorkingDays: setting(10, "DEF-A1"),
};

export const defaultBriefing: CouncilProfile["briefing"] = {
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
  informalFirst: silent(false),
  ackWorkingDays: setting(2, "DEF-C7"),
  stageWorkingDays: setting(10, "DEF-C7"),
  seriousCategories: null,
  startGuidance: null,
};
