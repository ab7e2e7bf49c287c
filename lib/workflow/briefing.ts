// Party-group briefing requests (RULES.md §3.B). Requests are invitations: no role can instruct an officer
// to attend or write (HAL-B1, CWC-B1, WIG-B1); each officer accepts or declines in person. Pure.
import { addWorkingDays, previousWorkingDay, workingDaysBetween } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";
import type { CouncilProfile, RefusalGround } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type BriefingKind = "GROUP" | "ROLE" | "OFFERED";
export type BriefingState = "AWAITING_GROUPS" | "SUBMITTED" | "ACCEPTED" | "DECLINED" | "COMPLETED" | "WITHDRAWN";

export type BriefingSubmission = {
  kind: BriefingKind;
  /** Groups asking (more than one for a joint briefing, CWC-B8). */
  groupIds: string[];
  /** DEF-B3: linked decision, agenda item, report reference or listed topic. */
  subjectKey: string;
  subject: string;
  /** The council business it concerns (CWC-B7): a decision, committee item or service. */
  councilBusiness: string;
  /** The committee or portfolio the subject belongs to (CWC-B2) and the service that holds it. */
  committeeId: string | null;
  serviceId: string | null;
  meetingDate: string | null;
  /** CWC-B10: proposed start time ("18:30") and expected length in minutes. */
  startTime?: string | null;
  durationMinutes?: number | null;
  /** HAL-B5 / WIG-B8: a meeting designated for one party only. */
  onePartyMeeting: boolean;
  /** WIG-B3: the item, and why it is a major issue. */
  item?: string;
  majorIssue?: string;
};

export type BriefingRoutingContext = {
  chiefOfficerOfService: (serviceId: string) => string | null;
  /** Present (not marked absent) holders of CE, DCE and COO on the filing date (CWC-B3). */
  presentExecutiveIds: string[];
  chiefExecutiveId: string | null;
  townClerkId: string | null;
  /** Members the Group Leader has designated to file for the group (DEF-B1). */
  designatedFor: (groupId: string) => string[];
};

export type BriefingRouting = {
  state: BriefingState;
  /** Recipients: one officer, or a shared queue (CWC-B3). */
  recipientIds: string[];
  proposedAttendeeId: string | null;
  shortNotice: boolean;
  dueDate: string;
  ruleId: string;
  warnings: { ruleId: string; message: string }[];
};

function mayFile(
  profile: CouncilProfile,
  actor: Actor,
  input: BriefingSubmission,
  ctx: BriefingRoutingContext,
): boolean {
  const offices = actor.groupOffices ?? [];
  const inGroup = input.groupIds.includes(actor.groupId ?? "");
  const leads = inGroup && offices.some((o) => o.kind === "LEADER");
  const designated = inGroup && ctx.designatedFor(actor.groupId!).includes(actor.id);
  switch (profile.briefing.filers.value) {
    case "LEADER_CHAIR_SPOKESPERSON_CABINET": {
      const committee = input.committeeId ?? "";
      const chairs = (actor.chairOfCommitteeIds ?? []).includes(committee);
      const speaks =
        inGroup &&
        offices.some(
          (o) =>
            o.kind === "SPOKESPERSON" &&
            [o.portfolioId, o.portfolio].some((p) => !!p && (p === committee || p === input.serviceId)),
        );
      const cabinet =
        has(actor, "CABINET_MEMBER") &&
        (actor.portfolioIds ?? []).some((p) => p === committee || p === input.serviceId);
      return leads || chairs || speaks || cabinet;
    }
    case "GROUP_LEADER_OR_DESIGNATE":
      return leads || designated;
    case "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON":
      return leads || designated || (inGroup && offices.some((o) => o.kind === "SPOKESPERSON"));
    case "ANY_MEMBER_NAMING_GROUP":
      return inGroup;
  }
}

export function submitBriefingRequest(
  profile: CouncilProfile,
  actor: Actor,
  input: BriefingSubmission,
  ctx: BriefingRoutingContext,
  now: Date,
): Decision<{ routing: BriefingRouting }> {
  const b = profile.briefing;
  if (!has(actor, "MEMBER")) return refuse("DEF-B1", "Only councillors can ask for a briefing.");
  if (!hasText(input.subject)) return refuse("DEF-B3", "Enter the subject of the briefing.", "subject");
  if (!hasText(input.subjectKey))
    return refuse(
      "DEF-B3",
      "Choose the decision, agenda item, report or topic the briefing is about.",
      "subjectKey",
    );
  if (input.kind === "ROLE") {
    // CWC-B11: role briefings for Cabinet Members and Chairs are not party-group requests (CWC-B2 does not apply).
    if (!b.roleBriefings.value)
      return refuse("CWC-B11", "Role briefings are not part of this council's protocol.");
    if (!has(actor, "CABINET_MEMBER", "COMMITTEE_CHAIR"))
      return refuse("CWC-B11", "Role briefings are for Cabinet Members and committee Chairs.");
  } else if (input.kind === "OFFERED") {
    return refuse("WIG-B6", "Offered briefings are created by a Chief Officer, not filed by members.");
  } else {
    if (input.groupIds.length === 0) return refuse("DEF-B1", "Choose the group the briefing is for.", "groupIds");
    if (input.groupIds.length > 1 && !b.jointBriefings.value)
      return refuse(
        "DEF-B7",
        "Joint briefings for several groups are not part of this council's protocol.",
        "groupIds",
      );
    if (!mayFile(profile, actor, input, ctx)) {
      const who =
        b.filers.value === "LEADER_CHAIR_SPOKESPERSON_CABINET"
          ? "a Group Leader, the Chair or a Spokesperson for the committee concerned, or the Cabinet Member concerned"
          : b.filers.value === "ANY_MEMBER_NAMING_GROUP"
            ? "a member of the group named"
            : "the Group Leader, a member the Leader has designated" +
              (b.filers.value === "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON" ? ", or a Spokesperson" : "");
      return refuse(b.filers.ruleId, `A party-group briefing request must come from ${who}.`);
    }
  }
  if (b.councilBusinessOnly.value && !hasText(input.councilBusiness)) {
    return refuse(
      "CWC-B7",
      "Name the council business the briefing concerns: a decision, a committee item or a service. Officers advise on council business only.",
      "councilBusiness",
    );
  }
  if (
    profile.briefing.leaveBeforeDecision.value &&
    input.onePartyMeeting &&
    (!hasText(input.item) || !hasText(input.majorIssue))
  ) {
    return refuse(
      "WIG-B3",
      "Name the item officers are asked to attend for, and why it is a major issue.",
      "item",
    );
  }

  const today = londonDate(now);
  const shortNotice =
    !!input.meetingDate && workingDaysBetween(today, input.meetingDate) < b.shortNoticeWorkingDays.value;
  const warnings = shortNotice
    ? [
        {
          ruleId: b.shortNoticeRule.ruleId,
          message: `The meeting is less than ${b.shortNoticeWorkingDays.value} working days away. Officers need time to prepare: they may propose a later date.`,
        },
      ]
    : [];
  // DEF-B9: decision due in 5 working days, or the day before the meeting if sooner.
  let dueDate = addWorkingDays(today, b.decisionWorkingDays.value);
  if (input.meetingDate) {
    const dayBefore = previousWorkingDay(input.meetingDate);
    if (dayBefore < dueDate) dueDate = dayBefore < today ? today : dayBefore;
  }

  let recipientIds: string[] = [];
  let proposedAttendeeId: string | null = null;
  let ruleId: string = b.recipient.ruleId;
  const subjectChief = input.serviceId ? ctx.chiefOfficerOfService(input.serviceId) : null;
  switch (b.recipient.value) {
    case "CE_DCE_COO_SHARED_QUEUE":
      recipientIds = ctx.presentExecutiveIds;
      if (recipientIds.length === 0) {
        if (!subjectChief)
          return refuse(
            "CWC-B3",
            "The Chief Executive, Deputy Chief Executive and Chief Operating Officer are all absent: choose the service the subject belongs to, so the request can go to its Director.",
            "serviceId",
          );
        recipientIds = [subjectChief];
      }
      break;
    case "SUBJECT_CHIEF_OFFICER":
      if (!subjectChief)
        return refuse(
          b.recipient.ruleId,
          "Choose the service the subject belongs to: the request goes to its Chief Officer.",
          "serviceId",
        );
      recipientIds = [subjectChief];
      proposedAttendeeId = subjectChief; // HAL-B2 / WIG-B2: the Chief Officer is the only pre-filled attendee.
      break;
    case "CHIEF_EXECUTIVE":
      recipientIds = ctx.chiefExecutiveId ? [ctx.chiefExecutiveId] : [];
      break;
    case "TOWN_CLERK":
      recipientIds = ctx.townClerkId ? [ctx.townClerkId] : [];
      break;
  }
  if (input.onePartyMeeting && b.onePartyMeetings?.value) ruleId = b.onePartyMeetings.ruleId;
  const state: BriefingState = input.groupIds.length > 1 ? "AWAITING_GROUPS" : "SUBMITTED";
  return {
    ok: true,
    routing: { state, recipientIds, proposedAttendeeId, shortNotice, dueDate, ruleId, warnings },
  };
}

export type Briefing = {
  state: BriefingState;
  kind: BriefingKind;
  groupIds: string[];
  optedInGroupIds: string[];
  subjectKey: string;
  recipientIds: string[];
  /** The recipient who took the request from a shared queue. */
  handlerId: string | null;
  serviceId: string | null;
  /** Officers invited and their answers; only "ACCEPTED" officers attend or write. */
  attendees: { officerId: string; status: "INVITED" | "ACCEPTED" | "DECLINED" }[];
  /** C2007-B1: a Chief Executive discussion with the administration leadership. */
  administrationDiscussion: boolean;
  /** Who filed it (role briefings have no group). */
  requesterId?: string;
};

/** Another request on the same subject key that the officer has accepted (DEF-B3), for the equal-treatment guard. */
export type SameSubjectAcceptance = { briefingGroupIds: string[]; officerHandledIt: boolean };

export type Officer = {
  id: string;
  roles: readonly string[];
  serviceId: string | null;
  seniority: "SENIOR" | "JUNIOR" | null;
  tier: number | null;
  jnc: boolean;
};

export type BriefingAction =
  | { type: "OPT_IN"; groupId: string }
  | { type: "TAKE" }
  | { type: "ACCEPT" }
  | { type: "DECLINE"; ground: RefusalGround; reasons: string; notSameSubjectConfirmed?: boolean }
  | { type: "SET_ATTENDING"; officerId: string }
  | { type: "INVITE_ATTENDEE"; officer: Officer; reasons?: string }
  | { type: "ATTENDEE_ANSWER"; accept: boolean; reasons?: string }
  | { type: "COMPLETE"; minutesSpent: number | null; leftBeforeDecision: boolean | null }
  | { type: "WITHDRAW" }
  /** CWC-B9: the recipient may propose a later date (with reasons); the requesting group accepts it. */
  | { type: "PROPOSE_DATE"; date: string | null; reasons: string; today: string }
  | { type: "ACCEPT_DATE"; proposedDate: string | null };

export type BriefingOutcome = {
  to: BriefingState;
  ruleId: string;
  notify: ("GROUPS" | "RECIPIENTS" | "ATTENDEE" | "CHIEF_OFFICER")[];
  exception?: { ruleId: string; text: string };
};

const USUAL_CWC_ROLES = ["DEPUTY_CHIEF_EXECUTIVE", "CHIEF_OPERATING_OFFICER", "CHIEF_OFFICER"];

export function decideBriefing(
  profile: CouncilProfile,
  br: Briefing,
  actor: Actor,
  action: BriefingAction,
  ctx: { sameSubject: SameSubjectAcceptance[] } = { sameSubject: [] },
): Decision<BriefingOutcome> {
  const b = profile.briefing;
  const ok = (
    to: BriefingState,
    ruleId: string,
    extra: Partial<BriefingOutcome> = {},
  ): Decision<BriefingOutcome> => ({ ok: true, to, ruleId, notify: [], ...extra });
  const isRecipient = br.recipientIds.includes(actor.id) && (br.handlerId === null || br.handlerId === actor.id);
  const instructRule = b.invitationsOnly.ruleId;

  switch (action.type) {
    case "OPT_IN": {
      if (br.kind === "OFFERED") {
        // WIG-B6: the group's spokesperson (or its Leader) takes up a briefing a Chief Officer offered.
        const speaks =
          actor.groupId === action.groupId &&
          (actor.groupOffices ?? []).some((o) => o.kind === "SPOKESPERSON" || o.kind === "LEADER");
        if (!br.groupIds.includes(action.groupId) || !speaks)
          return refuse("WIG-B6", "Only the group's spokesperson or Leader can take up an offered briefing.");
        if (br.state !== "AWAITING_GROUPS")
          return refuse("WIG-B6", "This offer has already been answered.", undefined, "CONFLICT");
        return ok("ACCEPTED", "WIG-B6", { notify: ["GROUPS"] });
      }
      const leads =
        (actor.groupOffices ?? []).some((o) => o.kind === "LEADER") && actor.groupId === action.groupId;
      if (!br.groupIds.includes(action.groupId) || !leads)
        return refuse("DEF-B7", "Only the Leader of a group named on the joint request can opt that group in.");
      if (br.state !== "AWAITING_GROUPS")
        return refuse("DEF-B7", "This request is not waiting for groups to opt in.", undefined, "CONFLICT");
      if (br.optedInGroupIds.includes(action.groupId))
        return refuse("DEF-B7", "Your group has already opted in.", undefined, "CONFLICT");
      const opted = new Set([...br.optedInGroupIds, action.groupId]);
      return ok(br.groupIds.every((g) => opted.has(g)) ? "SUBMITTED" : "AWAITING_GROUPS", "CWC-B8", {
        notify: ["GROUPS"],
      });
    }
    case "TAKE":
      if (!br.recipientIds.includes(actor.id) || br.handlerId)
        return refuse("CWC-B3", "This request is not in your queue.");
      return ok(br.state, "CWC-B3");
    case "ACCEPT":
      if (!isRecipient) return refuse(b.recipient.ruleId, "Only the officer the request went to can accept it.");
      if (br.state !== "SUBMITTED")
        return refuse(b.recipient.ruleId, "This request cannot be accepted now.", undefined, "CONFLICT");
      return ok("ACCEPTED", b.recipient.ruleId, { notify: ["GROUPS"] });
    case "DECLINE": {
      if (!isRecipient) return refuse(b.recipient.ruleId, "Only the officer the request went to can decline it.");
      if (br.state !== "SUBMITTED")
        return refuse(b.recipient.ruleId, "This request cannot be declined now.", undefined, "CONFLICT");
      if (!hasText(action.reasons))
        return refuse("DEF-A2", "Give written reasons for declining: they will be shown to the group.", "reasons");
      if (action.ground === "PARTY_POLITICAL_MATTER" && !b.councilBusinessOnly.value)
        return refuse(
          "HTC-B1",
          "Choose another ground: this council's protocol has no party-political ground.",
          "ground",
        );
      const other = ctx.sameSubject.filter((s) => !s.briefingGroupIds.some((g) => br.groupIds.includes(g)));
      const exempt = b.administrationExemption.value && br.administrationDiscussion;
      if (other.length > 0 && !exempt) {
        // DEF-B3: the message names the other group only to officers who handled that group's request.
        const message =
          "An equal-treatment rule applies to this subject: you have accepted a request on the same subject from another group, so you cannot decline this one. You may accept it, or propose another date or format.";
        if (b.equalTreatment.value === "HARD") return refuse(b.equalTreatment.ruleId, message);
        if (!action.notSameSubjectConfirmed)
          return refuse(
            "DEF-B8",
            "You accepted a request on this subject from another group. Confirm, with reasons, why this request is treated differently.",
            "notSameSubjectConfirmed",
          );
      }
      return ok("DECLINED", "DEF-A2", { notify: ["GROUPS"] });
    }
    case "SET_ATTENDING":
      // No role has an instruct / assign-to-attend action: an officer attends only after accepting in person.
      return refuse(
        instructRule,
        "Officers cannot be instructed to attend a party group or write for it: invite them, and they accept or decline themselves.",
      );
    case "INVITE_ATTENDEE": {
      if (br.state !== "ACCEPTED")
        return refuse(b.recipient.ruleId, "Accept the request before inviting officers.", undefined, "CONFLICT");
      const o = action.officer;
      switch (b.attendees.value) {
        case "SENIOR_OF_CHIEF_OFFICERS_DEPARTMENT":
          if (!(isRecipient && has(actor, "CHIEF_OFFICER")))
            return refuse("HAL-B3", "Only the handling Chief Officer can invite further officers.");
          if (o.seniority !== "SENIOR" || o.serviceId !== actor.serviceId)
            return refuse("HAL-B3", "Only senior officers of the Chief Officer's own department can be invited.");
          if (!hasText(action.reasons))
            return refuse("HAL-B3", "Record why another officer is invited.", "reasons");
          break;
        case "SENIOR_AT_CHIEF_OFFICERS_DISCRETION":
          if (!(isRecipient && has(actor, "CHIEF_OFFICER")))
            return refuse("WIG-B2", "Only the Chief Officer can invite further officers.");
          if (o.seniority !== "SENIOR")
            return refuse("WIG-B2", "Only senior officers can be invited to attend or write for a group.");
          break;
        case "USUAL_TIERS_OR_REASONS": {
          if (!isRecipient)
            return refuse("CWC-B4", "Only the officer handling the request can propose attendees.");
          const usual = o.roles.some((r) => USUAL_CWC_ROLES.includes(r)) || o.tier === 4;
          if (!usual && !hasText(action.reasons))
            return refuse(
              "CWC-B4",
              "Usually only the Deputy Chief Executive, Chief Operating Officer, Directors or Tier 4 officers support groups: give reasons for proposing someone else.",
              "reasons",
            );
          break;
        }
        case "ANY_WITH_RECIPIENT":
          if (!isRecipient) return refuse("DEF-B2", "Only the officer handling the request can invite attendees.");
      }
      return ok(br.state, b.attendees.ruleId, { notify: ["ATTENDEE"] });
    }
    case "ATTENDEE_ANSWER": {
      const mine = br.attendees.find((a) => a.officerId === actor.id);
      if (!mine) return refuse(instructRule, "Only the invited officer can answer their own invitation.");
      if (!action.accept && !hasText(action.reasons))
        return refuse("DEF-A2", "Give reasons for declining.", "reasons");
      if (
        !action.accept &&
        ctx.sameSubject.some((s) => !s.briefingGroupIds.some((g) => br.groupIds.includes(g))) &&
        b.equalTreatment.value === "HARD"
      ) {
        return refuse(
          b.equalTreatment.ruleId,
          "An equal-treatment rule applies to this subject: having accepted for another group, you cannot decline this invitation.",
        );
      }
      return ok(br.state, instructRule, { notify: ["RECIPIENTS"] });
    }
    case "COMPLETE": {
      if (!isRecipient)
        return refuse(b.recipient.ruleId, "Only the officer handling the request can complete it.");
      if (br.state !== "ACCEPTED")
        return refuse(b.recipient.ruleId, "Only an accepted briefing can be completed.", undefined, "CONFLICT");
      if (b.timeSpentRequired.value && !(action.minutesSpent && action.minutesSpent > 0))
        return refuse("CWC-B10", "Record the time spent on the briefing.", "minutesSpent");
      if (b.leaveBeforeDecision.value) {
        if (action.leftBeforeDecision === null)
          return refuse(
            "WIG-B3",
            "Confirm that officers left before any decision was taken.",
            "leftBeforeDecision",
          );
        if (action.leftBeforeDecision === false) {
          return ok("COMPLETED", "WIG-B3", {
            notify: ["CHIEF_OFFICER"],
            exception: { ruleId: "WIG-B3", text: "An officer was present when the group took a decision." },
          });
        }
      }
      return ok("COMPLETED", b.recipient.ruleId, { notify: ["GROUPS"] });
    }
    case "PROPOSE_DATE":
      if (!isRecipient)
        return refuse(b.recipient.ruleId, "Only the officer the request went to can propose another date.");
      if (!["SUBMITTED", "ACCEPTED"].includes(br.state))
        return refuse(
          b.recipient.ruleId,
          "A date can be proposed only while the request is open.",
          undefined,
          "CONFLICT",
        );
      if (!action.date || !/^\d{4}-\d{2}-\d{2}$/.test(action.date) || action.date < action.today)
        return refuse(
          b.shortNoticeRule.ruleId,
          "Enter a date that is today or later, for example 2027-01-14.",
          "date",
        );
      if (!hasText(action.reasons)) return refuse("DEF-A2", "Say why you propose another date.", "reasons");
      return ok(br.state, b.shortNoticeRule.ruleId, { notify: ["GROUPS"] });
    case "ACCEPT_DATE": {
      if (actor.id !== br.requesterId && !br.groupIds.includes(actor.groupId ?? ""))
        return refuse("DEF-B5", "Only the requesting member or group can accept a proposed date.");
      if (!action.proposedDate) return refuse("DEF-B4", "No other date has been proposed.", undefined, "CONFLICT");
      return ok(br.state, "DEF-B4", { notify: ["RECIPIENTS"] });
    }
    case "WITHDRAW": {
      const inGroup = br.groupIds.includes(actor.groupId ?? "");
      if (!inGroup || !(actor.groupOffices ?? []).some((o) => o.kind === "LEADER"))
        return refuse("DEF-B5", "Only the Leader of the requesting group can withdraw the request.");
      return ok("WITHDRAWN", "DEF-B5", { notify: ["RECIPIENTS"] });
    }
  }
}

/** HAL-B4 / WIG-B1: a standing arrangement for an officer to advise a group. */
export function recordStandingArrangement(
  profile: CouncilProfile,
  officer: Officer,
  input: { officerAgreed: boolean; safeguards: string },
): Decision {
  const s = profile.briefing.standingArrangements;
  if (!s)
    return refuse("HAL-B1", "Standing arrangements to advise groups are not part of this council's protocol.");
  if (s.value === "JNC_ONLY" && !officer.jnc)
    return refuse("HAL-B4", "A standing arrangement can be made only with a Chief Officer or JNC officer.");
  if (!input.officerAgreed) return refuse(s.ruleId, "The officer must agree to the arrangement themselves.");
  if (!hasText(input.safeguards))
    return refuse(s.ruleId, "Record the safeguards for political neutrality.", "safeguards");
  return { ok: true };
}

/** HAL-B6 / WIG-B4: a report to a group is written as for the committee or panel. */
export function checkGroupReport(
  profile: CouncilProfile,
  report: {
    classification?: "POTENTIAL_DECISION" | "POLICY_PRINCIPLE";
    committeeOrPanel: string | null;
    legalImplications?: string;
    financialImplications?: string;
    requiredSections?: Record<string, string>;
  },
): Decision {
  const r = profile.briefing.reportRules;
  if (!r) return { ok: true };
  if (r.value === "HAL") {
    if (!report.classification)
      return refuse(
        "HAL-B6",
        "Say whether the report is about a potential decision or about policy and principle.",
        "classification",
      );
    if (report.classification === "POLICY_PRINCIPLE") return { ok: true };
    if (!hasText(report.committeeOrPanel))
      return refuse(
        "HAL-B6",
        "A report on a potential decision must name the relevant committee.",
        "committeeOrPanel",
      );
    const empty = Object.entries(report.requiredSections ?? {}).find(([, v]) => !hasText(v));
    if (empty)
      return refuse("HAL-B6", `Complete the “${empty[0]}” section of the committee report template.`, empty[0]);
    return { ok: true };
  }
  if (!hasText(report.committeeOrPanel))
    return refuse("WIG-B4", "Name the panel the report is written for.", "committeeOrPanel");
  if (!hasText(report.legalImplications))
    return refuse("WIG-B4", "A report to a group must include the legal implications.", "legalImplications");
  if (!hasText(report.financialImplications))
    return refuse(
      "WIG-B4",
      "A report to a group must include the financial implications.",
      "financialImplications",
    );
  return { ok: true };
}

/** WIG-B6 / WIG-B5(b): a Chief Officer's offered briefing goes to the corresponding spokesperson of every group. */
export function offerBriefing(
  profile: CouncilProfile,
  actor: Actor,
  input: {
    spokespersonsByGroup: Record<string, string[]>;
    offeredToGroupIds: string[];
    reasonsForOmission?: string;
  },
): Decision<{ groupIds: string[] }> {
  if (!profile.briefing.offeredBriefings.value)
    return refuse("WIG-B6", "Offered briefings are not part of this council's protocol.");
  if (!has(actor, "CHIEF_OFFICER")) return refuse("WIG-B6", "Only a Chief Officer can offer a briefing.");
  const all = Object.keys(input.spokespersonsByGroup).filter((g) => input.spokespersonsByGroup[g]!.length > 0);
  const left = all.filter((g) => !input.offeredToGroupIds.includes(g));
  if (left.length > 0 && !hasText(input.reasonsForOmission))
    return refuse(
      "WIG-B5",
      "The same briefing must be offered to the spokesperson of every group: give reasons for leaving a group out.",
      "offeredToGroupIds",
    );
  return { ok: true, groupIds: input.offeredToGroupIds };
}
