import type { CouncilProfile } from "./types";

export const halton: CouncilProfile = {
  key: "HAL",
  title: "Member/Employee Interface Code",
  source: "shared/seeds/000_397c8d0ea88bedc4.txt",
  roleLabels: { CHIEF_EXECUTIVE: "Chief Executive" },
  // LEADER_OF_COUNCIL and MONITORING_OFFICER are used by defaults DEF-C1, DEF-A3 and DEF-C3, not by the text.
  rolesUsed: ["MEMBER", "GROUP_LEADER", "CHIEF_WHIP", "COMMITTEE_CHAIR", "COMMITTEE_MEMBER", "LEADER_OF_COUNCIL", "OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "MONITORING_OFFICER"],
};
