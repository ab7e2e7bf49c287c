import { setting } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation, single } from "./defaults";
import type { CouncilProfile } from "./types";

export const halstead: CouncilProfile = {
  key: "HTC",
  title: "Member/Officer Protocol (June 2021)",
  source: "shared/seeds/004_dbc5041a0fb2cec5.txt",
  roleLabels: {
    COUNCIL_CHAIR: "Chairman of the Council (Town Mayor)",
    COUNCIL_VICE_CHAIR: "Vice-Chairman of the Council",
    OFFICER: "Staff",
  },
  // DEF-D6: the Monitoring Officer is the principal authority's, an external user.
  rolesUsed: [
    "MEMBER",
    "GROUP_LEADER",
    "COUNCIL_CHAIR",
    "COUNCIL_VICE_CHAIR",
    "OFFICER",
    "TOWN_CLERK",
    "MONITORING_OFFICER",
  ],
  townClerkGate: true,
  information: {
    ...defaultInformation,
    recipient: setting("TOWN_CLERK", "DEF-D5"),
    reviewer: setting("COUNCIL_AGENDA", "DEF-A3"),
    significantDevelopmentsTo: setting("ALL_MEMBERS", "HTC-A3"),
    markedItems: setting("UNTIL_PUBLIC", "HTC-A4"),
    memberCannotDirectWork: setting(true, "HTC-D5"),
    responseRequired: setting(true, "HTC-A2"),
    targetWorkingDays: setting(10, "DEF-A1"),
  },
  briefing: {
    ...defaultBriefing,
    invitationsOnly: setting(true, "HTC-B1"),
    filers: setting("ANY_MEMBER_NAMING_GROUP", "DEF-B1"),
    recipient: setting("TOWN_CLERK", "DEF-B2"),
  },
  complaints: {
    ...defaultComplaints,
    routes: [
      {
        when: { complainant: "OFFICER", grievance: true },
        ladder: {
          kind: "GRIEVANCE_PROCEDURE",
          ruleId: "HTC-C2",
          stages: [],
          message:
            "A grievance about how you were treated is not a member complaint: use the council's grievance and disciplinary procedures. The Town Clerk can tell you how.",
        },
      },
      { when: { grievance: true }, ladder: single("MONITORING_OFFICER", "HTC-C2") },
      // HTC-D7: an officer's concern about a member is a suspected Code breach, reported to the Clerk.
      {
        when: { complainant: "OFFICER", subjects: ["MEMBER"] },
        ladder: single("TOWN_CLERK", "HTC-D7", "CODE_BREACH_REPORT"),
      },
      // DEF-C5: concerns about the Town Clerk go to the Chairman, never to the Clerk.
      { when: { subjects: ["TOWN_CLERK"] }, ladder: single("COUNCIL_CHAIR", "DEF-C5") },
      { when: { codeOfConduct: true }, ladder: single("MONITORING_OFFICER", "DEF-C3", "CODE_OF_CONDUCT") },
      { when: { subjects: ["MEMBER"] }, ladder: single("MONITORING_OFFICER", "DEF-C3", "CODE_OF_CONDUCT") },
      { when: {}, ladder: single("TOWN_CLERK", "HTC-C1") },
    ],
  },
  townCouncil: { assessmentWorkingDays: setting(5, "DEF-D1") },
};
