// Agenda routes other than the town council's (RULES.md §3.E): a member's item discussed with the Chief Officer and
// agreed with the Chair before publication (HAL-E4); a call for a report to a committee within its terms of reference,
// or a report a panel or the Cabinet requires (WIG-E7); a significant failure to implement a committee decision,
// reported to that committee's next agenda (WIG-E11). Pure. An item is on a meeting's agenda when it is LISTED with
// that meeting (Request.meetingId).
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision, type Refusal } from "@/lib/protocol/types";

export type AgendaRouteKind = "MEMBER_ITEM" | "CALL_FOR_REPORT" | "IMPLEMENTATION_FAILURE";
export const AGENDA_ROUTE_KINDS: readonly AgendaRouteKind[] = [
  "MEMBER_ITEM",
  "CALL_FOR_REPORT",
  "IMPLEMENTATION_FAILURE",
];
export type AgendaRouteState =
  "WITH_CHIEF_OFFICER" | "WITH_CHAIR" | "LISTED" | "NOT_AGREED" | "ACCEPTED" | "WITHDRAWN";

/** URL slugs of the creation forms (/agenda-items/new/<slug>). */
export const KIND_SLUGS: Record<AgendaRouteKind, string> = {
  MEMBER_ITEM: "member-item",
  CALL_FOR_REPORT: "call-for-report",
  IMPLEMENTATION_FAILURE: "implementation-failure",
};
export const KIND_LABELS: Record<AgendaRouteKind, string> = {
  MEMBER_ITEM: "Member's agenda item",
  CALL_FOR_REPORT: "Call for a report",
  IMPLEMENTATION_FAILURE: "Failure to implement a committee decision",
};
/** The rule that defines each route. */
export const ROUTE_RULES: Record<AgendaRouteKind, string> = {
  MEMBER_ITEM: "HAL-E4",
  CALL_FOR_REPORT: "WIG-E7",
  IMPLEMENTATION_FAILURE: "WIG-E11",
};

/** Committee kinds that are a panel or the Cabinet, which may require a report (WIG-E7). */
export const REQUIRING_BODIES = ["PANEL", "SCRUTINY", "CABINET"] as const;

/** Whether this council's protocol provides the route; if not, the refusal citing the council's setting. */
export function routeApplies(profile: CouncilProfile, kind: AgendaRouteKind): Refusal | null {
  const s = kind === "IMPLEMENTATION_FAILURE" ? profile.duties.implementationFailures : profile.duties.agendaItems;
  const applies =
    kind === "IMPLEMENTATION_FAILURE"
      ? s.value === true
      : kind === "MEMBER_ITEM"
        ? s.value === "CHIEF_OFFICER_THEN_CHAIR"
        : s.value === "CALL_FOR_REPORT";
  if (applies) return null;
  // The council's own setting is cited; where its protocol is silent, the rule that defines the route.
  const ruleId = s.ruleId === "silent" ? ROUTE_RULES[kind] : s.ruleId;
  const text: Record<AgendaRouteKind, string> = {
    MEMBER_ITEM:
      "Your council's protocol does not route members' agenda items through the Chief Officer and the Chair.",
    CALL_FOR_REPORT: "Your council's protocol does not provide for calling for a report this way.",
    IMPLEMENTATION_FAILURE:
      "Your council's protocol does not provide for reporting a failure to implement a committee decision this way.",
  };
  return refuse(ruleId, text[kind]);
}

/** The explanation a creation form shows where the route does not apply (null where it does). */
export function routeExplanation(profile: CouncilProfile, kind: AgendaRouteKind): string | null {
  const r = routeApplies(profile, kind);
  if (!r) return null;
  const where =
    profile.duties.agendaItems.value === "TOWN_CLERK_LISTS"
      ? " Members' items go to the Town Clerk, who lists them for the next meeting."
      : profile.duties.agendaItems.value === "CHIEF_OFFICER_THEN_CHAIR" && kind !== "MEMBER_ITEM"
        ? " Propose a member's agenda item instead: it is discussed with the Chief Officer and agreed with the Chair."
        : profile.duties.agendaItems.value === "CALL_FOR_REPORT" && kind !== "CALL_FOR_REPORT"
          ? " You can call for a report to a committee within its terms of reference instead."
          : "";
  return `${r.message}${where} (${r.ruleId})`;
}

/** Which creation forms this person may use in this council. */
export function routesFor(profile: CouncilProfile, actor: Actor): AgendaRouteKind[] {
  return AGENDA_ROUTE_KINDS.filter((k) => {
    if (routeApplies(profile, k)) return false;
    if (k === "MEMBER_ITEM") return has(actor, "MEMBER");
    if (k === "CALL_FOR_REPORT") return has(actor, "MEMBER", "DEMOCRATIC_SERVICES", "CHIEF_EXECUTIVE");
    return has(actor, "CHIEF_OFFICER");
  });
}

/** A meeting as the rules see it: whether its agenda is published and which committee it belongs to. */
export type MeetingFacts = {
  id: string;
  committeeId: string | null;
  publishedAt: Date | null;
  /** The meeting's date is before today. */
  past?: boolean;
} | null;

/** HAL-E4: only before the agenda is published, and only on a meeting of the item's committee. */
function meetingOpen(ruleId: string, committeeId: string, meeting: MeetingFacts, field = "meetingId") {
  if (!meeting || meeting.committeeId !== committeeId)
    return refuse(ruleId, "Choose a meeting of that committee whose agenda is still open.", field);
  if (meeting.past)
    return refuse(ruleId, "That meeting has already taken place. Choose a meeting still to come.", field);
  if (meeting.publishedAt)
    return refuse(
      ruleId,
      "That meeting's agenda has been published: no new items can be placed on it. Choose the next open meeting.",
      field,
    );
  return null;
}

/** HAL-E4: a member proposes an item for a committee; it goes first to the Chief Officer it concerns. */
export function proposeMemberItem(
  profile: CouncilProfile,
  actor: Actor,
  input: {
    committeeId: string | null;
    chairId: string | null;
    chiefOfficerId: string | null;
    meeting: MeetingFacts;
    title: string;
    details: string;
  },
): Decision<{ to: "WITH_CHIEF_OFFICER"; ruleId: string }> {
  const off = routeApplies(profile, "MEMBER_ITEM");
  if (off) return off;
  const ruleId = profile.duties.agendaItems.ruleId;
  if (!has(actor, "MEMBER")) return refuse(ruleId, "Only councillors propose agenda items.");
  if (!input.committeeId) return refuse(ruleId, "Choose the Board or Committee.", "committeeId");
  if (!input.chairId)
    return refuse(ruleId, "That Board or Committee has no Chair set up to agree items.", "committeeId");
  if (!input.chiefOfficerId)
    return refuse(ruleId, "That service has no Chief Officer set up to discuss the item.", "serviceId");
  const closed = meetingOpen(ruleId, input.committeeId, input.meeting);
  if (closed)
    return input.meeting
      ? closed
      : refuse(ruleId, "That Board or Committee has no meeting with an open agenda.", "meetingId");
  if (!hasText(input.title)) return refuse(ruleId, "Enter a title for the item.", "title");
  if (!hasText(input.details)) return refuse(ruleId, "Describe the item.", "details");
  return { ok: true, to: "WITH_CHIEF_OFFICER", ruleId };
}

export type AgendaStep =
  | { type: "RECORD_DISCUSSION"; discussion: string }
  | { type: "AGREE"; meeting: MeetingFacts }
  | { type: "NOT_AGREE"; reasons: string }
  | { type: "ACKNOWLEDGE"; meeting: MeetingFacts }
  | { type: "WITHDRAW" };

export type AgendaRouteItem = {
  kind: AgendaRouteKind;
  state: string;
  proposerId: string;
  deciderId: string | null;
  committeeId: string | null;
};

/** The steps this person can take on an item now (the page offers exactly these). */
export function availableAgendaSteps(actor: Actor, item: AgendaRouteItem): AgendaStep["type"][] {
  const decider = item.deciderId === actor.id;
  if (item.kind === "MEMBER_ITEM") {
    const steps: AgendaStep["type"][] = [];
    if (item.state === "WITH_CHIEF_OFFICER" && decider) steps.push("RECORD_DISCUSSION");
    if (item.state === "WITH_CHAIR" && decider) steps.push("AGREE", "NOT_AGREE");
    if ((item.state === "WITH_CHIEF_OFFICER" || item.state === "WITH_CHAIR") && actor.id === item.proposerId)
      steps.push("WITHDRAW");
    return steps;
  }
  if (item.kind === "CALL_FOR_REPORT" && item.state === "WITH_CHIEF_OFFICER" && decider) return ["ACKNOWLEDGE"];
  return [];
}

/** One step on an item: who may take it, what it needs, and where the item goes. */
export function decideAgendaStep(
  actor: Actor,
  item: AgendaRouteItem,
  step: AgendaStep,
): Decision<{ to: AgendaRouteState; ruleId: string }> {
  const ruleId = ROUTE_RULES[item.kind];
  if (!availableAgendaSteps(actor, item).includes(step.type)) {
    const who: Record<AgendaStep["type"], string> = {
      RECORD_DISCUSSION:
        "Only the Chief Officer the item is with records the discussion, before it goes to the Chair.",
      AGREE: "Only the Chair of the committee agrees an item, after the Chief Officer has discussed it.",
      NOT_AGREE: "Only the Chair of the committee decides on an item, after the Chief Officer has discussed it.",
      ACKNOWLEDGE: "Only the Chief Officer the call for a report went to acknowledges it.",
      WITHDRAW: "Only the member who proposed the item can withdraw it, before the Chair decides.",
    };
    return refuse(ruleId, who[step.type]);
  }
  switch (step.type) {
    case "RECORD_DISCUSSION":
      if (!hasText(step.discussion)) return refuse(ruleId, "Record the discussion with the member.", "discussion");
      return { ok: true, to: "WITH_CHAIR", ruleId };
    case "AGREE": {
      const closed = meetingOpen(ruleId, item.committeeId ?? "", step.meeting);
      if (closed) return closed;
      return { ok: true, to: "LISTED", ruleId };
    }
    case "NOT_AGREE":
      if (!hasText(step.reasons))
        return refuse(
          "DEF-A2",
          "Give your reasons for not agreeing the item. They are shown to the member.",
          "reasons",
        );
      return { ok: true, to: "NOT_AGREED", ruleId };
    case "ACKNOWLEDGE": {
      if (step.meeting) {
        const closed = meetingOpen(ruleId, item.committeeId ?? "", step.meeting);
        if (closed) return closed;
      }
      return { ok: true, to: "ACCEPTED", ruleId };
    }
    case "WITHDRAW":
      return { ok: true, to: "WITHDRAWN", ruleId };
  }
}

/**
 * WIG-E7: a member calls for a report to a committee on a matter within its terms of reference (confirmed), or an
 * officer of democratic services or the Chief Executive records that a panel or the Cabinet required one.
 */
export function callForReport(
  profile: CouncilProfile,
  actor: Actor,
  input: {
    committee: { id: string; kind: string } | null;
    chiefOfficerId: string | null;
    matter: string;
    termsConfirmed: boolean;
    required: boolean;
  },
): Decision<{ to: "WITH_CHIEF_OFFICER"; ruleId: string }> {
  const off = routeApplies(profile, "CALL_FOR_REPORT");
  if (off) return off;
  const ruleId = profile.duties.agendaItems.ruleId;
  if (input.required) {
    if (!has(actor, "DEMOCRATIC_SERVICES", "CHIEF_EXECUTIVE"))
      return refuse(
        ruleId,
        "A report required by a panel or the Cabinet is recorded by democratic services or the Chief Executive.",
        "required",
      );
  } else if (!has(actor, "MEMBER")) return refuse(ruleId, "Councillors call for reports to a committee.");
  if (!input.committee) return refuse(ruleId, "Choose the committee.", "committeeId");
  if (input.required && !(REQUIRING_BODIES as readonly string[]).includes(input.committee.kind))
    return refuse(
      ruleId,
      "Only a panel or the Cabinet can require a report. Choose the panel or the Cabinet.",
      "committeeId",
    );
  if (!hasText(input.matter)) return refuse(ruleId, "Enter the matter the report is to cover.", "matter");
  if (!input.termsConfirmed)
    return refuse(
      ruleId,
      "Confirm that the matter falls within the committee's terms of reference.",
      "termsConfirmed",
    );
  if (!input.chiefOfficerId)
    return refuse(ruleId, "Choose the service whose Chief Officer should report.", "serviceId");
  return { ok: true, to: "WITH_CHIEF_OFFICER", ruleId };
}

/** WIG-E11: a Chief Officer reports a significant failure to implement a committee's decision to its next agenda. */
export function recordImplementationFailure(
  profile: CouncilProfile,
  actor: Actor,
  input: {
    committeeId: string | null;
    nextMeetingId: string | null;
    decision: string;
    decisionDate: string | null;
    failure: string;
    reasons: string;
  },
): Decision<{ to: "LISTED"; ruleId: string; meetingId: string }> {
  const off = routeApplies(profile, "IMPLEMENTATION_FAILURE");
  if (off) return off;
  const ruleId = profile.duties.implementationFailures.ruleId;
  if (!has(actor, "CHIEF_OFFICER"))
    return refuse(ruleId, "A Chief Officer reports a failure to implement a committee decision.");
  if (!input.committeeId) return refuse(ruleId, "Choose the committee whose decision it was.", "committeeId");
  if (!hasText(input.decision)) return refuse(ruleId, "Enter the decision that was not implemented.", "decision");
  if (!input.decisionDate) return refuse(ruleId, "Enter the date of the decision.", "decisionDate");
  if (!hasText(input.failure)) return refuse(ruleId, "Say what failed.", "failure");
  if (!hasText(input.reasons)) return refuse(ruleId, "Say why it was not implemented.", "reasons");
  if (!input.nextMeetingId)
    return refuse(
      ruleId,
      "That committee has no meeting with an open agenda to report to. Ask democratic services to arrange one, then record the failure.",
      "committeeId",
    );
  return { ok: true, to: "LISTED", ruleId, meetingId: input.nextMeetingId };
}
