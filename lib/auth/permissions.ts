// One table of what each role can use (pure). Navigation, home pages and page guards all read it.
import type { CanonicalRole } from "@/lib/protocol/roles";

export type NavItem = { key: string; label: string; href: string; roles: "ALL" | CanonicalRole[] };

/** Pages that exist now, in navigation order. Later capabilities add their entries here. */
export const NAV_ITEMS: NavItem[] = [
  { key: "home", label: "Home", href: "/", roles: "ALL" },
  { key: "new", label: "Make a request", href: "/requests/new", roles: ["MEMBER", "OFFICER"] },
  { key: "requests", label: "Requests", href: "/requests", roles: "ALL" },
  // Everyone who handles requests: officers, oversight roles, and members the ladders name (CE complaints, Town Clerk concerns).
  {
    key: "queue",
    label: "Queue",
    href: "/queue",
    roles: ["OFFICER", "MONITORING_OFFICER", "DIRECTOR_OF_GOVERNANCE", "LEADER_OF_COUNCIL", "COUNCIL_CHAIR"],
  },
  {
    key: "dashboard",
    label: "Dashboard",
    href: "/dashboard",
    roles: ["TOWN_CLERK", "CHIEF_EXECUTIVE", "DEPUTY_CHIEF_EXECUTIVE", "CHIEF_OPERATING_OFFICER", "CHIEF_OFFICER"],
  },
  // Section E (issue 14): meetings, agendas and reports; correspondence; the members' register.
  { key: "meetings", label: "Meetings", href: "/meetings", roles: "ALL" },
  { key: "correspondence", label: "Correspondence", href: "/correspondence", roles: "ALL" },
  { key: "register", label: "Register", href: "/register", roles: "ALL" },
  { key: "notifications", label: "Notifications", href: "/notifications", roles: "ALL" },
  { key: "people", label: "People", href: "/people", roles: "ALL" },
  { key: "users", label: "Users", href: "/admin/users", roles: ["ADMIN"] },
  { key: "outbox", label: "Email outbox", href: "/admin/outbox", roles: ["ADMIN"] },
  { key: "adminlog", label: "Admin log", href: "/admin/log", roles: ["ADMIN", "MONITORING_OFFICER"] },
  { key: "account", label: "Your account", href: "/account", roles: "ALL" },
];

export function can(roles: readonly CanonicalRole[], item: Pick<NavItem, "roles">): boolean {
  return item.roles === "ALL" || item.roles.some((r) => roles.includes(r));
}

/** Whether the roles may use the page with this navigation key (pages answer not found otherwise). */
export function canUse(roles: readonly CanonicalRole[], key: string): boolean {
  const item = NAV_ITEMS.find((n) => n.key === key);
  return !!item && can(roles, item);
}

export function navFor(roles: readonly CanonicalRole[]): NavItem[] {
  return NAV_ITEMS.filter((item) => can(roles, item));
}

export function canManageUsers(roles: readonly CanonicalRole[]): boolean {
  return roles.includes("ADMIN");
}

/** What each role will do in the service, shown on its home page (RULES.md §2 and the comparison matrix). */
export const ROLE_DUTIES: Partial<Record<CanonicalRole, string[]>> = {
  MEMBER: [
    "Ask officers for information you need as a councillor, and follow each request to its answer.",
    "Make a complaint about an officer through your council's complaint ladder.",
    "Ask for a review when a request is refused.",
  ],
  WARD_MEMBER: ["See replies that are shared with the members for your ward."],
  GROUP_LEADER: [
    "Ask for party-group briefings on behalf of your group, and see your group's briefing requests.",
    "Agree, for your group, to share a briefing more widely.",
  ],
  SPOKESPERSON: ["Ask for briefings on the subject you speak for, where your council's protocol allows it."],
  CHIEF_WHIP: ["Be told of complaints about members of your group where your council's ladder names you."],
  CABINET_MEMBER: ["Ask for briefings on your portfolio."],
  COMMITTEE_CHAIR: ["Ask for briefings for the committee you chair, where your council's protocol allows it."],
  LEADER_OF_COUNCIL: ["Handle complaints about the Chief Executive, which never go to the Chief Executive."],
  COUNCIL_CHAIR: ["Handle concerns about the Town Clerk, where your council's protocol names you."],
  COUNCIL_VICE_CHAIR: [
    "Stand in for the Chair of the Council. Your requests for staff help follow the same route as every member's.",
  ],
  OFFICER: [
    "Work on the members' requests routed or allocated to you, within your service.",
    "Raise a complaint about a member through your council's ladder.",
  ],
  CHIEF_OFFICER: [
    "Decide members' information requests for your service: grant them, or refuse with written reasons.",
    "Decide whether to attend a party-group briefing you are invited to.",
    "See the workload of your service.",
  ],
  CHIEF_EXECUTIVE: [
    "Decide party-group briefing requests and invite officers to attend: officers are invited, never instructed.",
    "Handle complaints that reach you on your council's ladder.",
    "See the workload across the council.",
  ],
  DEPUTY_CHIEF_EXECUTIVE: ["Decide party-group briefing requests where your council's protocol allows it."],
  CHIEF_OPERATING_OFFICER: ["Decide party-group briefing requests where your council's protocol allows it."],
  DIRECTOR_OF_GOVERNANCE: ["Review refused information requests when a member asks for a review."],
  MONITORING_OFFICER: [
    "Review refusals where your council's profile names you, and triage code-of-conduct matters.",
  ],
  TOWN_CLERK: [
    "Weigh every member's request for staff help against staff workload: accept, modify or decline with reasons.",
    "Decide whether all members are told of a request, and put members' agenda items on the next meeting's list.",
  ],
  DEMOCRATIC_SERVICES: [
    "Schedule committee meetings with their agenda deadlines, list reports and items, and publish each agenda.",
    "Record each report's outcome at the meeting.",
  ],
  ADMIN: ["Manage user accounts: deactivate or reactivate a user (which ends their sessions at once)."],
  POLITICAL_ASSISTANT: ["Support your group; you have no workflow role in members' requests."],
};
