import type { CouncilProfile } from "./types";

export const unnamed2007: CouncilProfile = {
  key: "C2007",
  title: "Protocol for Member/Employee Relations (November 2007)",
  source: "shared/seeds/002_5a0090cadc3c90a6.txt",
  // RULES.md §2: C2007 gives the Chief Officer function to the "Head of Service".
  roleLabels: { CHIEF_OFFICER: "Head of Service", COMMITTEE_CHAIR: "Chairman" },
  // GROUP_LEADER (DEF-B1, DEF-B5), LEADER_OF_COUNCIL (DEF-C1) and MONITORING_OFFICER (DEF-A3, DEF-C3) come from defaults.
  rolesUsed: ["MEMBER", "WARD_MEMBER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR", "GROUP_LEADER", "LEADER_OF_COUNCIL", "OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "MONITORING_OFFICER", "POLITICAL_ASSISTANT"],
};
