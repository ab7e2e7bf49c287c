import { setting, silent } from "../types";
import {
  aboutChiefExecutive,
  codeMatters,
  defaultBriefing,
  defaultComplaints,
  defaultInformation,
  defaultDuties,
} from "./defaults";
import type { CouncilProfile } from "./types";

// Halton has no section A rules: information requests run on DEF-A1…A12 (RULES.md §3.A · HAL).
export const halton: CouncilProfile = {
  key: "HAL",
  title: "Member/Employee Interface Code",
  source: "shared/seeds/000_397c8d0ea88bedc4.txt",
  roleLabels: {},
  // LEADER_OF_COUNCIL and MONITORING_OFFICER are used by defaults DEF-C1, DEF-A3 and DEF-C3, not by the text.
  rolesUsed: [
    "MEMBER",
    "GROUP_LEADER",
    "CHIEF_WHIP",
    "COMMITTEE_CHAIR",
    "COMMITTEE_MEMBER",
    "LEADER_OF_COUNCIL",
    "OFFICER",
    "CHIEF_OFFICER",
    "CHIEF_EXECUTIVE",
    "MONITORING_OFFICER",
  ],
  townClerkGate: false,
  information: { ...defaultInformation },
  briefing: {
    ...defaultBriefing,
    invitationsOnly: setting(true, "HAL-B1"),
    onePartyMeetings: setting(true, "HAL-B5"),
    recipient: setting("SUBJECT_CHIEF_OFFICER", "HAL-B2"),
    attendees: setting("SENIOR_OF_CHIEF_OFFICERS_DEPARTMENT", "HAL-B3"),
    reportRules: setting("HAL", "HAL-B6"),
    standingArrangements: setting("JNC_ONLY", "HAL-B4"),
  },
  complaints: {
    ...defaultComplaints,
    informalFirst: setting(true, "HAL-C1"),
    routes: [
      ...aboutChiefExecutive,
      ...codeMatters,
      {
        // HAL-C4, HAL-C5, HAL-C6: officer about member — own Chief Officer, who raises it with the CE, who may raise it with the party.
        when: { complainant: "OFFICER", subjects: ["MEMBER"] },
        ladder: {
          kind: "COMPLAINT",
          ruleId: "HAL-C4",
          stages: [
            {
              key: "CHIEF_OFFICER",
              handler: "COMPLAINANT_CHIEF_OFFICER",
              ruleId: "HAL-C4",
              escalatedBy: null,
              outcomes: ["RESOLVED", "NOT_RESOLVED"],
            },
            {
              key: "CHIEF_EXECUTIVE",
              handler: "CHIEF_EXECUTIVE",
              ruleId: "HAL-C5",
              escalatedBy: "HANDLER",
              outcomes: ["RAISE_WITH_PARTY", "CLOSE"],
            },
          ],
        },
      },
      {
        // DEF-C2: about a Chief Officer — informal, then straight to the Chief Executive.
        when: { subjects: ["CHIEF_OFFICER"] },
        ladder: {
          kind: "COMPLAINT",
          ruleId: "DEF-C2",
          stages: [
            { key: "INFORMAL", handler: "SUBJECT_OFFICER", ruleId: "HAL-C1", escalatedBy: null },
            { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C2", escalatedBy: "COMPLAINANT" },
          ],
        },
      },
      {
        // HAL-C1, HAL-C2, HAL-C3: member about officer — informal, the officer's Chief Officer, then the Chief Executive.
        when: {},
        ladder: {
          kind: "COMPLAINT",
          ruleId: "HAL-C1",
          stages: [
            { key: "INFORMAL", handler: "SUBJECT_OFFICER", ruleId: "HAL-C1", escalatedBy: null },
            {
              key: "CHIEF_OFFICER",
              handler: "SUBJECT_CHIEF_OFFICER",
              ruleId: "HAL-C2",
              escalatedBy: "COMPLAINANT",
              outcomes: ["RESOLVED", "NOT_RESOLVED"],
            },
            { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "HAL-C3", escalatedBy: "COMPLAINANT" },
          ],
        },
      },
    ],
  },
  townCouncil: null,
  duties: {
    ...defaultDuties,
    reports: {
      ...defaultDuties.reports,
      authors: setting("CHIEF_OFFICER_OR_AUTHORISED", "HAL-E1"),
      memberEdits: setting("WITH_CHIEF_OFFICER_APPROVAL", "HAL-E2"),
      ownReportBy: setting("CHAIR", "HAL-E3"),
      noWithdrawal: setting(true, "HAL-E3"),
    },
    agendaItems: setting("CHIEF_OFFICER_THEN_CHAIR", "HAL-E4"),
    representations: setting("COMMITTEE_REQUIRED", "HAL-E5"),
    decisionMakers: { noPartyGroup: setting(true, "HAL-E5"), noSingleCouncillor: silent(false) },
  },
};
