import { setting, silent } from "../types";
import {
  codeMatters,
  defaultBriefing,
  defaultComplaints,
  defaultInformation,
  single,
  defaultDuties,
} from "./defaults";
import type { CouncilProfile } from "./types";

const WIG_PUBLICITY =
  "Members and officers follow the code of recommended practice on local authority publicity. Members should not abuse officers in public or through the press.";

export const wigan: CouncilProfile = {
  key: "WIG",
  title: "Member/Employee Protocol",
  source: "shared/seeds/003_7effeda2dae15347.txt",
  roleLabels: { CHIEF_OFFICER: "Director" },
  // MONITORING_OFFICER comes from defaults DEF-A3 and DEF-C3.
  rolesUsed: [
    "MEMBER",
    "WARD_MEMBER",
    "COMMITTEE_MEMBER",
    "GROUP_LEADER",
    "SPOKESPERSON",
    "LEADER_OF_COUNCIL",
    "CABINET_MEMBER",
    "COMMITTEE_CHAIR",
    "OFFICER",
    "CHIEF_OFFICER",
    "CHIEF_EXECUTIVE",
    "MONITORING_OFFICER",
  ],
  townClerkGate: false,
  information: {
    ...defaultInformation,
    recipient: setting("BY_CLASSIFICATION", "WIG-A13"),
    groundsRequired: setting(false, "WIG-A1"),
    anotherMemberRule: setting(true, "WIG-A10"),
    needToKnowByChiefOfficerOnly: setting(true, "WIG-A2"),
    refusalGrounds: setting(
      ["ROVING_COMMISSION", "MERE_CURIOSITY_OR_DESIRE", "IMPROPER_MOTIVE", "UNREASONABLE", "OTHER"],
      "WIG-A4",
    ),
    significantCostProposal: setting(true, "WIG-A5"),
    releaseNotice: setting(
      "You may keep this material for a reasonable time and copy individual documents, but you may not use it for an improper purpose or one unrelated to your duties as a councillor.",
      "WIG-A6",
    ),
    refusalNotice: setting(
      "This protocol does not limit your statutory rights of access to information, which override it.",
      "WIG-A15",
    ),
    wardNoticeWholeWard: setting(true, "WIG-A7"),
    significantDevelopmentsTo: setting("ALL_GROUPS", "WIG-A12"),
    requesterSharing: setting("OWN_PARTY_ONLY", "WIG-A8"),
    memberCannotDirectWork: setting(true, "WIG-A13"),
    refusalReasons: setting(true, "WIG-A3"),
  },
  briefing: {
    ...defaultBriefing,
    invitationsOnly: setting(true, "WIG-B1"),
    onePartyMeetings: setting(true, "WIG-B8"),
    disclosure: setting(true, "WIG-B7"),
    filers: setting("GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON", "WIG-B6"),
    recipient: setting("SUBJECT_CHIEF_OFFICER", "WIG-B2"),
    attendees: setting("SENIOR_AT_CHIEF_OFFICERS_DISCRETION", "WIG-B2"),
    equalTreatment: setting("HARD", "WIG-B5"),
    leaveBeforeDecision: setting(true, "WIG-B3"),
    reportRules: setting("WIG", "WIG-B4"),
    standingArrangements: setting("WITH_AGREEMENT", "WIG-B1"),
    offeredBriefings: setting(true, "WIG-B6"),
  },
  complaints: {
    ...defaultComplaints,
    routes: [
      // WIG-C3 with DEF-C8: about the Chief Executive — the Leader of the Council, who chooses one of two outcomes.
      {
        when: { subjects: ["CHIEF_EXECUTIVE"] },
        ladder: single("LEADER_OF_COUNCIL", "WIG-C3", "COMPLAINT", [
          "ROUTINE_LIAISON_SUPERVISION_APPRAISAL",
          "REFER_FOR_FORMAL_ACTION",
        ]),
      },
      ...codeMatters,
      // WIG-C4: an officer's criticism of a member — the officer's Chief Officer approaches the member's Group Leader.
      {
        when: { complainant: "OFFICER", subjects: ["MEMBER"] },
        ladder: single("COMPLAINANT_CHIEF_OFFICER", "WIG-C4", "COMPLAINT", ["APPROACH_GROUP_LEADER", "CLOSE"]),
      },
      // WIG-C2: about a Chief Officer — the Chief Executive as Head of the Paid Service.
      { when: { subjects: ["CHIEF_OFFICER"] }, ladder: single("CHIEF_EXECUTIVE", "WIG-C2") },
      {
        // WIG-C1, then DEF-C4.
        when: {},
        ladder: {
          kind: "COMPLAINT",
          ruleId: "WIG-C1",
          stages: [
            { key: "CHIEF_OFFICER", handler: "SUBJECT_CHIEF_OFFICER", ruleId: "WIG-C1", escalatedBy: null },
            { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C4", escalatedBy: "COMPLAINANT" },
          ],
        },
      },
    ],
  },
  townCouncil: null,
  duties: {
    ...defaultDuties,
    reports: {
      ...defaultDuties.reports,
      authors: setting("CHIEF_OFFICER_OR_AUTHORISED", "WIG-E4"),
      memberEdits: setting("NEVER", "WIG-E4"),
      ownReportBy: setting("CABINET_MEMBER", "WIG-E5"),
      revisionAfterSharing: setting("CHIEF_OFFICER_WITH_GROUND", "WIG-E6"),
      noWithdrawal: setting(true, "WIG-E4"),
      remedy: setting(true, "WIG-E5"),
    },
    agendaItems: setting("CALL_FOR_REPORT", "WIG-E7"),
    implementationFailures: setting(true, "WIG-E11"),
    correspondence: {
      ...defaultDuties.correspondence,
      confidentialNotCopied: setting(true, "WIG-E3"),
      wideCirculation: setting(5, "DEF-E5"),
      suggestDirector: setting(true, "WIG-E3"),
      staffEmploymentDiverted: setting(true, "WIG-E9"),
    },
    disclosures: setting("CE_CONSULTS_GROUP_LEADER", "WIG-E1"),
    visits: setting(true, "WIG-E2"),
    representations: setting("COMMITTEE_REQUIRED", "WIG-E8"),
    decisionMakers: { noPartyGroup: setting(true, "WIG-E8"), noSingleCouncillor: silent(false) },
    publicity: { declaration: silent(false), notices: [setting(WIG_PUBLICITY, "WIG-E10")] },
    complaintGuidance: [{ notice: setting(WIG_PUBLICITY, "WIG-E10"), aboutOfficerOnly: false }],
  },
};
