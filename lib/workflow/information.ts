// Information requests (RULES.md §3.A): submission checks, routing, states, transitions and guards. Pure.
import type { CouncilProfile, DocumentCategory, RefusalGround } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision, type Refusal } from "@/lib/protocol/types";

export type InfoKind = "INFORMATION" | "ADVICE_NOTE" | "INDIVIDUAL_BRIEFING" | "GROUP_BACKGROUND";
export type WigClass = "CASEWORK_OR_ROUTINE" | "GENERAL_ENQUIRY" | "POLICY_OR_NON_ROUTINE" | "MAJOR_CONCERN";
export type InfoState =
  | "TRIAGE"
  | "SUBMITTED"
  | "AWAITING_MEMBER"
  | "REFERRED_FOR_ADVICE"
  | "GRANTED"
  | "REFUSED"
  | "UNDER_REVIEW"
  | "TO_BE_SUPPLIED"
  | "CLOSED"
  | "WITHDRAWN";
/** How a reply is marked. PROCEDURAL_ADVICE is the Chief Executive's confidential advice to one member (C2007-A5). */
export type ReplyMarking = "NONE" | "EXEMPT" | "CONFIDENTIAL" | "PROCEDURAL_ADVICE";

export type PauseReason = "JUSTIFICATION" | "NEED_TO_KNOW" | "SCOPE" | "AGREEMENT";

export const INFO_OPEN_STATES: InfoState[] = [
  "TRIAGE",
  "SUBMITTED",
  "AWAITING_MEMBER",
  "REFERRED_FOR_ADVICE",
  "UNDER_REVIEW",
  "TO_BE_SUPPLIED",
];

export type InfoSubmission = {
  kind: InfoKind;
  subject: string;
  details: string;
  /** The department the member says holds the information; null when they do not know (DEF-A4 triage). */
  serviceId: string | null;
  /** An officer the member addresses (C2007-A1, WIG-A13), or the Chief Executive (C2007-A3). */
  addressee: {
    id: string;
    roles: readonly string[];
    serviceId: string | null;
    seniority: "SENIOR" | "JUNIOR" | null;
  } | null;
  classification?: WigClass | null;
  needToKnowGrounds?: string;
  /** A committee the member sits on, chosen as the reason (CWC-A5). */
  presumedCommitteeId?: string | null;
  capacity?: "AS_MEMBER" | "AS_WARD_REPRESENTATIVE" | null;
  wardId?: string | null;
  category: DocumentCategory;
  thirdPartyData: boolean;
  thirdPartyJustification?: string;
  councilRoleDeclared: boolean;
  concernsAnotherMember: boolean;
  concernedMemberIds: string[];
  sharingAgreed: boolean;
  /** GROUP_BACKGROUND: the group filing (CWC-A8). */
  groupId?: string | null;
  /** HTC-A1: members filing jointly. */
  coRequesterIds?: string[];
};

/** Facts the service layer resolves from the database for routing. */
export type RoutingContext = {
  chiefOfficerOfService: (serviceId: string) => string | null;
  chiefExecutiveId: string | null;
  townClerkId: string | null;
  /** Whether the actor may file for the named group (DEF-B1). */
  mayFileForGroup: (groupId: string) => boolean;
};

export type InfoRouting = {
  state: "TRIAGE" | "SUBMITTED";
  deciderId: string | null;
  allocatedToId: string | null;
  needPresumed: boolean;
  /** Requests to junior officers stay visible to the Director (WIG-A13) and to management (C2007-A2). */
  visibleToServiceHead: boolean;
  ruleId: string;
  notes: { ruleId: string; message: string }[];
};

const field = (ruleId: string, f: string, message: string): Refusal => refuse(ruleId, message, f);

/** Checks a member's submission against the council profile and decides where it goes. */
export function submitInformationRequest(
  profile: CouncilProfile,
  actor: Actor,
  input: InfoSubmission,
  ctx: RoutingContext,
): Decision<{ routing: InfoRouting }> {
  const p = profile.information;
  if (!has(actor, "MEMBER")) return refuse("DEF-A4", "Only councillors can make an information request.");
  if (!hasText(input.subject)) return field("DEF-A4", "subject", "Enter a subject for your request");
  if (!hasText(input.details)) return field("DEF-A4", "details", "Say what information you need");
  if (p.barredCategories.value.includes(input.category)) {
    return field(
      p.barredCategories.ruleId,
      "category",
      "Draft Cabinet reports and working papers are work in progress and cannot be requested under the access to information rules.",
    );
  }
  if (p.councilRoleDeclaration.value && !input.councilRoleDeclared) {
    return field(
      p.councilRoleDeclaration.ruleId,
      "councilRoleDeclared",
      "Confirm that this request relates to your role as a councillor: officers help members with council business only, not party campaigning or private purposes.",
    );
  }
  const needPresumed =
    p.committeePresumption.value &&
    !!input.presumedCommitteeId &&
    (actor.committeeIds ?? []).includes(input.presumedCommitteeId);
  if (p.committeePresumption.value && input.presumedCommitteeId && !needPresumed) {
    return field("CWC-A5", "presumedCommitteeId", "Choose a committee you sit on, or explain your need to know.");
  }
  if (p.groundsRequired.value && !needPresumed && !hasText(input.needToKnowGrounds)) {
    return field(
      p.groundsRequired.ruleId,
      "needToKnowGrounds",
      "Explain how the information relates to your duties as a councillor (your need to know).",
    );
  }
  // CWC-A6 applies whatever CWC-A5 presumes (RULES.md §6.2).
  if (p.thirdPartyJustification.value && input.thirdPartyData && !hasText(input.thirdPartyJustification)) {
    return field(
      p.thirdPartyJustification.ruleId,
      "thirdPartyJustification",
      "Give a specific justification for asking for other people's personal information.",
    );
  }
  if (p.capacityRequired.value) {
    if (!input.capacity)
      return field(
        p.capacityRequired.ruleId,
        "capacity",
        "Say whether you ask as a councillor or as a ward representative.",
      );
    if (
      input.capacity === "AS_WARD_REPRESENTATIVE" &&
      !(input.wardId && (actor.wardIds ?? []).includes(input.wardId))
    ) {
      return field(p.capacityRequired.ruleId, "wardId", "Choose the ward you represent.");
    }
  }
  if (input.concernsAnotherMember) {
    if (input.concernedMemberIds.length === 0)
      return field("WIG-A10", "concernedMemberIds", "Choose the councillor or councillors the request is about.");
    if (p.anotherMemberRule.value && !input.sharingAgreed) {
      return field(
        p.anotherMemberRule.ruleId,
        "sharingAgreed",
        "Any reply will be shared with the councillor it concerns. Agree to this to continue: without your agreement the information will not be given.",
      );
    }
  }
  if (input.kind === "GROUP_BACKGROUND") {
    if (!input.groupId || !ctx.mayFileForGroup(input.groupId))
      return refuse(
        "DEF-B1",
        "Only your group's Leader, or a member the Leader has designated, can ask for background information for the group.",
      );
  }
  if (input.kind === "ADVICE_NOTE" && !p.adviceNotes.value)
    return refuse("C2007-A1", "Advice or briefing notes are requested as information requests in this council.");
  if (input.kind === "INDIVIDUAL_BRIEFING" && !input.serviceId)
    return field("WIG-A11", "serviceId", "Choose the Director you would like a briefing from.");

  const routing = routeInformationRequest(profile, input, ctx);
  if (!routing.ok) return routing;
  return { ok: true, routing: { ...routing.routing, needPresumed } };
}

function routeInformationRequest(
  profile: CouncilProfile,
  input: InfoSubmission,
  ctx: RoutingContext,
): Decision<{ routing: InfoRouting }> {
  const r = profile.information.recipient;
  const base = {
    needPresumed: false,
    visibleToServiceHead: false,
    allocatedToId: null,
    notes: [] as InfoRouting["notes"],
  };
  const toChiefExecutive = input.addressee?.roles.includes("CHIEF_EXECUTIVE") ?? false;
  if (r.value === "TOWN_CLERK") {
    if (!ctx.townClerkId)
      return refuse(
        r.ruleId,
        "The council has no Town Clerk set up to receive requests yet. Ask the council's administrator.",
      );
    return { ok: true, routing: { ...base, state: "SUBMITTED", deciderId: ctx.townClerkId, ruleId: r.ruleId } };
  }
  // C2007-A3: every member may address the Chief Executive directly.
  if (toChiefExecutive && profile.information.chiefExecutiveAlwaysAvailable.value) {
    return {
      ok: true,
      routing: { ...base, state: "SUBMITTED", deciderId: ctx.chiefExecutiveId, ruleId: "C2007-A3" },
    };
  }
  if (r.value === "ADDRESSEE_OR_HEAD_OF_SERVICE" && input.addressee) {
    // C2007-A1: to the officer addressed; always visible to their Head of Service and the CE (C2007-A2).
    const head = input.addressee.serviceId
      ? ctx.chiefOfficerOfService(input.addressee.serviceId)
      : ctx.chiefExecutiveId;
    const addresseeIsHead =
      input.addressee.roles.includes("CHIEF_OFFICER") || input.addressee.roles.includes("CHIEF_EXECUTIVE");
    return {
      ok: true,
      routing: {
        ...base,
        state: "SUBMITTED",
        deciderId: addresseeIsHead ? input.addressee.id : head,
        allocatedToId: input.addressee.id,
        visibleToServiceHead: true,
        ruleId: "C2007-A1",
      },
    };
  }
  if (r.value === "BY_CLASSIFICATION") {
    const cls = input.classification;
    if (!cls)
      return field(
        "WIG-A13",
        "classification",
        "Say what kind of request this is: routine casework, a general enquiry, a policy or non-routine matter, or a major concern.",
      );
    if (
      input.addressee &&
      input.addressee.seniority !== null &&
      !input.addressee.roles.includes("CHIEF_OFFICER")
    ) {
      const director = input.addressee.serviceId ? ctx.chiefOfficerOfService(input.addressee.serviceId) : null;
      if (cls === "CASEWORK_OR_ROUTINE") {
        return {
          ok: true,
          routing: {
            ...base,
            state: "SUBMITTED",
            deciderId: director,
            allocatedToId: input.addressee.id,
            visibleToServiceHead: true,
            ruleId: "WIG-A13",
          },
        };
      }
      return {
        ok: true,
        routing: {
          ...base,
          state: "SUBMITTED",
          deciderId: director,
          ruleId: "WIG-A13",
          notes: [
            {
              ruleId: "WIG-A13",
              message:
                "General enquiries, policy or non-routine matters and major concerns go to the Director, not to junior staff, so this request has been sent to the Director of the service.",
            },
          ],
        },
      };
    }
  }
  const serviceId = input.serviceId ?? input.addressee?.serviceId ?? null;
  if (!serviceId) {
    // DEF-A4: member services assign the department, but do not decide.
    return { ok: true, routing: { ...base, state: "TRIAGE", deciderId: null, ruleId: "DEF-A4" } };
  }
  const chiefOfficer = ctx.chiefOfficerOfService(serviceId);
  if (!chiefOfficer) {
    // DEF-A4: a service with no Chief Officer set up yet (a council being set up): member services pass the request
    // on, as they do one whose department is unknown, rather than leave it with no one.
    return {
      ok: true,
      routing: {
        ...base,
        state: "TRIAGE",
        deciderId: null,
        ruleId: "DEF-A4",
        notes: [
          {
            ruleId: "DEF-A4",
            message:
              "This service has no Chief Officer set up yet, so member services will pass your request to the officer who decides it.",
          },
        ],
      },
    };
  }
  return {
    ok: true,
    routing: {
      ...base,
      state: "SUBMITTED",
      deciderId: chiefOfficer,
      ruleId: r.value === "BY_CLASSIFICATION" ? "WIG-A13" : r.ruleId,
    },
  };
}

/** A request as the workflow sees it. */
export type InfoRequest = {
  state: InfoState;
  kind: InfoKind;
  requesterIds: string[];
  groupId: string | null;
  serviceId: string | null;
  deciderId: string | null;
  allocatedToId: string | null;
  reviewerId: string | null;
  needPresumed: boolean;
  readilyAvailable: boolean;
  governanceAdviceRecorded: boolean;
  pausedFor: PauseReason | null;
  concernedMemberIds: string[];
  refusedGrounds: RefusalGround[];
  referredToChairId: string | null;
  /** C2007-A6: referred to a Committee for its instructions. */
  referredToCommitteeId?: string | null;
  /** A review has been decided: a refusal is reviewed once (CWC-A4, DEF-A3). */
  reviewed?: boolean;
};

export type InfoAction =
  | { type: "TRIAGE"; serviceId: string; deciderId: string }
  | { type: "ALLOCATE"; officerId: string; officerServiceId: string | null }
  | { type: "RECORD_GOVERNANCE_ADVICE"; advice: string }
  | { type: "REQUEST_JUSTIFICATION"; question?: string }
  | { type: "APPLY_NEED_TO_KNOW_TEST"; question: string }
  | { type: "PROPOSE_SCOPE"; estimate: string; proposal: string }
  | { type: "ISSUE_ANOTHER_MEMBER_NOTICE"; concernedMemberIds: string[] }
  | { type: "MEMBER_RESPONDS"; response: string; agrees?: boolean; scope?: "ACCEPT" | "AMEND" | "KEEP" }
  | { type: "MARK_READILY_AVAILABLE" }
  | { type: "REFER_FOR_ADVICE"; chairId: string; reasons: string }
  | { type: "CHAIR_ADVICE"; advice: string }
  | { type: "REFER_TO_COMMITTEE"; committeeId: string; reasons: string }
  | { type: "RECORD_COMMITTEE_INSTRUCTIONS"; meetingDate: string; minuteReference: string; instructions: string }
  | {
      type: "GRANT";
      reply: string;
      marking?: ReplyMarking;
      /** DEF-A9: a first stage of a bulky request; the request stays open for the rest. */
      inStages?: boolean;
    }
  | {
      type: "REFUSE";
      ground: RefusalGround;
      reasons: string;
      onNeedToKnow?: boolean;
      differentFromGrantFor?: string | null;
    }
  | { type: "REQUEST_REVIEW"; reasons: string }
  | { type: "UPHOLD"; reasons: string }
  | { type: "OVERTURN"; reasons: string }
  | { type: "WITHDRAW" }
  | { type: "CLOSE"; response: string };

export type InfoOutcome = {
  to: InfoState;
  ruleId: string;
  pause?: PauseReason | null;
  /** Set the reviewer when a review is requested. */
  reviewRoute?: "DIRECTOR_OF_GOVERNANCE" | "MONITORING_OFFICER";
  /** Who must be told, as roles of the request. */
  notify: ("REQUESTERS" | "DECIDER" | "REVIEWER" | "CONCERNED_MEMBERS" | "ALLOCATED" | "CHAIR")[];
  notices: { ruleId: string; text: string }[];
};

const isDecider = (req: InfoRequest, actor: Actor) => req.deciderId === actor.id;
const isRequester = (req: InfoRequest, actor: Actor) => req.requesterIds.includes(actor.id);

/** The single transition function for information requests: who may do what, when, with which data. */
export function decideInformation(
  profile: CouncilProfile,
  req: InfoRequest,
  actor: Actor,
  action: InfoAction,
): Decision<InfoOutcome> {
  const p = profile.information;
  const ok = (to: InfoState, ruleId: string, extra: Partial<InfoOutcome> = {}): Decision<InfoOutcome> => ({
    ok: true,
    to,
    ruleId,
    notify: [],
    notices: [],
    ...extra,
  });
  const wrongState = (what: string) =>
    refuse(
      "DEF-A4",
      `This request cannot be ${what} now: it is ${req.state.toLowerCase().replace(/_/g, " ")}.`,
      undefined,
      "CONFLICT",
    );

  switch (action.type) {
    case "TRIAGE":
      if (req.state !== "TRIAGE") return wrongState("triaged");
      if (!has(actor, "ADMIN", "MONITORING_OFFICER", "DIRECTOR_OF_GOVERNANCE", "CHIEF_EXECUTIVE"))
        return refuse("DEF-A4", "Only member services can assign the department for a request.");
      return ok("SUBMITTED", "DEF-A4", { notify: ["DECIDER", "REQUESTERS"] });

    case "ALLOCATE": {
      if (has(actor, "MEMBER") && !has(actor, "OFFICER")) {
        return refuse(
          p.memberCannotDirectWork.ruleId,
          "Councillors cannot assign, reassign, prioritise or set deadlines on officers' work: allocation is for the officer's managers.",
        );
      }
      if (!(
        isDecider(req, actor) ||
        has(actor, "CHIEF_EXECUTIVE") ||
        (profile.townClerkGate && has(actor, "TOWN_CLERK"))
      )) {
        return refuse(p.memberCannotDirectWork.ruleId, "Only the officer handling this request can allocate it.");
      }
      if (!["SUBMITTED", "TO_BE_SUPPLIED"].includes(req.state)) return wrongState("allocated");
      return ok(req.state, p.memberCannotDirectWork.ruleId, { notify: ["ALLOCATED"] });
    }

    case "RECORD_GOVERNANCE_ADVICE":
      if (!p.governanceAdviceBeforeRefusal.value)
        return refuse("CWC-A3", "This council's protocol has no governance-advice step.");
      if (!has(actor, "DIRECTOR_OF_GOVERNANCE", "MONITORING_OFFICER"))
        return refuse("CWC-A3", "Only the governance team records governance advice.");
      if (!["SUBMITTED", "TO_BE_SUPPLIED", "AWAITING_MEMBER"].includes(req.state)) return wrongState("advised on");
      if (!hasText(action.advice)) return field("CWC-A3", "advice", "Enter the governance advice.");
      return ok(req.state, "CWC-A3", { notify: ["DECIDER"] });

    case "REQUEST_JUSTIFICATION":
      if (!isDecider(req, actor))
        return refuse("CWC-A6", "Only the deciding Chief Officer can ask for written justification.");
      if (req.state !== "SUBMITTED") return wrongState("paused");
      return ok("AWAITING_MEMBER", "CWC-A6", { pause: "JUSTIFICATION", notify: ["REQUESTERS"] });

    case "APPLY_NEED_TO_KNOW_TEST":
      if (p.needToKnowByChiefOfficerOnly.value && !(isDecider(req, actor) && has(actor, "CHIEF_OFFICER"))) {
        return refuse(
          "WIG-A2",
          "Only the Chief Officer of the department can apply the need-to-know test. Refer the request to your Chief Officer.",
        );
      }
      if (!isDecider(req, actor)) return refuse("DEF-A4", "Only the decider can question need to know.");
      if (!hasText(action.question)) return field("WIG-A2", "question", "Say what the member needs to explain.");
      if (req.state !== "SUBMITTED") return wrongState("paused");
      return ok("AWAITING_MEMBER", "WIG-A2", { pause: "NEED_TO_KNOW", notify: ["REQUESTERS"] });

    case "PROPOSE_SCOPE":
      if (!p.significantCostProposal.value)
        return refuse("WIG-A5", "This council's protocol has no scope-proposal step.");
      if (!(isDecider(req, actor) || req.allocatedToId === actor.id))
        return refuse("WIG-A5", "Only the handler can propose a narrower scope.");
      if (!hasText(action.estimate) || !hasText(action.proposal))
        return field(
          "WIG-A5",
          "proposal",
          "Give the cost estimate and the narrower scope or other form you propose.",
        );
      return ok("AWAITING_MEMBER", "WIG-A5", { pause: "SCOPE", notify: ["REQUESTERS"] });

    case "ISSUE_ANOTHER_MEMBER_NOTICE":
      if (!p.anotherMemberRule.value)
        return refuse("DEF-A7", "This council's protocol has no rule on requests about another member.");
      if (!(isDecider(req, actor) || req.allocatedToId === actor.id))
        return refuse("WIG-A10", "Only the handler can issue the notice.");
      if (action.concernedMemberIds.length === 0)
        return field("WIG-A10", "concernedMemberIds", "Choose the councillor the request concerns.");
      return ok("AWAITING_MEMBER", "WIG-A10", {
        pause: "AGREEMENT",
        notify: ["REQUESTERS"],
        notices: [
          {
            ruleId: "WIG-A10",
            text: "Any reply will be shared with the councillor it concerns. Without your agreement the information will not be given.",
          },
        ],
      });

    case "MEMBER_RESPONDS":
      if (!isRequester(req, actor)) return refuse("DEF-A4", "Only the member who made the request can answer.");
      if (req.state !== "AWAITING_MEMBER") return wrongState("answered");
      if (req.pausedFor === "AGREEMENT") {
        if (action.agrees === undefined)
          return field(
            "WIG-A10",
            "agrees",
            "Say whether you agree that the reply will be shared with the councillor it concerns.",
          );
        if (!action.agrees) return ok("CLOSED", "WIG-A10", { pause: null, notify: ["DECIDER"] });
      }
      if (req.pausedFor === "JUSTIFICATION" && !hasText(action.response))
        return field("CWC-A6", "response", "Enter your written justification.");
      if (req.pausedFor === "NEED_TO_KNOW" && !hasText(action.response))
        return field("WIG-A2", "response", "Explain why you need the information for your council duties.");
      if (req.pausedFor === "SCOPE" && !action.scope)
        return field("WIG-A5", "scope", "Accept the proposal, amend it, or keep your original request.");
      return ok("SUBMITTED", req.pausedFor === "SCOPE" && action.scope === "KEEP" ? "DEF-A9" : "DEF-A1", {
        pause: null,
        notify: ["DECIDER"],
      });

    case "MARK_READILY_AVAILABLE":
      if (!(isDecider(req, actor) || req.allocatedToId === actor.id))
        return refuse("C2007-A4", "Only the handler can mark a request readily available.");
      if (!["SUBMITTED", "TO_BE_SUPPLIED"].includes(req.state)) return wrongState("marked readily available");
      return ok(req.state, "C2007-A4");

    case "REFER_FOR_ADVICE":
      if (!has(actor, "CHIEF_EXECUTIVE") || !isDecider(req, actor))
        return refuse(
          "C2007-A6",
          "Only the Chief Executive, handling the request, can refer it for a Chairman's advice.",
        );
      if (!hasText(action.reasons)) return field("C2007-A6", "reasons", "Give reasons for referring the request.");
      return ok("REFERRED_FOR_ADVICE", "C2007-A6", { notify: ["CHAIR", "REQUESTERS"] });

    case "REFER_TO_COMMITTEE":
      if (!has(actor, "CHIEF_EXECUTIVE") || !isDecider(req, actor) || !p.chiefExecutiveAlwaysAvailable.value)
        return refuse(
          "C2007-A6",
          "Only the Chief Executive, handling the request, can refer it to a Committee for instructions.",
        );
      if (!["SUBMITTED", "TO_BE_SUPPLIED"].includes(req.state)) return wrongState("referred to a Committee");
      if (!hasText(action.reasons)) return field("C2007-A6", "reasons", "Give reasons for referring the request.");
      return ok("REFERRED_FOR_ADVICE", "C2007-A6", { notify: ["REQUESTERS"] });

    case "RECORD_COMMITTEE_INSTRUCTIONS":
      if (!isDecider(req, actor) || req.state !== "REFERRED_FOR_ADVICE" || !req.referredToCommitteeId)
        return refuse(
          "C2007-A6",
          "Only the Chief Executive can record the instructions of the Committee the request was referred to.",
        );
      if (!hasText(action.meetingDate))
        return field("C2007-A6", "meetingDate", "Enter the date of the Committee meeting.");
      if (!hasText(action.minuteReference))
        return field("C2007-A6", "minuteReference", "Enter the minute reference.");
      if (!hasText(action.instructions))
        return field("C2007-A6", "instructions", "Enter the Committee's instructions.");
      return ok("SUBMITTED", "C2007-A6");

    case "CHAIR_ADVICE":
      if (req.referredToChairId !== actor.id || req.state !== "REFERRED_FOR_ADVICE")
        return refuse("C2007-A6", "Only the Chairman the request was referred to can add advice.");
      if (!hasText(action.advice)) return field("C2007-A6", "advice", "Enter your advice.");
      return ok("SUBMITTED", "C2007-A6", { notify: ["DECIDER"] });

    case "GRANT":
      if (!isDecider(req, actor))
        return refuse(p.recipient.ruleId, "Only the officer deciding this request can grant it.");
      if (!["SUBMITTED", "TO_BE_SUPPLIED"].includes(req.state)) return wrongState("granted");
      if (!hasText(action.reply))
        return field(p.responseRequired.ruleId, "reply", "Enter the reply to the member.");
      if (
        action.marking === "PROCEDURAL_ADVICE" &&
        !(has(actor, "CHIEF_EXECUTIVE") && p.chiefExecutiveAlwaysAvailable.value)
      )
        return field(
          "C2007-A5",
          "marking",
          "Only the Chief Executive gives confidential procedural advice as a reply of its own.",
        );
      if (action.inStages) {
        if (!p.significantCostProposal.value)
          return field("DEF-A9", "inStages", "This council's protocol has no staged release of information.");
        return ok(req.state, "DEF-A9", { notify: ["REQUESTERS"] });
      }
      return ok("GRANTED", req.state === "TO_BE_SUPPLIED" ? "DEF-A5" : p.recipient.ruleId, {
        notify:
          p.anotherMemberRule.value && req.concernedMemberIds.length
            ? ["REQUESTERS", "CONCERNED_MEMBERS"]
            : ["REQUESTERS"],
        notices: p.releaseNotice ? [{ ruleId: p.releaseNotice.ruleId, text: p.releaseNotice.value }] : [],
      });

    case "REFUSE": {
      if (req.state === "TO_BE_SUPPLIED") {
        return refuse("DEF-A5", "A review has overturned the refusal: the information must now be supplied.");
      }
      if (
        action.onNeedToKnow &&
        p.needToKnowByChiefOfficerOnly.value &&
        !(has(actor, "CHIEF_OFFICER") && isDecider(req, actor))
      ) {
        return refuse("WIG-A2", "Only the Chief Officer of the department can refuse on need to know.");
      }
      // C2007-B2: an officer assigned the work may decline it on political-neutrality grounds, not only the decider.
      const neutralityDecline =
        action.ground === "PREJUDICES_NEUTRALITY" &&
        p.refusalGrounds.value.includes("PREJUDICES_NEUTRALITY") &&
        req.allocatedToId === actor.id;
      if (!isDecider(req, actor) && !neutralityDecline)
        return refuse(p.recipient.ruleId, "Only the officer deciding this request can refuse it.");
      if (req.state !== "SUBMITTED") return wrongState("refused");
      if (!hasText(action.reasons)) {
        return field(
          p.refusalReasons.ruleId,
          "reasons",
          "Give written reasons for the refusal: they will be shown to the member.",
        );
      }
      if (req.readilyAvailable && p.readilyAvailableMustGrant.value)
        return refuse(
          "C2007-A4",
          "This information is readily available, so it must be provided: grant it with a link or attachment.",
        );
      if (action.ground === "PARTY_POLITICAL_MATTER" && profile.townClerkGate)
        return field(
          "HTC-B1",
          "ground",
          "Officers serve no political group: a request cannot be refused because of the member's party or politics.",
        );
      if (req.kind === "INDIVIDUAL_BRIEFING" && action.ground !== "UNREASONABLE")
        return field(
          "WIG-A11",
          "ground",
          "A request for an individual briefing can be declined only as unreasonable.",
        );
      if (!p.refusalGrounds.value.includes(action.ground))
        return field(
          p.refusalGrounds.ruleId,
          "ground",
          "Choose one of the refusal grounds your council's protocol allows.",
        );
      if (p.governanceAdviceBeforeRefusal.value && !req.governanceAdviceRecorded) {
        return refuse("DEF-A10", "Governance advice must be recorded before a request is refused (CWC-A3).");
      }
      if (
        req.kind === "GROUP_BACKGROUND" &&
        action.differentFromGrantFor !== undefined &&
        action.differentFromGrantFor !== null &&
        !hasText(action.reasons)
      ) {
        return field(
          "CWC-A8",
          "reasons",
          "Explain why this group's request is treated differently from the earlier grant on the same decision.",
        );
      }
      return ok("REFUSED", p.refusalReasons.isDefault ? p.refusalGrounds.ruleId : p.refusalReasons.ruleId, {
        notify: ["REQUESTERS"],
        notices: p.refusalNotice ? [{ ruleId: p.refusalNotice.ruleId, text: p.refusalNotice.value }] : [],
      });
    }

    case "REQUEST_REVIEW":
      if (!isRequester(req, actor))
        return refuse(p.reviewer.ruleId, "Only the member who made the request can ask for a review.");
      if (req.state !== "REFUSED")
        return refuse(p.reviewer.ruleId, "A review can be asked for only once the request has been refused.");
      if (req.reviewed)
        return refuse(
          p.reviewer.ruleId,
          "This refusal has already been reviewed: the reviewer's decision is final.",
          undefined,
          "CONFLICT",
        );
      if (p.reviewer.value === "COUNCIL_AGENDA") {
        return refuse(
          "DEF-A3",
          "There is no officer above the Town Clerk to review a refusal. You can put the matter on the Council's agenda as an agenda item instead.",
        );
      }
      return ok("UNDER_REVIEW", p.reviewer.ruleId, {
        reviewRoute: p.reviewer.value,
        notify: ["REVIEWER", "DECIDER"],
      });

    case "UPHOLD":
    case "OVERTURN": {
      if (req.state !== "UNDER_REVIEW") return wrongState("reviewed");
      if (req.deciderId === actor.id)
        return refuse(p.reviewer.ruleId, "The officer who refused cannot review their own decision.");
      if (req.reviewerId !== actor.id)
        return refuse(
          p.reviewer.ruleId,
          "Only the reviewer named by the council's protocol can decide the review.",
        );
      if (!hasText(action.reasons))
        return field("DEF-A2", "reasons", "Give written reasons for the review decision.");
      return action.type === "UPHOLD"
        ? ok("REFUSED", p.reviewer.ruleId, { notify: ["REQUESTERS", "DECIDER"] })
        : ok("TO_BE_SUPPLIED", "DEF-A5", { notify: ["REQUESTERS", "DECIDER"] });
    }

    case "WITHDRAW":
      if (!isRequester(req, actor))
        return refuse("DEF-A4", "Only the member who made the request can withdraw it.");
      if (!INFO_OPEN_STATES.includes(req.state)) return wrongState("withdrawn");
      return ok("WITHDRAWN", "DEF-A4", { notify: ["DECIDER"] });

    case "CLOSE":
      if (!isDecider(req, actor)) return refuse("DEF-A4", "Only the officer deciding this request can close it.");
      if (!["SUBMITTED", "TO_BE_SUPPLIED"].includes(req.state)) return wrongState("closed");
      if (!hasText(action.response))
        return field(
          p.responseRequired.ruleId,
          "response",
          "Enter the response you are closing the request with.",
        );
      return ok("CLOSED", p.responseRequired.ruleId, { notify: ["REQUESTERS"] });
  }
}
