import { setting } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation, defaultDuties } from "./defaults";
import type { CouncilProfile } from "./types";

export const unnamed2007: CouncilProfile = {
  key: "C2007",
  title: "Protocol for Member/Employee Relations (November 2007)",
  source: "shared/seeds/002_5a0090cadc3c90a6.txt",
  // RULES.md §2: C2007 gives the Chief Officer function to the "Head of Service".
  roleLabels: { CHIEF_OFFICER: "Head of Service", COMMITTEE_CHAIR: "Chairman" },
  // GROUP_LEADER (DEF-B1, DEF-B5), LEADER_OF_COUNCIL (DEF-C1) and MONITORING_OFFICER (DEF-A3, DEF-C3) come from defaults.
  rolesUsed: [
    "MEMBER",
    "WARD_MEMBER",
    "COMMITTEE_MEMBER",
    "COMMITTEE_CHAIR",
    "GROUP_LEADER",
    "LEADER_OF_COUNCIL",
    "OFFICER",
    "CHIEF_OFFICER",
    "CHIEF_EXECUTIVE",
    "MONITORING_OFFICER",
    "POLITICAL_ASSISTANT",
  ],
  townClerkGate: false,
  information: {
    ...defaultInformation,
    recipient: setting("ADDRESSEE_OR_HEAD_OF_SERVICE", "C2007-A1"),
    capacityRequired: setting(true, "C2007-A1"),
    chiefExecutiveAlwaysAvailable: setting(true, "C2007-A3"),
    refusalGrounds: setting(
      ["NOT_FOR_COUNCILLOR_DUTIES", "PREJUDICES_NEUTRALITY", "OPENNESS_TO_MANAGEMENT"],
      "C2007-A1",
    ),
    readilyAvailableMustGrant: setting(true, "C2007-A4"),
    markedItems: setting("NEVER_SHARED", "C2007-A8"),
    adviceNotes: setting(true, "C2007-A1"),
    memberCannotDirectWork: setting(true, "C2007-A7"),
  },
  briefing: {
    ...defaultBriefing,
    invitationsOnly: setting(true, "C2007-B2"),
    recipient: setting("CHIEF_EXECUTIVE", "DEF-B2"),
    administrationExemption: setting(true, "C2007-B1"),
  },
  complaints: {
    ...defaultComplaints,
    seriousCategories: setting(["BULLYING", "HARASSMENT", "DISCRIMINATION", "VICTIMISATION"], "C2007-C1"),
    startGuidance: setting(
      "Neither councillors nor employees should use the media to resolve a disagreement, and councillors should avoid naming individual employees where possible.",
      "C2007-C2",
    ),
  },
  townCouncil: null,
  duties: {
    ...defaultDuties,
    reports: {
      ...defaultDuties.reports,
      authors: setting("CHIEF_OFFICER_OR_AUTHORISED", "C2007-E3"),
      memberEdits: setting("WITH_CHIEF_OFFICER_APPROVAL", "C2007-E3"),
      ownReportBy: setting("CHAIR", "C2007-E4"),
      noWithdrawal: setting(true, "C2007-E4"),
    },
    correspondence: {
      ...defaultDuties.correspondence,
      originatorTold: setting(true, "C2007-E1"),
      exceptionalReasons: setting(true, "C2007-E1"),
    },
    noMemberSignatoryForObligations: setting(true, "C2007-E2"),
    representations: setting("COMMITTEE_REQUIRED", "C2007-E5"),
    decisionMakers: { noPartyGroup: setting(true, "C2007-E5"), noSingleCouncillor: setting(true, "C2007-E5") },
  },
};
