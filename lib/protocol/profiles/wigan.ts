import type { CouncilProfile } from "./types";

export const wigan: CouncilProfile = {
  key: "WIG",
  title: "Member/Employee Protocol",
  source: "shared/seeds/003_7effeda2dae15347.txt",
  roleLabels: { CHIEF_OFFICER: "Director" },
  // MONITORING_OFFICER comes from defaults DEF-A3 and DEF-C3.
  rolesUsed: ["MEMBER", "WARD_MEMBER", "COMMITTEE_MEMBER", "GROUP_LEADER", "SPOKESPERSON", "LEADER_OF_COUNCIL", "CABINET_MEMBER", "COMMITTEE_CHAIR", "OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "MONITORING_OFFICER"],
};
