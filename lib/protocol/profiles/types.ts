// A council protocol profile: data, not code (shared DESIGN.md "Council profiles are data").
// Every setting carries the rule ID that gives it; DEF- settings are defaults (RULES.md §6), not protocol,
// and a profile may override them. A sixth council is one new file like these plus its tests.
import type { CanonicalRole } from "../roles";
import type { Setting } from "../types";

/** Who receives (and decides) an information request. */
export type InfoRecipient =
  | "HOLDING_CHIEF_OFFICER" // CWC-A3, DEF-A4 (HAL)
  | "ADDRESSEE_OR_HEAD_OF_SERVICE" // C2007-A1, DEF-A4 (C2007)
  | "BY_CLASSIFICATION" // WIG-A13
  | "TOWN_CLERK"; // DEF-D5

export type RefusalGround =
  | "ROVING_COMMISSION" // CWC-A2, WIG-A4
  | "MERE_CURIOSITY" // CWC-A2
  | "MERE_CURIOSITY_OR_DESIRE" // WIG-A4
  | "IMPROPER_MOTIVE" // WIG-A4
  | "WORK_IN_PROGRESS" // CWC-A7
  | "NOT_COUNCIL_BUSINESS" // CWC-A12
  | "NOT_FOR_COUNCILLOR_DUTIES" // C2007-A1
  | "PREJUDICES_NEUTRALITY" // C2007-A1, C2007-B2
  | "OPENNESS_TO_MANAGEMENT" // C2007-A1, C2007-A2
  | "UNREASONABLE" // WIG-A11
  | "PARTY_POLITICAL_MATTER" // CWC-B7
  | "OTHER";

export type DocumentCategory =
  | "GENERAL"
  | "COMMITTEE_PAPERS"
  | "PUBLISHED"
  | "CORRESPONDENCE"
  | "DRAFT_CABINET_REPORT"
  | "WORKING_PAPERS"
  | "PERSONAL_CASEWORK";

export type ReviewRoute = "DIRECTOR_OF_GOVERNANCE" | "MONITORING_OFFICER" | "COUNCIL_AGENDA";

/** Who may file a party-group briefing request. */
export type BriefingFilers =
  | "LEADER_CHAIR_SPOKESPERSON_CABINET" // CWC-B2
  | "GROUP_LEADER_OR_DESIGNATE" // DEF-B1
  | "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON" // DEF-B1 + WIG-B6
  | "ANY_MEMBER_NAMING_GROUP"; // DEF-B1 (HTC), HTC-A1

export type BriefingRecipient =
  | "CE_DCE_COO_SHARED_QUEUE" // CWC-B3
  | "SUBJECT_CHIEF_OFFICER" // DEF-B2, HAL-B2, WIG-B2
  | "CHIEF_EXECUTIVE" // DEF-B2 (C2007)
  | "TOWN_CLERK"; // DEF-B2 (HTC)

/** Which officers may be added to attend or write, and on what terms. */
export type AttendeePolicy =
  | "SENIOR_OF_CHIEF_OFFICERS_DEPARTMENT" // HAL-B3
  | "SENIOR_AT_CHIEF_OFFICERS_DISCRETION" // WIG-B2
  | "USUAL_TIERS_OR_REASONS" // CWC-B4
  | "ANY_WITH_RECIPIENT"; // C2007, HTC: silent

export type EqualTreatment = "HARD" /* CWC-B5, WIG-B5 */ | "SOFT"; /* DEF-B8 */

/** Complaints (RULES.md §3.C, matrix 4.3): complainant, subject, and who handles each stage of the ladder. */
export type Party = "MEMBER" | "OFFICER";
export type Subject = "OFFICER" | "CHIEF_OFFICER" | "CHIEF_EXECUTIVE" | "TOWN_CLERK" | "MEMBER" | "ISSUE";
export type Handler =
  | "SUBJECT_OFFICER" // informal stage (HAL-C1)
  | "SUBJECT_CHIEF_OFFICER"
  | "COMPLAINANT_CHIEF_OFFICER"
  | "CHIEF_EXECUTIVE"
  | "CE_OR_DIRECTOR_OF_GOVERNANCE" // CWC-C1: the complainant chooses
  | "LEADER_OF_COUNCIL"
  | "MONITORING_OFFICER"
  | "TOWN_CLERK"
  | "COUNCIL_CHAIR";
export type Stage = {
  key: string;
  handler: Handler;
  ruleId: string;
  escalatedBy: "COMPLAINANT" | "HANDLER" | null;
  outcomes?: string[];
};
export type Ladder = {
  stages: Stage[];
  kind: "COMPLAINT" | "CODE_OF_CONDUCT" | "GRIEVANCE_PROCEDURE" | "CODE_BREACH_REPORT";
  ruleId: string;
  message?: string;
};
/** A ladder applies when every condition given in `when` holds; the first matching route wins. */
export type ComplaintRoute = {
  when: {
    complainant?: Party;
    subjects?: Subject[];
    codeOfConduct?: boolean;
    grievance?: boolean;
    noLeaderOfCouncil?: boolean;
  };
  ladder: Ladder;
};

export type CouncilProfile = {
  /** Rule-ID prefix in shared/protocol/RULES.md, e.g. "WIG". */
  key: string;
  title: string;
  source: string;
  roleLabels: Partial<Record<CanonicalRole, string>>;
  rolesUsed: CanonicalRole[];
  /** Town council: every member request to staff goes to the Town Clerk (DEF-D5, HTC-D1). */
  townClerkGate: boolean;

  information: {
    recipient: Setting<InfoRecipient>;
    groundsRequired: Setting<boolean>;
    committeePresumption: Setting<boolean>;
    capacityRequired: Setting<boolean>;
    chiefExecutiveAlwaysAvailable: Setting<boolean>;
    barredCategories: Setting<DocumentCategory[]>;
    thirdPartyJustification: Setting<boolean>;
    councilRoleDeclaration: Setting<boolean>;
    anotherMemberRule: Setting<boolean>;
    governanceAdviceBeforeRefusal: Setting<boolean>;
    needToKnowByChiefOfficerOnly: Setting<boolean>;
    refusalGrounds: Setting<RefusalGround[]>;
    reviewer: Setting<ReviewRoute>;
    readilyAvailableMustGrant: Setting<boolean>;
    significantCostProposal: Setting<boolean>;
    /** Notice shown on every release (WIG-A6) and on every refusal (WIG-A15). */
    releaseNotice: Setting<string> | null;
    refusalNotice: Setting<string> | null;
    /** Ward information of general interest must reach all ward members (WIG-A7, CWC-A11). */
    wardNoticeWholeWard: Setting<boolean> | null;
    /** Significant developments must reach all groups (WIG-A12) or all members (HTC-A3). */
    significantDevelopmentsTo: Setting<"ALL_GROUPS" | "ALL_MEMBERS"> | null;
    /** Exempt or confidential replies: never shared on (CWC-A10, C2007-A8), or not until made public (HTC-A4). */
    markedItems: Setting<"NEVER_SHARED" | "UNTIL_PUBLIC">;
    /** Who controls sharing of an individual reply: the requester (CWC-A13); within their own party only (WIG-A8). */
    requesterSharing: Setting<"ANYONE_NAMED" | "OWN_PARTY_ONLY">;
    /** Advice or briefing notes addressed to a named officer (C2007-A1). */
    adviceNotes: Setting<boolean>;
    /** Members cannot assign, reassign or prioritise officers' work (CWC-A14, C2007-A7, WIG-A13, HTC-D5). */
    memberCannotDirectWork: Setting<boolean>;
    /** Written reasons on every refusal (WIG-A3; DEF-A2 elsewhere). */
    refusalReasons: Setting<boolean>;
    /** A closure or reply must carry a substantive response (HTC-A2). */
    responseRequired: Setting<boolean>;
    targetWorkingDays: Setting<number>;
    /** How many working days after an answer the member may ask a follow-up that reopens it (a council setting). */
    followUpWorkingDays: Setting<number>;
  };

  briefing: {
    /** Requests are invitations: no one can instruct an officer to attend or write (HAL-B1, CWC-B1, WIG-B1). */
    invitationsOnly: Setting<boolean>;
    /** Meetings designated for one party are handled as briefing requests (HAL-B5, WIG-B8). */
    onePartyMeetings: Setting<boolean> | null;
    /** The rule behind the short-notice warning (CWC-B9; DEF-B4 elsewhere). */
    shortNoticeRule: Setting<boolean>;
    /** Wider disclosure of briefing content needs the owning group's agreement (CWC-B6, WIG-B7, DEF-B5). */
    disclosure: Setting<boolean>;
    filers: Setting<BriefingFilers>;
    recipient: Setting<BriefingRecipient>;
    attendees: Setting<AttendeePolicy>;
    equalTreatment: Setting<EqualTreatment>;
    /** C2007-B1: the equal-treatment guard does not apply to CE–administration discussions. */
    administrationExemption: Setting<boolean>;
    councilBusinessOnly: Setting<boolean>;
    jointBriefings: Setting<boolean>;
    timeSpentRequired: Setting<boolean>;
    leaveBeforeDecision: Setting<boolean>;
    /** HAL-B6 / WIG-B4: group reports written as for the committee or panel. */
    reportRules: Setting<"HAL" | "WIG"> | null;
    /** HAL-B4 / WIG-B1: standing arrangements with agreement and safeguards (HAL: JNC officers only). */
    standingArrangements: Setting<"JNC_ONLY" | "WITH_AGREEMENT"> | null;
    roleBriefings: Setting<boolean>;
    offeredBriefings: Setting<boolean>;
    shortNoticeWorkingDays: Setting<number>;
    decisionWorkingDays: Setting<number>;
  };

  complaints: {
    /** The council's ladders, most specific first (matrix 4.3). */
    routes: ComplaintRoute[];
    /** CWC-C2: the handler may refer party-discipline matters to the party. */
    partyDiscipline: Setting<boolean> | null;
    /** CWC-C5: the Chief Executive may nominate an officer to deal with an officer-conduct complaint. */
    nomination: Setting<boolean> | null;
    /** HAL-C1: informal resolution first (member about officer). */
    informalFirst: Setting<boolean>;
    ackWorkingDays: Setting<number>;
    stageWorkingDays: Setting<number>;
    /** C2007-C1 categories that mark a complaint SERIOUS. */
    seriousCategories: Setting<string[]> | null;
    /** Guidance shown on the complaint start page (C2007-C2). */
    startGuidance: Setting<string> | null;
  };

  townCouncil: {
    assessmentWorkingDays: Setting<number>;
  } | null;

  /** Section E: reports, agendas, correspondence and the members' register (issue 14). */
  duties: CouncilDuties;
};

/** Section E (RULES.md §3.E, matrix 4.4, defaults §6.6): the other duties between members and officers. */
export type ReportAuthors =
  | "CHIEF_OFFICER_OR_AUTHORISED" // HAL-E1, C2007-E3, WIG-E4
  | "DIRECTORS_OR_AUTHORISED" // CWC-E5: Deputy Chief Executive, Chief Operating Officer, Directors
  | "OFFICERS"; // HTC-E1
export type AgendaItemRoute =
  | "CHIEF_OFFICER_THEN_CHAIR" // HAL-E4
  | "CALL_FOR_REPORT" // WIG-E7
  | "TOWN_CLERK_LISTS" // HTC-D8, DEF-D4
  | "NONE"; // silent
export type DisclosureRoute =
  | "CE_CONSULTS_GROUP_LEADER" // WIG-E1, DEF-E4
  | "CHIEF_EXECUTIVE" // DEF-E1
  | "TOWN_CLERK_OR_CHAIR"; // DEF-E1 (HTC)

export type CouncilDuties = {
  reports: {
    authors: Setting<ReportAuthors>;
    /** A member's change to an officer report: only with the Chief Officer's express approval, or never. */
    memberEdits: Setting<"WITH_CHIEF_OFFICER_APPROVAL" | "NEVER">;
    /** Who may add their own report alongside the officer's, exceptionally (null: silent). */
    ownReportBy: Setting<"CHAIR" | "CABINET_MEMBER" | null>;
    /** CWC-E5: affected services' Directors and the portfolio's Cabinet Member consulted before publication. */
    consultation: Setting<boolean>;
    /** Who may revise a report after sharing it for preliminary consideration, and on what ground. */
    revisionAfterSharing: Setting<"CHIEF_OFFICER_WITH_GROUND" | "OFFICER_WITH_GROUND" | "AUTHOR">;
    /** No member action withdraws, holds or hides an officer report (the rule that says so here). */
    noWithdrawal: Setting<boolean>;
    /** The remedy when members disagree: the meeting rejects, does not agree or refers back (WIG-E5, HTC-E2). */
    remedy: Setting<boolean>;
  };
  agendaItems: Setting<AgendaItemRoute>;
  /** WIG-E11: a significant failure to implement a committee decision goes on its next agenda. */
  implementationFailures: Setting<boolean>;
  correspondence: {
    /** The originator is told of every copy to another member; no blind or silent copy (CWC-E1, C2007-E1, DEF-E2). */
    originatorTold: Setting<boolean>;
    /** CWC-E1: a copy to a member of another group waits for the originator's consent. */
    otherGroupConsent: Setting<boolean>;
    /** CWC-E2: a copy to a Cabinet Member or an Overview & Scrutiny Chair waits for the originator's consent. */
    cabinetScrutinyConsent: Setting<boolean>;
    /** C2007-E1: copying to another councillor is exceptional and needs reasons. */
    exceptionalReasons: Setting<boolean>;
    /** WIG-E3: confidential-marked correspondence is never copied; wide circulation shows the public-rebuke notice. */
    confidentialNotCopied: Setting<boolean>;
    /** DEF-E5: "wide circulation" is more than this many members (null: no notice). */
    wideCirculation: Setting<number> | null;
    /** WIG-E3: a member writing to an officer is offered the department's Director as a copy. */
    suggestDirector: Setting<boolean>;
    /** CWC-E4: a Cabinet Member's official reply is copied to the Leader unless professional confidence forbids. */
    cabinetRepliesToLeader: Setting<boolean>;
    /** WIG-E9: an officer's message to members about their own employment is not sent. */
    staffEmploymentDiverted: Setting<boolean>;
  };
  /** CWC-E3, C2007-E2: a letter creating obligations or giving instructions never goes in a member's name. */
  noMemberSignatoryForObligations: Setting<boolean>;
  disclosures: Setting<DisclosureRoute>;
  /** WIG-E2; DEF-E3 elsewhere: off. */
  visits: Setting<boolean>;
  /** Representations: must name the committee (HAL-E5, C2007-E5, WIG-E8); to a group is not to the Council (HTC-E3). */
  representations: Setting<"COMMITTEE_REQUIRED" | "GROUP_NOT_COUNCIL" | "OPTIONAL">;
  /** No decision record names a party group (HAL-E5, WIG-E8, HTC-E3) or a single councillor (C2007-E5). */
  decisionMakers: { noPartyGroup: Setting<boolean>; noSingleCouncillor: Setting<boolean> };
  publicity: {
    /** CWC-E8: the member declares the request is not party political. */
    declaration: Setting<boolean>;
    /** Notices shown on the publicity request form (CWC-E8, WIG-E10, HTC-E3, HTC-E4). */
    notices: Setting<string>[];
  };
  /** CWC-E9: ceremonial events notify the ward's members (silent elsewhere: off). */
  ceremonialEvents: Setting<boolean>;
  /** Guidance on the complaint start page (WIG-E10 always; HTC-E4 for complaints about an officer). */
  complaintGuidance: { notice: Setting<string>; aboutOfficerOnly: boolean }[];
};
