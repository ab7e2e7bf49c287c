import type { CouncilProfile } from "./types";

export const halstead: CouncilProfile = {
  key: "HTC",
  title: "Member/Officer Protocol (June 2021)",
  source: "shared/seeds/004_dbc5041a0fb2cec5.txt",
  roleLabels: { COUNCIL_CHAIR: "Chairman of the Council (Town Mayor)", COUNCIL_VICE_CHAIR: "Vice-Chairman of the Council", OFFICER: "Staff" },
  // DEF-D6: the Monitoring Officer is the principal authority's, an external user.
  rolesUsed: ["MEMBER", "GROUP_LEADER", "COUNCIL_CHAIR", "COUNCIL_VICE_CHAIR", "OFFICER", "TOWN_CLERK", "MONITORING_OFFICER"],
};
