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
};
