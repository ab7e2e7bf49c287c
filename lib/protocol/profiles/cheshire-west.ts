import { setting } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation } from "./defaults";
import type { CouncilProfile } from "./types";

export const cheshireWest: CouncilProfile = {
  key: "CWC",
  title: "Officer/Member Relations Protocol (Constitution Part 4)",
  source: "shared/seeds/001_1e59e311909087ec.txt",
  roleLabels: { CHIEF_OFFICER: "Director" },
  rolesUsed: [
    "MEMBER", "WARD_MEMBER", "COMMITTEE_MEMBER", "GROUP_LEADER", "SPOKESPERSON", "LEADER_OF_COUNCIL", "CABINET_MEMBER",
    "COMMITTEE_CHAIR", "COUNCIL_CHAIR", "OFFICER", "CHIEF_OFFICER", "DEPUTY_CHIEF_EXECUTIVE", "CHIEF_OPERATING_OFFICER",
    "CHIEF_EXECUTIVE", "DIRECTOR_OF_GOVERNANCE", "MONITORING_OFFICER",
  ],
  townClerkGate: false,
  information: {
    ...defaultInformation,
    recipient: setting("HOLDING_CHIEF_OFFICER", "CWC-A3"),
    groundsRequired: setting(true, "CWC-A1"),
    committeePresumption: setting(true, "CWC-A5"),
    barredCategories: setting(["DRAFT_CABINET_REPORT", "WORKING_PAPERS"], "CWC-A7"),
    thirdPartyJustification: setting(true, "CWC-A6"),
    councilRoleDeclaration: setting(true, "CWC-A12"),
    governanceAdviceBeforeRefusal: setting(true, "CWC-A3"),
    refusalGrounds: setting(["ROVING_COMMISSION", "MERE_CURIOSITY", "WORK_IN_PROGRESS", "NOT_COUNCIL_BUSINESS", "OTHER"], "CWC-A2"),
    reviewer: setting("DIRECTOR_OF_GOVERNANCE", "CWC-A4"),
    wardNoticeWholeWard: setting(true, "CWC-A11"),
  },
  briefing: {
    ...defaultBriefing,
    filers: setting("LEADER_CHAIR_SPOKESPERSON_CABINET", "CWC-B2"),
    recipient: setting("CE_DCE_COO_SHARED_QUEUE", "CWC-B3"),
    attendees: setting("USUAL_TIERS_OR_REASONS", "CWC-B4"),
    equalTreatment: setting("HARD", "CWC-B5"),
    councilBusinessOnly: setting(true, "CWC-B7"),
    jointBriefings: setting(true, "CWC-B8"),
    timeSpentRequired: setting(true, "CWC-B10"),
    roleBriefings: setting(true, "CWC-B11"),
    shortNoticeWorkingDays: setting(5, "DEF-B4"),
  },
  complaints: { ...defaultComplaints },
  townCouncil: null,
};
