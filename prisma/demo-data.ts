// Demo councils: one per seed protocol (shared/seeds/README.md). All people are invented.
// Sign-in emails are <first>.<last>@<slug>.example; every demo account shares DEMO_PASSWORD.
import type { CouncilKind, GroupOfficeKind, Role, Seniority } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-council-2026";

export type DemoPerson = {
  name: string;
  roles: Role[];
  jobTitle?: string;
  group?: string;
  wards?: string[];
  service?: string;
  seniority?: Seniority;
  tier?: number;
  jnc?: boolean;
  capacity?: number;
  offices?: { kind: GroupOfficeKind; portfolio?: string }[];
  committees?: string[];
  /** A Cabinet Member's portfolio: its name and the services (names above) it covers. */
  portfolio?: { name: string; services: string[] };
};

export type DemoCouncil = {
  slug: string;
  name: string;
  kind: CouncilKind;
  profileKey: string;
  groups: { name: string; isAdministration: boolean }[];
  wards: string[];
  /** Service name → name of its Chief Officer (a person below). */
  services: Record<string, string | null>;
  /** Committee name → name of its Chair. */
  committees: Record<string, string>;
  /** Committee name → its kind and terms of reference (WIG-E7; CWC-E2 names scrutiny). Others are COMMITTEE. */
  committeeDetails?: Record<string, { kind: string; termsOfReference: string }>;
  people: DemoPerson[];
};

const M: Role[] = ["MEMBER"];
const O: Role[] = ["OFFICER"];
const CO: Role[] = ["OFFICER", "CHIEF_OFFICER"];

export const demoCouncils: DemoCouncil[] = [
  {
    slug: "halton",
    name: "Halton Borough Council",
    kind: "UNITARY",
    profileKey: "HAL",
    groups: [
      { name: "Labour Group", isAdministration: true },
      { name: "Liberal Democrat Group", isAdministration: false },
    ],
    wards: ["Appleton", "Ditton", "Grange", "Halton Castle"],
    services: {
      "Adult Social Care": "Gillian Marsh",
      "Environment and Regeneration": "Owen Pritchard",
      "Legal and Democratic Services": "Priya Natarajan",
    },
    committees: { "Executive Board": "Derek Holloway", "Health Policy and Performance Board": "Sandra Kettle" },
    committeeDetails: {
      "Executive Board": {
        kind: "CABINET",
        termsOfReference: "Executive decisions of the Council within the budget and policy framework.",
      },
      "Health Policy and Performance Board": {
        kind: "BOARD",
        termsOfReference: "Policy development and performance of adult social care and public health services.",
      },
    },
    people: [
      {
        name: "Derek Holloway",
        roles: [...M, "LEADER_OF_COUNCIL"],
        group: "Labour Group",
        wards: ["Appleton"],
        offices: [{ kind: "LEADER" }],
        committees: ["Executive Board"],
      },
      {
        name: "Sandra Kettle",
        roles: M,
        group: "Labour Group",
        wards: ["Ditton"],
        offices: [{ kind: "CHIEF_WHIP" }],
        committees: ["Health Policy and Performance Board"],
      },
      {
        name: "Marcus Okafor",
        roles: M,
        group: "Labour Group",
        wards: ["Grange"],
        committees: ["Health Policy and Performance Board"],
      },
      { name: "Helen Tranter", roles: M, group: "Labour Group", wards: ["Halton Castle"] },
      {
        name: "Philippa Dunne",
        roles: M,
        group: "Liberal Democrat Group",
        wards: ["Appleton"],
        offices: [{ kind: "LEADER" }],
        committees: ["Health Policy and Performance Board"],
      },
      {
        name: "Rory Blackwood",
        roles: M,
        group: "Liberal Democrat Group",
        wards: ["Ditton"],
        offices: [{ kind: "CHIEF_WHIP" }],
      },
      {
        name: "Imogen Sale",
        roles: [...O, "CHIEF_EXECUTIVE"],
        jobTitle: "Chief Executive",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Gillian Marsh",
        roles: CO,
        jobTitle: "Director of Adult Social Care",
        service: "Adult Social Care",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Owen Pritchard",
        roles: CO,
        jobTitle: "Director of Environment and Regeneration",
        service: "Environment and Regeneration",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Priya Natarajan",
        roles: [...CO, "MONITORING_OFFICER"],
        jobTitle: "Director of Legal and Democratic Services",
        service: "Legal and Democratic Services",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Rachel Dunn",
        roles: O,
        jobTitle: "Head of Adult Services",
        service: "Adult Social Care",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Colin Ashworth",
        roles: O,
        jobTitle: "Divisional Manager, Highways",
        service: "Environment and Regeneration",
        seniority: "SENIOR",
        jnc: true,
      },
      {
        name: "Tasha Reid",
        roles: O,
        jobTitle: "Care Services Officer",
        service: "Adult Social Care",
        seniority: "JUNIOR",
      },
      {
        name: "Ben Lowry",
        roles: O,
        jobTitle: "Waste Services Officer",
        service: "Environment and Regeneration",
        seniority: "JUNIOR",
      },
      {
        name: "Fiona Carr",
        roles: [...O, "ADMIN", "DEMOCRATIC_SERVICES"],
        jobTitle: "Democratic Services Manager",
        service: "Legal and Democratic Services",
        seniority: "SENIOR",
      },
    ],
  },
  {
    slug: "cheshire-west",
    name: "Cheshire West and Chester Council",
    kind: "UNITARY",
    profileKey: "CWC",
    groups: [
      { name: "Labour Group", isAdministration: true },
      { name: "Conservative Group", isAdministration: false },
      { name: "Independent Group", isAdministration: false },
    ],
    wards: ["Blacon", "Frodsham", "Winsford Over", "Neston", "Ellesmere Port Town"],
    services: {
      "Place Operations": "Nadia Brook",
      "Children and Families": "Graham Yeo",
      Governance: "Ruth Calloway",
      "Corporate Services": "Tom Ferris",
    },
    committees: {
      Cabinet: "Louise Barraclough",
      "Overview and Scrutiny Committee": "Adrian Penhale",
      "Planning Committee": "Yasmin Clarke",
    },
    committeeDetails: {
      Cabinet: { kind: "CABINET", termsOfReference: "Executive decisions of the Council." },
      "Overview and Scrutiny Committee": {
        kind: "SCRUTINY",
        termsOfReference: "Scrutiny of the Cabinet's decisions and of the Council's services.",
      },
      "Planning Committee": { kind: "COMMITTEE", termsOfReference: "Planning applications and enforcement." },
    },
    people: [
      {
        name: "Louise Barraclough",
        roles: [...M, "LEADER_OF_COUNCIL", "CABINET_MEMBER"],
        group: "Labour Group",
        wards: ["Blacon"],
        offices: [{ kind: "LEADER" }],
        committees: ["Cabinet"],
      },
      {
        name: "Dev Mistry",
        roles: [...M, "CABINET_MEMBER"],
        jobTitle: "Cabinet Member for Environment",
        portfolio: { name: "Environment", services: ["Place Operations"] },
        group: "Labour Group",
        wards: ["Frodsham"],
        committees: ["Cabinet"],
      },
      {
        name: "Yasmin Clarke",
        roles: M,
        group: "Labour Group",
        wards: ["Winsford Over"],
        committees: ["Planning Committee"],
      },
      {
        name: "Carol Ames",
        roles: [...M, "COUNCIL_CHAIR"],
        jobTitle: "Chair of the Council",
        group: "Labour Group",
        wards: ["Neston"],
      },
      {
        name: "Adrian Penhale",
        roles: M,
        group: "Conservative Group",
        wards: ["Frodsham"],
        offices: [{ kind: "LEADER" }],
        committees: ["Overview and Scrutiny Committee"],
      },
      {
        name: "Harriet Vane-Lowe",
        roles: M,
        group: "Conservative Group",
        wards: ["Neston"],
        offices: [{ kind: "SPOKESPERSON", portfolio: "Planning Committee" }],
        committees: ["Planning Committee"],
      },
      { name: "Simon Greatorex", roles: M, group: "Conservative Group", wards: ["Ellesmere Port Town"] },
      {
        name: "Megan Iles",
        roles: M,
        group: "Independent Group",
        wards: ["Blacon"],
        offices: [{ kind: "LEADER" }],
        committees: ["Overview and Scrutiny Committee"],
      },
      {
        name: "Victor Hale",
        roles: [...O, "CHIEF_EXECUTIVE"],
        jobTitle: "Chief Executive",
        seniority: "SENIOR",
        tier: 1,
      },
      {
        name: "Sunita Rao",
        roles: [...O, "DEPUTY_CHIEF_EXECUTIVE"],
        jobTitle: "Deputy Chief Executive",
        seniority: "SENIOR",
        tier: 2,
      },
      {
        name: "Tom Ferris",
        roles: [...CO, "CHIEF_OPERATING_OFFICER"],
        jobTitle: "Chief Operating Officer",
        service: "Corporate Services",
        seniority: "SENIOR",
        tier: 2,
      },
      {
        name: "Nadia Brook",
        roles: CO,
        jobTitle: "Director of Place Operations",
        service: "Place Operations",
        seniority: "SENIOR",
        tier: 3,
      },
      {
        name: "Graham Yeo",
        roles: CO,
        jobTitle: "Director of Children and Families",
        service: "Children and Families",
        seniority: "SENIOR",
        tier: 3,
      },
      {
        name: "Ruth Calloway",
        roles: [...CO, "DIRECTOR_OF_GOVERNANCE", "MONITORING_OFFICER"],
        jobTitle: "Director of Governance and Monitoring Officer",
        service: "Governance",
        seniority: "SENIOR",
        tier: 3,
      },
      {
        name: "Kieran Walsh",
        roles: O,
        jobTitle: "Head of Highways",
        service: "Place Operations",
        seniority: "SENIOR",
        tier: 4,
      },
      {
        name: "Amy Thornton",
        roles: O,
        jobTitle: "Planning Officer",
        service: "Place Operations",
        seniority: "JUNIOR",
        tier: 6,
      },
      {
        name: "Lewis Pryce",
        roles: O,
        jobTitle: "Family Support Worker",
        service: "Children and Families",
        seniority: "JUNIOR",
        tier: 7,
      },
      {
        name: "Joanna Fielding",
        roles: [...O, "ADMIN", "DEMOCRATIC_SERVICES"],
        jobTitle: "Democratic Services Manager",
        service: "Governance",
        seniority: "SENIOR",
        tier: 4,
      },
    ],
  },
  {
    slug: "ashdown-vale",
    name: "Ashdown Vale District Council",
    kind: "DISTRICT",
    profileKey: "C2007",
    groups: [
      { name: "Conservative Group", isAdministration: true },
      { name: "Green Group", isAdministration: false },
    ],
    wards: ["Forest Row", "Hartfield", "Crowborough North"],
    services: {
      Housing: "Moira Delaney",
      "Planning and Environment": "Jeremy Attwood",
      "Legal Services": "Saoirse Byrne",
    },
    committees: { "Planning Committee": "Nigel Farrant", "Housing Committee": "Pauline Oduya" },
    committeeDetails: {
      "Planning Committee": { kind: "COMMITTEE", termsOfReference: "Planning applications and planning policy." },
      "Housing Committee": {
        kind: "COMMITTEE",
        termsOfReference: "Housing strategy, allocations and homelessness.",
      },
    },
    people: [
      {
        name: "Nigel Farrant",
        roles: [...M, "LEADER_OF_COUNCIL"],
        group: "Conservative Group",
        wards: ["Forest Row"],
        offices: [{ kind: "LEADER" }],
        committees: ["Planning Committee"],
      },
      {
        name: "Pauline Oduya",
        roles: M,
        group: "Conservative Group",
        wards: ["Hartfield"],
        committees: ["Housing Committee"],
      },
      {
        name: "Geoffrey Lamb",
        roles: M,
        group: "Conservative Group",
        wards: ["Crowborough North"],
        committees: ["Planning Committee"],
      },
      {
        name: "Rowan Ellery",
        roles: M,
        group: "Green Group",
        wards: ["Forest Row"],
        offices: [{ kind: "LEADER" }],
        committees: ["Housing Committee"],
      },
      {
        name: "Tamsin Hook",
        roles: M,
        group: "Green Group",
        wards: ["Crowborough North"],
        offices: [{ kind: "SPOKESPERSON", portfolio: "Planning Committee" }],
      },
      {
        name: "Alistair Penn",
        roles: [...O, "CHIEF_EXECUTIVE"],
        jobTitle: "Chief Executive",
        seniority: "SENIOR",
      },
      { name: "Moira Delaney", roles: CO, jobTitle: "Head of Housing", service: "Housing", seniority: "SENIOR" },
      {
        name: "Jeremy Attwood",
        roles: CO,
        jobTitle: "Head of Planning and Environment",
        service: "Planning and Environment",
        seniority: "SENIOR",
      },
      {
        name: "Saoirse Byrne",
        roles: [...CO, "MONITORING_OFFICER"],
        jobTitle: "Head of Legal Services and Monitoring Officer",
        service: "Legal Services",
        seniority: "SENIOR",
      },
      {
        name: "Daniel Crewe",
        roles: O,
        jobTitle: "Housing Options Officer",
        service: "Housing",
        seniority: "JUNIOR",
      },
      {
        name: "Lucy Ambrose",
        roles: O,
        jobTitle: "Environmental Health Officer",
        service: "Planning and Environment",
        seniority: "JUNIOR",
      },
      {
        name: "Marcus Vell",
        roles: ["POLITICAL_ASSISTANT"],
        jobTitle: "Political Assistant to the Conservative Group",
      },
      {
        name: "Hannah Greig",
        roles: [...O, "ADMIN", "DEMOCRATIC_SERVICES"],
        jobTitle: "Democratic Services Officer",
        service: "Legal Services",
        seniority: "JUNIOR",
      },
    ],
  },
  {
    slug: "wigan",
    name: "Wigan Metropolitan Borough Council",
    kind: "METROPOLITAN_BOROUGH",
    profileKey: "WIG",
    groups: [
      { name: "Labour Group", isAdministration: true },
      { name: "Conservative Group", isAdministration: false },
      { name: "Independent Network", isAdministration: false },
    ],
    wards: ["Abram", "Ashton", "Leigh West", "Standish with Langtree", "Tyldesley"],
    services: {
      Place: "Rebecca Shaw",
      "Children's Services": "Anil Kapoor",
      "Adult Social Care and Health": "Deborah Quayle",
      "Legal and Governance": "Martin Greaves",
    },
    committees: {
      Cabinet: "Keith Ormerod",
      "Economy and Place Scrutiny Panel": "Joan Pilling",
      "Planning Committee": "Stuart Heyes",
    },
    committeeDetails: {
      Cabinet: { kind: "CABINET", termsOfReference: "Executive decisions of the Council." },
      "Economy and Place Scrutiny Panel": {
        kind: "PANEL",
        termsOfReference:
          "Scrutiny of economic development, transport (including bus services), highways, regeneration and the environment.",
      },
      "Planning Committee": { kind: "COMMITTEE", termsOfReference: "Planning applications and enforcement." },
    },
    people: [
      {
        name: "Keith Ormerod",
        roles: [...M, "LEADER_OF_COUNCIL", "CABINET_MEMBER"],
        jobTitle: "Leader of the Council",
        group: "Labour Group",
        wards: ["Ashton"],
        offices: [{ kind: "LEADER" }],
        committees: ["Cabinet"],
      },
      {
        name: "Joan Pilling",
        roles: M,
        group: "Labour Group",
        wards: ["Abram"],
        committees: ["Economy and Place Scrutiny Panel"],
      },
      {
        name: "Sadia Rahman",
        roles: [...M, "CABINET_MEMBER"],
        jobTitle: "Cabinet Member for Children",
        portfolio: { name: "Children", services: ["Children's Services"] },
        group: "Labour Group",
        wards: ["Leigh West"],
        committees: ["Cabinet"],
      },
      {
        name: "Stuart Heyes",
        roles: M,
        group: "Labour Group",
        wards: ["Tyldesley"],
        committees: ["Planning Committee"],
      },
      { name: "Patricia Lunt", roles: M, group: "Labour Group", wards: ["Ashton"] },
      {
        name: "Gordon Fairclough",
        roles: M,
        group: "Conservative Group",
        wards: ["Standish with Langtree"],
        offices: [{ kind: "LEADER" }],
        committees: ["Planning Committee"],
      },
      {
        name: "Elaine Marsden",
        roles: M,
        group: "Conservative Group",
        wards: ["Standish with Langtree"],
        offices: [
          { kind: "SPOKESPERSON", portfolio: "Children's Services" },
          { kind: "SPOKESPERSON", portfolio: "Place" },
        ],
      },
      {
        name: "Tony Birchall",
        roles: M,
        group: "Independent Network",
        wards: ["Tyldesley"],
        offices: [{ kind: "LEADER" }],
        committees: ["Economy and Place Scrutiny Panel"],
      },
      {
        name: "Naomi Ward",
        roles: M,
        group: "Independent Network",
        wards: ["Leigh West"],
        offices: [{ kind: "SPOKESPERSON", portfolio: "Place" }],
      },
      { name: "Alison Kerr", roles: [...O, "CHIEF_EXECUTIVE"], jobTitle: "Chief Executive", seniority: "SENIOR" },
      { name: "Rebecca Shaw", roles: CO, jobTitle: "Director for Place", service: "Place", seniority: "SENIOR" },
      {
        name: "Anil Kapoor",
        roles: CO,
        jobTitle: "Director of Children's Services",
        service: "Children's Services",
        seniority: "SENIOR",
      },
      {
        name: "Deborah Quayle",
        roles: CO,
        jobTitle: "Director of Adult Social Care and Health",
        service: "Adult Social Care and Health",
        seniority: "SENIOR",
      },
      {
        name: "Martin Greaves",
        roles: [...CO, "MONITORING_OFFICER"],
        jobTitle: "Director of Legal and Governance",
        service: "Legal and Governance",
        seniority: "SENIOR",
      },
      {
        name: "Chloe Unsworth",
        roles: O,
        jobTitle: "Assistant Director, Highways",
        service: "Place",
        seniority: "SENIOR",
      },
      { name: "Liam Gaskell", roles: O, jobTitle: "Neighbourhood Officer", service: "Place", seniority: "JUNIOR" },
      {
        name: "Hannah Royle",
        roles: O,
        jobTitle: "Head of Adult Services",
        service: "Adult Social Care and Health",
        seniority: "SENIOR",
      },
      {
        name: "Peter Gibbons",
        roles: O,
        jobTitle: "Head of Education",
        service: "Children's Services",
        seniority: "SENIOR",
      },
      {
        name: "Erin Whittle",
        roles: O,
        jobTitle: "Social Worker",
        service: "Children's Services",
        seniority: "JUNIOR",
      },
      {
        name: "Paul Hindley",
        roles: [...O, "ADMIN", "DEMOCRATIC_SERVICES"],
        jobTitle: "Member Services Manager",
        service: "Legal and Governance",
        seniority: "SENIOR",
      },
    ],
  },
  {
    slug: "halstead",
    name: "Halstead Town Council",
    kind: "TOWN",
    profileKey: "HTC",
    groups: [
      { name: "Independent Group", isAdministration: true },
      { name: "Liberal Democrat Group", isAdministration: false },
    ],
    wards: ["Halstead St Andrew's", "Halstead Trinity"],
    services: { "Town Council Office": null, "Grounds and Facilities": null },
    committees: { "Full Council": "Janet Coker", "Amenities Committee": "Oliver Pask" },
    committeeDetails: {
      "Full Council": { kind: "COUNCIL", termsOfReference: "All the Town Council's business not delegated." },
      "Amenities Committee": {
        kind: "COMMITTEE",
        termsOfReference: "Parks, open spaces, allotments, the cemetery and the town's halls.",
      },
    },
    people: [
      {
        name: "Janet Coker",
        roles: [...M, "COUNCIL_CHAIR"],
        jobTitle: "Town Mayor (Chairman of the Council)",
        group: "Independent Group",
        wards: ["Halstead St Andrew's"],
        offices: [{ kind: "LEADER" }],
        committees: ["Full Council"],
      },
      {
        name: "Oliver Pask",
        roles: [...M, "COUNCIL_VICE_CHAIR"],
        jobTitle: "Deputy Town Mayor (Vice-Chairman)",
        group: "Independent Group",
        wards: ["Halstead Trinity"],
        committees: ["Full Council", "Amenities Committee"],
      },
      {
        name: "Bridget Fenn",
        roles: M,
        group: "Independent Group",
        wards: ["Halstead Trinity"],
        committees: ["Full Council", "Amenities Committee"],
      },
      {
        name: "Samuel Tolley",
        roles: M,
        group: "Liberal Democrat Group",
        wards: ["Halstead St Andrew's"],
        offices: [{ kind: "LEADER" }],
        committees: ["Full Council"],
      },
      {
        name: "Rosa Quint",
        roles: M,
        group: "Liberal Democrat Group",
        wards: ["Halstead Trinity"],
        committees: ["Full Council", "Amenities Committee"],
      },
      {
        name: "Margaret Doyle",
        roles: [...O, "TOWN_CLERK"],
        jobTitle: "Town Clerk",
        service: "Town Council Office",
        seniority: "SENIOR",
        capacity: 37,
      },
      {
        name: "Kevin Styles",
        roles: [...O, "ADMIN"],
        jobTitle: "Deputy Town Clerk",
        service: "Town Council Office",
        seniority: "SENIOR",
        capacity: 30,
      },
      {
        name: "Aisha Benton",
        roles: O,
        jobTitle: "Administration Officer",
        service: "Town Council Office",
        seniority: "JUNIOR",
        capacity: 22,
      },
      {
        name: "Dean Parr",
        roles: O,
        jobTitle: "Grounds Maintenance Officer",
        service: "Grounds and Facilities",
        seniority: "JUNIOR",
        capacity: 37,
      },
      // DEF-D6: the Monitoring Officer is the principal authority's, modelled as an external user.
      {
        name: "Graham Lowther",
        roles: ["MONITORING_OFFICER"],
        jobTitle: "Monitoring Officer of the district council (external)",
      },
    ],
  },
];

export function demoEmail(council: Pick<DemoCouncil, "slug">, person: Pick<DemoPerson, "name">): string {
  const parts = person.name
    .toLowerCase()
    .replace(/[^a-z\s-]/g, "")
    .split(/\s+/);
  return `${parts[0]}.${parts.slice(1).join("")}@${council.slug}.example`;
}
