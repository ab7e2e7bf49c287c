import { setting } from "../types";
import { defaultBriefing, defaultComplaints, defaultInformation } from "./defaults";
import type { CouncilProfile } from "./types";

export const halstead: CouncilProfile = {
  key: "HTC",
  title: "Member/Officer Protocol (June 2021)",
  source: "shared/seeds/004_dbc5041a0fb2cec5.txt",
  roleLabels: { COUNCIL_CHAIR: "Chairman of the Council (Town Mayor)", COUNCIL_VICE_CHAIR: "Vice-Chairman of the Council", OFFICER: "Staff" },
  // DEF-D6: the Monitoring Officer is the principal authority's, an external user.
  rolesUsed: ["MEMBER", "GROUP_LEADER", "COUNCIL_CHAIR", "COUNCIL_VICE_CHAIR", "OFFICER", "TOWN_CLERK", "MONITORING_OFFICER"],
  townClerkGate: true,
  information: {
    ...defaultInformation,
    recipient: setting("TOWN_CLERK", "DEF-D5"),
    reviewer: setting("COUNCIL_AGENDA", "DEF-A3"),
    significantDevelopmentsTo: setting("ALL_MEMBERS", "HTC-A3"),
    confidentialUntilPublic: setting(true, "HTC-A4"),
    targetWorkingDays: setting(10, "DEF-A1"),
  },
  briefing: {
    ...defaultBriefing,
    filers: setting("ANY_MEMBER_NAMING_GROUP", "DEF-B1"),
    recipient: setting("TOWN_CLERK", "DEF-B2"),
  },
  complaints: { ...defaultComplaints },
  townCouncil: { assessmentWorkingDays: setting(5, "DEF-D1") },
};
