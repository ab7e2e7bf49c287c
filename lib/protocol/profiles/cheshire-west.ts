import { setting } from "../types";
import { aboutChiefExecutive, defaultBriefing, defaultComplaints, defaultInformation, single } from "./defaults";
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
    markedItems: setting("NEVER_SHARED", "CWC-A10"),
    requesterSharing: setting("ANYONE_NAMED", "CWC-A13"),
    memberCannotDirectWork: setting(true, "CWC-A14"),
  },
  briefing: {
    ...defaultBriefing,
    invitationsOnly: setting(true, "CWC-B1"),
    shortNoticeRule: setting(true, "CWC-B9"),
    disclosure: setting(true, "CWC-B6"),
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
  complaints: {
    ...defaultComplaints,
    partyDiscipline: setting(true, "CWC-C2"),
    nomination: setting(true, "CWC-C5"),
    routes: [
      ...aboutChiefExecutive,
      { when: { codeOfConduct: true }, ladder: single("MONITORING_OFFICER", "CWC-C4", "CODE_OF_CONDUCT") },
      { when: { subjects: ["MEMBER"] }, ladder: single("CE_OR_DIRECTOR_OF_GOVERNANCE", "CWC-C1") },
      { when: {}, ladder: single("CHIEF_EXECUTIVE", "CWC-C5") },
    ],
  },
  townCouncil: null,
};
