// Canonical roles of shared/protocol/RULES.md §2 (pure: no Next or Prisma imports).
export const STORED_ROLES = [
  "MEMBER",
  "LEADER_OF_COUNCIL",
  "CABINET_MEMBER",
  "COUNCIL_CHAIR",
  "COUNCIL_VICE_CHAIR",
  "OFFICER",
  "CHIEF_OFFICER",
  "DEPUTY_CHIEF_EXECUTIVE",
  "CHIEF_OPERATING_OFFICER",
  "CHIEF_EXECUTIVE",
  "DIRECTOR_OF_GOVERNANCE",
  "MONITORING_OFFICER",
  "TOWN_CLERK",
  "POLITICAL_ASSISTANT",
  "DEMOCRATIC_SERVICES",
  "ADMIN",
] as const;
export type StoredRole = (typeof STORED_ROLES)[number];

/** Roles derived from group offices, committee chairs and ward / committee assignments (RULES.md §2). */
export const DERIVED_ROLES = [
  "GROUP_LEADER",
  "CHIEF_WHIP",
  "SPOKESPERSON",
  "COMMITTEE_CHAIR",
  "WARD_MEMBER",
  "COMMITTEE_MEMBER",
] as const;
export type DerivedRole = (typeof DERIVED_ROLES)[number];

export type CanonicalRole = StoredRole | DerivedRole;

export const DEFAULT_ROLE_LABELS: Record<CanonicalRole, string> = {
  MEMBER: "Councillor",
  LEADER_OF_COUNCIL: "Leader of the Council",
  CABINET_MEMBER: "Cabinet Member",
  COUNCIL_CHAIR: "Chair of the Council",
  COUNCIL_VICE_CHAIR: "Vice-Chair of the Council",
  OFFICER: "Officer",
  CHIEF_OFFICER: "Chief Officer",
  DEPUTY_CHIEF_EXECUTIVE: "Deputy Chief Executive",
  CHIEF_OPERATING_OFFICER: "Chief Operating Officer",
  CHIEF_EXECUTIVE: "Chief Executive",
  DIRECTOR_OF_GOVERNANCE: "Director of Governance",
  MONITORING_OFFICER: "Monitoring Officer",
  TOWN_CLERK: "Town Clerk",
  POLITICAL_ASSISTANT: "Political Assistant",
  DEMOCRATIC_SERVICES: "Democratic services",
  ADMIN: "User administrator",
  GROUP_LEADER: "Group Leader",
  CHIEF_WHIP: "Chief Whip",
  SPOKESPERSON: "Spokesperson",
  COMMITTEE_CHAIR: "Committee Chair",
  WARD_MEMBER: "Ward member",
  COMMITTEE_MEMBER: "Committee member",
};

/** Order in which a person's roles are shown: the most specific office first. */
export const ROLE_PRECEDENCE: CanonicalRole[] = [
  "CHIEF_EXECUTIVE",
  "DEPUTY_CHIEF_EXECUTIVE",
  "CHIEF_OPERATING_OFFICER",
  "DIRECTOR_OF_GOVERNANCE",
  "MONITORING_OFFICER",
  "TOWN_CLERK",
  "CHIEF_OFFICER",
  "LEADER_OF_COUNCIL",
  "COUNCIL_CHAIR",
  "COUNCIL_VICE_CHAIR",
  "CABINET_MEMBER",
  "GROUP_LEADER",
  "CHIEF_WHIP",
  "SPOKESPERSON",
  "COMMITTEE_CHAIR",
  "MEMBER",
  "WARD_MEMBER",
  "COMMITTEE_MEMBER",
  "POLITICAL_ASSISTANT",
  "DEMOCRATIC_SERVICES",
  "ADMIN",
  "OFFICER",
];

export type OfficeFacts = {
  stored: readonly StoredRole[];
  groupOffices: readonly ("LEADER" | "CHAIR" | "CHIEF_WHIP" | "SPOKESPERSON")[];
  chairsCommittees: boolean;
  hasWards: boolean;
  hasCommittees: boolean;
};

/** A person's effective canonical roles: what they hold directly plus what their offices and assignments give. */
export function effectiveRoles(f: OfficeFacts): CanonicalRole[] {
  const roles = new Set<CanonicalRole>(f.stored);
  if (f.groupOffices.includes("LEADER")) roles.add("GROUP_LEADER");
  if (f.groupOffices.includes("CHIEF_WHIP")) roles.add("CHIEF_WHIP");
  if (f.groupOffices.includes("SPOKESPERSON")) roles.add("SPOKESPERSON");
  if (f.chairsCommittees) roles.add("COMMITTEE_CHAIR");
  if (roles.has("MEMBER") && f.hasWards) roles.add("WARD_MEMBER");
  if (roles.has("MEMBER") && f.hasCommittees) roles.add("COMMITTEE_MEMBER");
  return ROLE_PRECEDENCE.filter((r) => roles.has(r));
}
