import { setting } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation } from "./defaults";
import type { CouncilProfile } from "./types";

// Halton has no section A rules: information requests run on DEF-A1…A12 (RULES.md §3.A · HAL).
export const halton: CouncilProfile = {
  key: "HAL",
  title: "Member/Employee Interface Code",
  source: "shared/seeds/000_397c8d0ea88bedc4.txt",
  roleLabels: {},
  // LEADER_OF_COUNCIL and MONITORING_OFFICER are used by defaults DEF-C1, DEF-A3 and DEF-C3, not by the text.
  rolesUsed: ["MEMBER", "GROUP_LEADER", "CHIEF_WHIP", "COMMITTEE_CHAIR", "COMMITTEE_MEMBER", "LEADER_OF_COUNCIL", "OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "MONITORING_OFFICER"],
  townClerkGate: false,
  information: { ...defaultInformation },
  briefing: {
    ...defaultBriefing,
    recipient: setting("SUBJECT_CHIEF_OFFICER", "HAL-B2"),
    attendees: setting("SENIOR_OF_CHIEF_OFFICERS_DEPARTMENT", "HAL-B3"),
    reportRules: setting("HAL", "HAL-B6"),
    standingArrangements: setting("JNC_ONLY", "HAL-B4"),
  },
  complaints: { ...defaultComplaints, informalFirst: setting(true, "HAL-C1") },
  townCouncil: null,
};
