import { setting, silent } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation, single, defaultDuties } from "./defaults";
import type { CouncilProfile } from "./types";

const HTC_GROUP_DECISIONS =
  "Party group decisions are not Council decisions and must not be presented as such to the public and press. Representations to a political group are not representations to the Council.";
const HTC_PUBLIC_COMMENT =
  "Officers cannot respond to public comment. Take care when commenting publicly on individual officers: criticise reports, actions and work, never the person — no personal criticism, rudeness, abuse or ridicule.";

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
  duties: {
    ...defaultDuties,
    reports: {
      ...defaultDuties.reports,
      authors: setting("OFFICERS", "HTC-E1"),
      memberEdits: setting("NEVER", "HTC-E1"),
      revisionAfterSharing: setting("OFFICER_WITH_GROUND", "HTC-E1"),
      noWithdrawal: setting(true, "HTC-E2"),
      remedy: setting(true, "HTC-E2"),
    },
    agendaItems: setting("TOWN_CLERK_LISTS", "HTC-D8"),
    disclosures: setting("TOWN_CLERK_OR_CHAIR", "DEF-E1"),
    representations: setting("GROUP_NOT_COUNCIL", "HTC-E3"),
    decisionMakers: { noPartyGroup: setting(true, "HTC-E3"), noSingleCouncillor: silent(false) },
    publicity: {
      declaration: silent(false),
      notices: [setting(HTC_GROUP_DECISIONS, "HTC-E3"), setting(HTC_PUBLIC_COMMENT, "HTC-E4")],
    },
    complaintGuidance: [{ notice: setting(HTC_PUBLIC_COMMENT, "HTC-E4"), aboutOfficerOnly: true }],
  },
};
