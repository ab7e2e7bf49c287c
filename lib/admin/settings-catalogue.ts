// The protocol settings a council's administrator sees (issue 15), in plain English: every setting of a council
// profile with a name, what the app does with its value (for "How requests work here") and — for the small explicit
// list below — how an administrator may change it. A setting may be changed only where the council's own profile
// makes it a council setting (`isDefault`: a DEF- default, the council's own choice, or silent in the protocol) and
// the entry says how; protocol rules are always read-only. Pure: no database, no Next.
import { roleLabel } from "@/lib/protocol/profiles";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";

export type AreaKey = "information" | "briefing" | "complaints" | "townCouncil" | "duties";

export const AREAS: { key: AreaKey; title: string }[] = [
  { key: "information", title: "Information requests" },
  { key: "briefing", title: "Party-group briefings" },
  { key: "complaints", title: "Complaints" },
  { key: "townCouncil", title: "Town council: the Town Clerk" },
  { key: "duties", title: "Reports, agendas, correspondence and the register (section E duties)" },
];

export type Choice = { value: string; label: string };

/** How an administrator may change a setting. Working days are always whole numbers from 1 to 60. */
export type EditSpec =
  | { kind: "number"; min: number; max: number; unit: "working days" | "councillors" }
  | { kind: "boolean" }
  | { kind: "choice"; allowed: (p: CouncilProfile) => string[] };

export type CatalogueEntry = {
  /** The setting's path in the profile, also the key it is stored under ("information.targetWorkingDays"). */
  path: string;
  /** Its plain-English name. */
  name: string;
  /** What the app does with this value, as one or two sentences for "How requests work here". */
  says: (value: never, p: CouncilProfile) => string;
  /** Labels of a choice's values (also used to show lists). */
  labels?: Record<string, string>;
  edit?: EditSpec;
  /** Why a council setting cannot be changed here, when it cannot. */
  fixed?: string;
};

const WORKING_DAYS = { kind: "number", min: 1, max: 60, unit: "working days" } as const;
const YES_NO = { kind: "boolean" } as const;
const days = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;
const town = (p: CouncilProfile) => p.townClerkGate;
const chief = (p: CouncilProfile) => roleLabel(p, "CHIEF_OFFICER");
const list = (values: readonly string[], labels: Record<string, string>) =>
  values.map((v) => labels[v] ?? v).join("; ");

const CATEGORY: Record<string, string> = {
  GENERAL: "general information",
  COMMITTEE_PAPERS: "committee papers",
  PUBLISHED: "published documents",
  CORRESPONDENCE: "correspondence",
  DRAFT_CABINET_REPORT: "draft Cabinet reports",
  WORKING_PAPERS: "working papers",
  PERSONAL_CASEWORK: "personal casework",
};
const GROUND: Record<string, string> = {
  ROVING_COMMISSION: "a roving commission",
  MERE_CURIOSITY: "mere curiosity",
  MERE_CURIOSITY_OR_DESIRE: "mere curiosity or desire",
  IMPROPER_MOTIVE: "an improper motive",
  WORK_IN_PROGRESS: "work in progress",
  NOT_COUNCIL_BUSINESS: "not council business",
  NOT_FOR_COUNCILLOR_DUTIES: "not for a councillor's duties",
  PREJUDICES_NEUTRALITY: "it would prejudice officers' political neutrality",
  OPENNESS_TO_MANAGEMENT: "it could not be open to senior management",
  UNREASONABLE: "an unreasonable request",
  PARTY_POLITICAL_MATTER: "a party-political matter",
  OTHER: "another reason, written down",
};

export const CATALOGUE: Record<AreaKey, CatalogueEntry[]> = {
  information: [
    {
      path: "information.recipient",
      name: "Who receives and decides information requests",
      labels: {
        HOLDING_CHIEF_OFFICER: "the Chief Officer of the department that holds the information",
        ADDRESSEE_OR_HEAD_OF_SERVICE: "the officer the councillor writes to, or their Head of Service",
        BY_CLASSIFICATION:
          "by the kind of request: routine casework to the officer named, anything else to the Director",
        TOWN_CLERK: "the Town Clerk",
      },
      says: (v: string, p) =>
        v === "HOLDING_CHIEF_OFFICER"
          ? `Information requests go to the ${chief(p)} of the department that holds the information. If the councillor cannot name the department, member services assign one but do not decide.`
          : v === "BY_CLASSIFICATION"
            ? `Information requests are routed by their kind: routine casework may go to the officer named, with the ${chief(p)} copied; general enquiries, policy matters and major concerns go to the ${chief(p)}.`
            : `Information requests go to ${labelOf("information.recipient", v)}.`,
      fixed: "It decides the route of every request: ask the service's developers to change it.",
    },
    {
      path: "information.groundsRequired",
      name: "Councillors explain their need to know",
      says: (v: boolean) =>
        v
          ? "A councillor must explain how the information relates to their duties (their need to know)."
          : "A councillor does not have to give reasons for asking.",
      edit: YES_NO,
    },
    {
      path: "information.committeePresumption",
      name: "Committee members are presumed to need to know",
      says: (v: boolean) =>
        v
          ? "A councillor who sits on the committee concerned is presumed to need to know."
          : "There is no presumption of need to know for committee members.",
    },
    {
      path: "information.capacityRequired",
      name: "Councillors say in which capacity they ask",
      says: (v: boolean) =>
        v
          ? "A councillor says whether they ask as a councillor or as a ward representative."
          : "A councillor does not have to say in which capacity they ask.",
    },
    {
      path: "information.chiefExecutiveAlwaysAvailable",
      name: "Any councillor may write to the Chief Executive",
      says: (v: boolean) =>
        v
          ? "Any councillor may address a request to the Chief Executive directly."
          : "Requests go through the usual route, not to the Chief Executive directly.",
    },
    {
      path: "information.barredCategories",
      name: "Documents that cannot be requested",
      labels: CATEGORY,
      says: (v: string[]) =>
        v.length
          ? `These cannot be requested: ${list(v, CATEGORY)}.`
          : "No kind of document is barred outright; the decider may refuse with written reasons.",
    },
    {
      path: "information.thirdPartyJustification",
      name: "Justification for other people's personal information",
      says: (v: boolean) =>
        v
          ? "A councillor asking for other people's personal information must give a specific written justification."
          : "No specific justification is asked for when other people's personal information is involved.",
      edit: YES_NO,
    },
    {
      path: "information.councilRoleDeclaration",
      name: "Councillors confirm the request is council business",
      says: (v: boolean) =>
        v
          ? "A councillor confirms that the request relates to their role as a councillor, not party campaigning or private purposes."
          : "A councillor is not asked to confirm that the request is council business.",
      edit: YES_NO,
    },
    {
      path: "information.anotherMemberRule",
      name: "Requests for information about another councillor",
      says: (v: boolean) =>
        v
          ? "A request for information about another councillor follows its own rule: the councillor concerned is considered before anything is released."
          : "A request about another councillor follows the ordinary rules.",
      edit: YES_NO,
    },
    {
      path: "information.governanceAdviceBeforeRefusal",
      name: "Governance advice before a refusal",
      says: (v: boolean) =>
        v
          ? "Advice from governance must be recorded before a request is refused (it is optional before a grant)."
          : "The decider may refuse without recorded governance advice.",
      edit: YES_NO,
    },
    {
      path: "information.needToKnowByChiefOfficerOnly",
      name: "Only a Chief Officer refuses on need to know",
      says: (v: boolean, p) =>
        v
          ? `Only a ${chief(p)} may refuse a request because the councillor does not need to know.`
          : "Any decider may apply the need-to-know test.",
    },
    {
      path: "information.refusalGrounds",
      name: "Grounds for refusing",
      labels: GROUND,
      says: (v: string[]) => `A request may be refused for: ${list(v, GROUND)}.`,
    },
    {
      path: "information.reviewer",
      name: "Who reviews a refusal",
      labels: {
        MONITORING_OFFICER: "the Monitoring Officer",
        DIRECTOR_OF_GOVERNANCE: "the Director of Governance",
        COUNCIL_AGENDA: "the full Council, as an agenda item",
      },
      says: (v: string) =>
        v === "COUNCIL_AGENDA"
          ? "A councillor whose request is refused may put the matter to the full Council as an agenda item."
          : `A councillor whose request is refused may ask ${labelOf("information.reviewer", v)} to review it; whoever refused cannot review their own decision.`,
      edit: {
        kind: "choice",
        allowed: (p) => (town(p) ? ["COUNCIL_AGENDA"] : ["MONITORING_OFFICER", "DIRECTOR_OF_GOVERNANCE"]),
      },
    },
    {
      path: "information.readilyAvailableMustGrant",
      name: "Readily available information is always provided",
      says: (v: boolean) =>
        v
          ? "Information marked readily available cannot be refused: it is provided."
          : "There is no separate rule for readily available information.",
    },
    {
      path: "information.significantCostProposal",
      name: "Bulky or costly requests",
      says: (v: boolean) =>
        v
          ? "Where a request would be bulky or costly, the officer may propose a narrower scope; the clock stops while the councillor answers."
          : "There is no separate step for bulky or costly requests.",
    },
    {
      path: "information.releaseNotice",
      name: "Notice with every release",
      says: (v: string) => `With every release the councillor is told: “${v}”`,
    },
    {
      path: "information.refusalNotice",
      name: "Notice with every refusal",
      says: (v: string) => `With every refusal the councillor is told: “${v}”`,
    },
    {
      path: "information.wardNoticeWholeWard",
      name: "Ward information reaches every ward councillor",
      says: (v: boolean) =>
        v
          ? "Information of general interest to a ward goes to all of its councillors."
          : "Ward information goes to the councillor who asked.",
    },
    {
      path: "information.significantDevelopmentsTo",
      name: "Who is told of significant developments",
      labels: { ALL_GROUPS: "every party group", ALL_MEMBERS: "every councillor" },
      says: (v: string) =>
        `Significant developments are told to ${v === "ALL_GROUPS" ? "every party group" : "every councillor"}.`,
    },
    {
      path: "information.markedItems",
      name: "Exempt or confidential replies",
      labels: { NEVER_SHARED: "never shared on", UNTIL_PUBLIC: "not shared on until made public" },
      says: (v: string) =>
        v === "NEVER_SHARED"
          ? "A reply marked exempt or confidential is never shared on."
          : "A reply marked exempt or confidential is not shared on until it is made public.",
      edit: { kind: "choice", allowed: () => ["NEVER_SHARED", "UNTIL_PUBLIC"] },
    },
    {
      path: "information.requesterSharing",
      name: "Who a councillor may share their reply with",
      labels: { ANYONE_NAMED: "anyone they name", OWN_PARTY_ONLY: "their own party group only" },
      says: (v: string) =>
        v === "ANYONE_NAMED"
          ? "The councillor who asked decides who else sees their reply, naming them."
          : "The councillor who asked may share their reply within their own party group only.",
      edit: { kind: "choice", allowed: () => ["ANYONE_NAMED", "OWN_PARTY_ONLY"] },
    },
    {
      path: "information.adviceNotes",
      name: "Advice or briefing notes from a named officer",
      says: (v: boolean) =>
        v
          ? "A councillor may ask a named officer for advice or a briefing note for their duties."
          : "Advice notes from a named officer are not a separate kind of request.",
    },
    {
      path: "information.memberCannotDirectWork",
      name: "Councillors cannot direct officers' work",
      says: (v: boolean) =>
        v
          ? "Councillors cannot assign, reassign or prioritise officers' work."
          : "Councillors may suggest who handles their request.",
      edit: YES_NO,
    },
    {
      path: "information.refusalReasons",
      name: "Written reasons for every refusal",
      says: (v: boolean) =>
        v
          ? "Every refusal or decline needs written reasons, shown to the councillor."
          : "A refusal does not need written reasons.",
      edit: YES_NO,
    },
    {
      path: "information.responseRequired",
      name: "A reply must answer the request",
      says: (v: boolean) =>
        v
          ? "A request cannot be closed without a substantive reply."
          : "A request may be closed without a written reply.",
      edit: YES_NO,
    },
    {
      path: "information.targetWorkingDays",
      name: "Target for answering an information request",
      says: (v: number) =>
        `An information request is due ${days(v)} after it is received. The clock stops while the request waits on the councillor.`,
      edit: WORKING_DAYS,
    },
    {
      path: "information.followUpWorkingDays",
      name: "Time to ask a follow-up question",
      says: (v: number) =>
        `After an answer, the councillor has ${days(v)} to ask a follow-up question that reopens the request.`,
      edit: WORKING_DAYS,
    },
  ],
  briefing: [
    {
      path: "briefing.invitationsOnly",
      name: "Officers are invited, never instructed",
      says: (v: boolean) =>
        v
          ? "A briefing request is an invitation: no one can instruct an officer to attend or write for a party group."
          : "Officers may be asked to attend party-group meetings.",
    },
    {
      path: "briefing.onePartyMeetings",
      name: "Meetings for one party",
      says: (v: boolean) =>
        v
          ? "A meeting designated for one party is handled as a briefing request."
          : "There is no separate rule for one-party meetings.",
    },
    {
      path: "briefing.shortNoticeRule",
      name: "Warning for short-notice meetings",
      says: (v: boolean) =>
        v
          ? "The councillor is warned, and the officer told, when the meeting is less than the short-notice period away. It is a warning, not a bar."
          : "There is no short-notice warning.",
      edit: YES_NO,
    },
    {
      path: "briefing.disclosure",
      name: "Sharing a briefing beyond the group",
      says: (v: boolean) =>
        v
          ? "A briefing stays with the group that asked for it; sharing it wider needs that group's agreement."
          : "A briefing may be shared beyond the group without its agreement.",
      edit: YES_NO,
    },
    {
      path: "briefing.filers",
      name: "Who may ask for a party-group briefing",
      labels: {
        LEADER_CHAIR_SPOKESPERSON_CABINET: "the Group Leader, Chair or a Spokesperson, or a Cabinet Member",
        GROUP_LEADER_OR_DESIGNATE: "the Group Leader, or a councillor they designate",
        GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON: "the Group Leader, a councillor they designate, or a Spokesperson",
        ANY_MEMBER_NAMING_GROUP: "any councillor, naming their group",
      },
      says: (v: string) => `A party-group briefing may be asked for by ${labelOf("briefing.filers", v)}.`,
      edit: {
        kind: "choice",
        allowed: (p) =>
          town(p)
            ? ["ANY_MEMBER_NAMING_GROUP", "GROUP_LEADER_OR_DESIGNATE"]
            : [
                "GROUP_LEADER_OR_DESIGNATE",
                "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON",
                "LEADER_CHAIR_SPOKESPERSON_CABINET",
              ],
      },
    },
    {
      path: "briefing.recipient",
      name: "Who receives briefing requests",
      labels: {
        CE_DCE_COO_SHARED_QUEUE:
          "the Chief Executive, Deputy Chief Executive and Chief Operating Officer (one shared queue)",
        SUBJECT_CHIEF_OFFICER: "the Chief Officer of the subject's department",
        CHIEF_EXECUTIVE: "the Chief Executive",
        TOWN_CLERK: "the Town Clerk",
      },
      says: (v: string, p) =>
        `Briefing requests go to ${v === "SUBJECT_CHIEF_OFFICER" ? `the ${chief(p)} of the subject's department` : labelOf("briefing.recipient", v)}.`,
      edit: {
        kind: "choice",
        allowed: (p) => (town(p) ? ["TOWN_CLERK"] : ["SUBJECT_CHIEF_OFFICER", "CHIEF_EXECUTIVE"]),
      },
    },
    {
      path: "briefing.attendees",
      name: "Which officers may attend",
      labels: {
        SENIOR_OF_CHIEF_OFFICERS_DEPARTMENT: "senior officers of the Chief Officer's own department",
        SENIOR_AT_CHIEF_OFFICERS_DISCRETION: "senior officers, at the Chief Officer's discretion",
        USUAL_TIERS_OR_REASONS: "officers of the usual tiers, or others with written reasons",
        ANY_WITH_RECIPIENT: "any officer the recipient agrees",
      },
      says: (v: string) => `Officers who may attend or write: ${labelOf("briefing.attendees", v)}.`,
    },
    {
      path: "briefing.equalTreatment",
      name: "Equal treatment of party groups",
      labels: {
        HARD: "firm: a subject accepted for one group cannot be declined for another",
        SOFT: "with reasons: declining a subject already accepted for another group needs written reasons",
      },
      says: (v: string) =>
        v === "HARD"
          ? "Groups are treated equally: a subject accepted for one group cannot be declined for another."
          : "Groups are treated equally: declining a subject already accepted for another group needs written reasons.",
      edit: { kind: "choice", allowed: () => ["SOFT", "HARD"] },
    },
    {
      path: "briefing.administrationExemption",
      name: "Chief Executive's discussions with the administration",
      says: (v: boolean) =>
        v
          ? "The Chief Executive's discussions with the administration's leadership are outside the equal-treatment rule."
          : "The equal-treatment rule applies to every group, the administration included.",
      edit: YES_NO,
    },
    {
      path: "briefing.councilBusinessOnly",
      name: "Briefings on council business only",
      says: (v: boolean) =>
        v
          ? "A briefing request names the council business it concerns; officers advise on council business only."
          : "A briefing request need not name a council decision or item.",
    },
    {
      path: "briefing.jointBriefings",
      name: "Joint briefings for several groups",
      says: (v: boolean) =>
        v
          ? "Several groups may ask for one joint briefing, each group's leader opting in."
          : "Each briefing is for one group.",
    },
    {
      path: "briefing.timeSpentRequired",
      name: "Officers record the time a briefing took",
      says: (v: boolean) =>
        v ? "Officers record the time spent on each briefing." : "The time spent on a briefing is not recorded.",
    },
    {
      path: "briefing.leaveBeforeDecision",
      name: "Officers leave before a group decides",
      says: (v: boolean) =>
        v
          ? "Officers leave before a group takes any decision, and confirm that they did."
          : "There is no separate rule about officers leaving before a group decides.",
    },
    {
      path: "briefing.reportRules",
      name: "Reports written for a group",
      labels: {
        HAL: "written as for the committee, and not a public report",
        WIG: "written as for the committee or panel",
      },
      says: (v: string) => `A report an officer writes for a group is ${labelOf("briefing.reportRules", v)}.`,
    },
    {
      path: "briefing.standingArrangements",
      name: "Standing arrangements with a group",
      labels: {
        JNC_ONLY: "for JNC officers only, with agreement and safeguards",
        WITH_AGREEMENT: "with the officer's agreement and safeguards",
      },
      says: (v: string) =>
        `An officer may have a standing arrangement with a group ${labelOf("briefing.standingArrangements", v)}.`,
    },
    {
      path: "briefing.roleBriefings",
      name: "Briefings on a councillor's role",
      says: (v: boolean) =>
        v
          ? "Councillors with a role (a chair, a spokesperson) may ask for a briefing on it."
          : "There is no separate request for a briefing on a councillor's role.",
    },
    {
      path: "briefing.offeredBriefings",
      name: "Chief Officers may offer briefings",
      says: (v: boolean, p) =>
        v ? `A ${chief(p)} may offer a briefing to the groups.` : "Briefings are given when a group asks.",
    },
    {
      path: "briefing.shortNoticeWorkingDays",
      name: "Short-notice period for a briefing",
      says: (v: number) => `A meeting less than ${days(v)} away is short notice.`,
      edit: WORKING_DAYS,
    },
    {
      path: "briefing.decisionWorkingDays",
      name: "Target for deciding a briefing request",
      says: (v: number) =>
        `A briefing request is decided within ${days(v)}, or by the day before the meeting if that is sooner.`,
      edit: WORKING_DAYS,
    },
  ],
  complaints: [
    {
      path: "complaints.partyDiscipline",
      name: "Party-discipline matters",
      says: (v: boolean) =>
        v
          ? "The person handling a complaint may refer a party-discipline matter to the party, with reasons."
          : "Complaints are not referred to a party.",
    },
    {
      path: "complaints.nomination",
      name: "The Chief Executive may nominate an officer",
      says: (v: boolean) =>
        v
          ? "The Chief Executive may nominate an officer to deal with a complaint about an officer's conduct."
          : "The handler deals with the complaint themselves.",
    },
    {
      path: "complaints.informalFirst",
      name: "Informal resolution first",
      says: (v: boolean) =>
        v
          ? "A councillor's complaint about an officer is first raised informally with the officer."
          : "There is no informal first stage.",
      fixed: "It is part of the complaint routes, which follow the protocol.",
    },
    {
      path: "complaints.ackWorkingDays",
      name: "Target for acknowledging a complaint",
      says: (v: number) =>
        `The handler of each stage acknowledges the complaint within ${days(v)}, and is reminded each day from then until they do; the complaint shows the date, and when it was acknowledged.`,
      edit: WORKING_DAYS,
    },
    {
      path: "complaints.stageWorkingDays",
      name: "Target for each stage of a complaint",
      says: (v: number) =>
        `Each stage of a complaint has an outcome within ${days(v)}. The complainant may escalate after an outcome, or once the target passes with none.`,
      edit: WORKING_DAYS,
    },
    {
      path: "complaints.seriousCategories",
      name: "Complaints marked serious",
      says: (v: string[]) =>
        `A complaint of ${v.map((c) => c.toLowerCase().replace(/_/g, " ")).join(", ")} is marked serious.`,
    },
    {
      path: "complaints.startGuidance",
      name: "Guidance before a complaint",
      says: (v: string) => `Before making a complaint, the person is told: “${v}”`,
    },
  ],
  townCouncil: [
    {
      path: "townCouncil.assessmentWorkingDays",
      name: "Target for the Town Clerk's assessment",
      says: (v: number) => `The Town Clerk assesses a request for help within ${days(v)}.`,
      edit: WORKING_DAYS,
    },
  ],
  duties: [
    {
      path: "duties.reports.authors",
      name: "Who writes officer reports",
      labels: {
        CHIEF_OFFICER_OR_AUTHORISED: "the Chief Officer, or an officer they authorise",
        DIRECTORS_OR_AUTHORISED:
          "the Deputy Chief Executive, Chief Operating Officer or a Director, or an officer they authorise",
        OFFICERS: "officers",
      },
      says: (v: string) => `Reports to committees are written by ${labelOf("duties.reports.authors", v)}.`,
    },
    {
      path: "duties.reports.memberEdits",
      name: "Councillors' changes to an officer report",
      labels: {
        WITH_CHIEF_OFFICER_APPROVAL: "only with the Chief Officer's express approval",
        NEVER: "never",
      },
      says: (v: string) =>
        v === "NEVER"
          ? "A councillor never changes an officer's report."
          : "A councillor's change to an officer report is made only with the Chief Officer's express approval.",
    },
    {
      path: "duties.reports.ownReportBy",
      name: "Who may add their own report",
      labels: { CHAIR: "the Chair", CABINET_MEMBER: "the Cabinet Member", null: "no one" },
      says: (v: string | null) =>
        v
          ? `Exceptionally, ${v === "CHAIR" ? "the Chair" : "the Cabinet Member"} may add their own report beside the officer's.`
          : "No councillor adds their own report beside an officer's.",
    },
    {
      path: "duties.reports.consultation",
      name: "Consultation before a report is published",
      says: (v: boolean) =>
        v
          ? "The Directors of affected services and the portfolio's Cabinet Member are consulted before a report is published."
          : "There is no required consultation before a report is published.",
    },
    {
      path: "duties.reports.revisionAfterSharing",
      name: "Revising a report after sharing it",
      labels: {
        CHIEF_OFFICER_WITH_GROUND: "only the Chief Officer, recording the ground",
        OFFICER_WITH_GROUND: "the officer, recording the ground",
        AUTHOR: "its author",
      },
      says: (v: string) =>
        `After a report is shared for preliminary consideration, it may be revised by ${labelOf("duties.reports.revisionAfterSharing", v)}.`,
      edit: { kind: "choice", allowed: () => ["AUTHOR", "OFFICER_WITH_GROUND", "CHIEF_OFFICER_WITH_GROUND"] },
    },
    {
      path: "duties.reports.noWithdrawal",
      name: "No councillor withdraws an officer report",
      says: (v: boolean) =>
        v
          ? "No councillor can withdraw, hold or hide an officer's report."
          : "There is no rule against withdrawing an officer's report.",
    },
    {
      path: "duties.reports.remedy",
      name: "When councillors disagree with a report",
      says: (v: boolean) =>
        v
          ? "When councillors disagree with a report, the meeting rejects it, does not agree it or refers it back."
          : "There is no stated remedy.",
    },
    {
      path: "duties.agendaItems",
      name: "How a councillor's item reaches an agenda",
      labels: {
        CHIEF_OFFICER_THEN_CHAIR: "the Chief Officer advises, then the Chair decides",
        CALL_FOR_REPORT: "a councillor calls for a report on a matter within the committee's terms of reference",
        TOWN_CLERK_LISTS: "the Town Clerk lists it for the next meeting (the Clerk cannot decline it)",
        NONE: "no route in the app",
      },
      says: (v: string) => `A councillor's item for an agenda: ${labelOf("duties.agendaItems", v)}.`,
    },
    {
      path: "duties.implementationFailures",
      name: "Failures to implement a committee decision",
      says: (v: boolean) =>
        v
          ? "A significant failure to implement a committee decision goes on the committee's next agenda."
          : "There is no separate route for failures to implement a decision.",
    },
    {
      path: "duties.correspondence.originatorTold",
      name: "The writer is told of every copy",
      says: (v: boolean) =>
        v
          ? "The person who wrote is told of every copy to another councillor: there are no blind or silent copies."
          : "The writer is not told when their correspondence is copied.",
      edit: YES_NO,
    },
    {
      path: "duties.correspondence.otherGroupConsent",
      name: "Copies to another group's councillor",
      says: (v: boolean) =>
        v
          ? "A copy to a councillor of another group waits for the writer's consent."
          : "A copy to another group's councillor does not need the writer's consent.",
      edit: YES_NO,
    },
    {
      path: "duties.correspondence.cabinetScrutinyConsent",
      name: "Copies to a Cabinet Member or a scrutiny chair",
      says: (v: boolean) =>
        v
          ? "A copy to a Cabinet Member or an Overview and Scrutiny Chair waits for the writer's consent."
          : "A copy to a Cabinet Member or scrutiny chair does not need the writer's consent.",
      edit: YES_NO,
    },
    {
      path: "duties.correspondence.exceptionalReasons",
      name: "Reasons for copying to a councillor",
      says: (v: boolean) =>
        v
          ? "Copying a councillor's correspondence to another councillor is exceptional and needs written reasons."
          : "Copying to another councillor needs no reasons.",
      edit: YES_NO,
    },
    {
      path: "duties.correspondence.confidentialNotCopied",
      name: "Confidential correspondence is never copied",
      says: (v: boolean) =>
        v
          ? "Correspondence marked confidential is never copied, and a wide circulation shows a warning about public rebuke."
          : "There is no separate rule for confidential correspondence.",
    },
    {
      path: "duties.correspondence.wideCirculation",
      name: "What counts as a wide circulation",
      says: (v: number) =>
        `Copying to more than ${v} councillors, or to an all-councillor or all-group list, is a wide circulation and shows the warning.`,
      edit: { kind: "number", min: 1, max: 500, unit: "councillors" },
    },
    {
      path: "duties.correspondence.suggestDirector",
      name: "The Director is offered as a copy",
      says: (v: boolean) =>
        v
          ? "A councillor writing to an officer is offered the department's Director as a copy."
          : "No copy is suggested.",
    },
    {
      path: "duties.correspondence.cabinetRepliesToLeader",
      name: "Cabinet Members' replies go to the Leader",
      says: (v: boolean) =>
        v
          ? "A Cabinet Member's official reply is copied to the Leader, unless professional confidence forbids."
          : "Cabinet Members' replies are not copied to the Leader.",
    },
    {
      path: "duties.correspondence.staffEmploymentDiverted",
      name: "Officers' own employment matters",
      says: (v: boolean) =>
        v
          ? "An officer's message to councillors about their own employment is not sent: staff consultation procedures apply."
          : "There is no separate rule for officers writing about their own employment.",
    },
    {
      path: "duties.noMemberSignatoryForObligations",
      name: "Letters creating obligations",
      says: (v: boolean) =>
        v
          ? "A letter creating obligations or giving instructions never goes out in a councillor's name."
          : "A councillor may sign an official letter, with written reasons.",
      edit: YES_NO,
    },
    {
      path: "duties.disclosures",
      name: "Who receives a disclosure of a close relationship",
      labels: {
        CE_CONSULTS_GROUP_LEADER: "the Chief Executive, who consults the councillor's Group Leader",
        CHIEF_EXECUTIVE: "the Chief Executive",
        TOWN_CLERK_OR_CHAIR: "the Town Clerk, or the Chairman if the Clerk is involved",
      },
      says: (v: string) =>
        `A disclosure of a close personal relationship goes to ${labelOf("duties.disclosures", v)}; only the discloser and the recipient see it.`,
      edit: {
        kind: "choice",
        allowed: (p) => (town(p) ? ["TOWN_CLERK_OR_CHAIR"] : ["CHIEF_EXECUTIVE", "CE_CONSULTS_GROUP_LEADER"]),
      },
    },
    {
      path: "duties.visits",
      name: "Notice of visits to council premises",
      says: (v: boolean) =>
        v ? "A councillor gives notice of a visit to council premises or staff." : "Visit notices are not used.",
      edit: YES_NO,
    },
    {
      path: "duties.representations",
      name: "Representations",
      labels: {
        COMMITTEE_REQUIRED: "must name the committee they are made to",
        GROUP_NOT_COUNCIL: "made to a party group are not made to the Council",
        OPTIONAL: "may name a committee",
      },
      says: (v: string) => `Representations ${labelOf("duties.representations", v)}.`,
      edit: { kind: "choice", allowed: () => ["OPTIONAL", "COMMITTEE_REQUIRED", "GROUP_NOT_COUNCIL"] },
    },
    {
      path: "duties.decisionMakers.noPartyGroup",
      name: "No decision is a party group's",
      says: (v: boolean) =>
        v
          ? "No decision record names a party group as the decision-maker."
          : "A decision record may name any authority.",
      edit: YES_NO,
    },
    {
      path: "duties.decisionMakers.noSingleCouncillor",
      name: "No decision is a single councillor's",
      says: (v: boolean) =>
        v
          ? "No decision record names a single councillor as the decision-maker."
          : "A decision record may name a councillor.",
      edit: YES_NO,
    },
    {
      path: "duties.publicity.declaration",
      name: "Publicity requests: not party political",
      says: (v: boolean) =>
        v
          ? "A councillor asking for publicity declares that it is not party political."
          : "No declaration is asked for on publicity requests.",
      edit: YES_NO,
    },
    {
      path: "duties.ceremonialEvents",
      name: "Ceremonial events in a ward",
      says: (v: boolean) =>
        v
          ? "The ward's councillors are told of ceremonial events in their ward."
          : "Ceremonial events are not notified to ward councillors.",
    },
  ],
};

/** Every entry, with its area. */
export const ENTRIES: (CatalogueEntry & { area: AreaKey })[] = AREAS.flatMap((a) =>
  CATALOGUE[a.key].map((e) => ({ ...e, area: a.key })),
);
const BY_PATH = new Map(ENTRIES.map((e) => [e.path, e]));

export const entryFor = (path: string) => BY_PATH.get(path);

/** The label of one value of a choice. */
function labelOf(path: string, value: string): string {
  return BY_PATH.get(path)?.labels?.[value] ?? value;
}

/** A value as a person reads it: "10 working days", "Yes", "the Monitoring Officer", a list, or the text. */
export function showValue(entry: CatalogueEntry, value: unknown): string {
  if (value === null || value === undefined) return entry.labels?.null ?? "None";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number")
    return entry.edit?.kind === "number" && entry.edit.unit === "councillors"
      ? `${value} councillors`
      : /WorkingDays$/.test(entry.path)
        ? days(value)
        : String(value);
  if (Array.isArray(value))
    return value.length ? value.map((v) => entry.labels?.[String(v)] ?? String(v)).join("; ") : "None";
  const s = String(value);
  const label = entry.labels?.[s];
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : s;
}

/** The choices an administrator has for a setting of this council (their labels capitalised). */
export function choicesFor(entry: CatalogueEntry, p: CouncilProfile): Choice[] {
  if (entry.edit?.kind === "boolean")
    return [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ];
  if (entry.edit?.kind !== "choice") return [];
  return entry.edit.allowed(p).map((v) => ({ value: v, label: showValue(entry, v) }));
}

/** A value as a form carries it ("yes"/"no" for yes-or-no settings). */
export function formValue(value: unknown): string {
  return typeof value === "boolean" ? (value ? "yes" : "no") : String(value ?? "");
}

/**
 * A typed value checked against what this council may choose: the value, or a message naming the setting and what is
 * allowed.
 */
export function parseSettingValue(
  entry: CatalogueEntry,
  raw: string,
  p: CouncilProfile,
): { ok: true; value: number | boolean | string } | { ok: false; message: string } {
  const s = raw.trim();
  const edit = entry.edit;
  if (!edit) return { ok: false, message: `‘${entry.name}’ cannot be changed here` };
  if (edit.kind === "number") {
    const n = /^\d{1,6}$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < edit.min || n > edit.max)
      return {
        ok: false,
        message: `Enter a whole number of ${edit.unit} from ${edit.min} to ${edit.max} for ‘${entry.name}’`,
      };
    return { ok: true, value: n };
  }
  if (edit.kind === "boolean") {
    if (s !== "yes" && s !== "no") return { ok: false, message: `Choose yes or no for ‘${entry.name}’` };
    return { ok: true, value: s === "yes" };
  }
  const allowed = edit.allowed(p);
  if (!allowed.includes(s)) return { ok: false, message: `Choose one of the options for ‘${entry.name}’` };
  return { ok: true, value: s };
}
