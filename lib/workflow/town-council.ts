// Town council (RULES.md §3.D, HTC only): the Town Clerk gate for assistance requests, agenda items,
// suspected Code breaches and the Leadership Team's informal meetings. Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type AssistanceState = "SUBMITTED" | "ACCEPTED" | "MODIFIED" | "DECLINED" | "COMPLETED" | "WITHDRAWN";

export type AssistanceSubmission = {
  subject: string;
  details: string;
  preferredOfficerId: string | null;
  estimatedHours: number | null;
  urgent?: boolean;
};

/** HTC-D1, HTC-D6: every member's assistance request goes to the Clerk, the Chairman's included; no bypass. */
export function submitAssistanceRequest(
  profile: CouncilProfile,
  actor: Actor,
  input: AssistanceSubmission,
  townClerkId: string | null,
): Decision<{ handlerId: string; ruleId: string }> {
  if (!profile.townClerkGate) return refuse("HTC-D1", "Assistance requests are for town councils.");
  if (!has(actor, "MEMBER")) return refuse("HTC-D1", "Only councillors make assistance requests.");
  if (!hasText(input.subject)) return refuse("HTC-D1", "Enter what you need help with.", "subject");
  if (!hasText(input.details)) return refuse("HTC-D1", "Describe the help you need.", "details");
  if (input.estimatedHours !== null && !(input.estimatedHours > 0 && input.estimatedHours <= 200))
    return refuse(
      "HTC-D2",
      "Enter an estimate of officer time between 0.5 and 200 hours, or leave it blank.",
      "estimatedHours",
    );
  if (input.urgent && has(actor, "COUNCIL_CHAIR", "COUNCIL_VICE_CHAIR")) {
    return refuse(
      "HTC-D6",
      "The Chairman and Vice-Chairman use the same route as every member: there is no priority or direct route to an officer.",
    );
  }
  if (!townClerkId) return refuse("HTC-D1", "The council has no Town Clerk set up to receive requests.");
  return {
    ok: true,
    handlerId: townClerkId,
    ruleId: has(actor, "COUNCIL_CHAIR", "COUNCIL_VICE_CHAIR") ? "HTC-D6" : "HTC-D1",
  };
}

export type ClerkDecision = {
  outcome: "ACCEPT" | "MODIFY" | "DECLINE";
  workloadFinding: "WITHIN_WORKLOAD" | "NOT_WITHIN_WORKLOAD" | null;
  workloadNote: string;
  appropriateness: "APPROPRIATE" | "NOT_APPROPRIATE" | null;
  reasons: string;
  informAllMembers: boolean | null;
  allocatedOfficerId: string | null;
  /** HTC-D9: a Leadership Team meeting cannot be the decision. */
  leadershipMeetingId?: string | null;
};

/** HTC-D2, HTC-D3, HTC-D4, DEF-D2, DEF-D3: the Clerk's decision on an assistance request. */
export function decideAssistance(
  profile: CouncilProfile,
  actor: Actor,
  state: AssistanceState,
  d: ClerkDecision,
): Decision<{ to: AssistanceState; notifyAllMembers: boolean; ruleId: string }> {
  if (!has(actor, "TOWN_CLERK"))
    return refuse("HTC-D5", "Only the Town Clerk decides assistance requests and allocates staff work.");
  if (state !== "SUBMITTED")
    return refuse("HTC-D1", "This request has already been decided.", undefined, "CONFLICT");
  if (d.leadershipMeetingId)
    return refuse(
      "HTC-D9",
      "A Leadership Team meeting gives preliminary consideration only: it cannot decide a request.",
    );
  if (!d.workloadFinding || !hasText(d.workloadNote))
    return refuse(
      "HTC-D2",
      "Record whether the task fits the officer's workload, with a note.",
      "workloadFinding",
    );
  if (!d.appropriateness) return refuse("HTC-D3", "Record whether the request is appropriate.", "appropriateness");
  if (d.appropriateness === "NOT_APPROPRIATE" && !hasText(d.reasons))
    return refuse("HTC-D3", "Give reasons why the request is not appropriate.", "reasons");
  if (d.appropriateness === "NOT_APPROPRIATE" && d.outcome === "ACCEPT")
    return refuse("HTC-D3", "A request found not appropriate is declined or modified.", "outcome");
  if (d.outcome !== "ACCEPT" && !hasText(d.reasons))
    return refuse("DEF-D2", "Give reasons for modifying or declining the request.", "reasons");
  if (d.informAllMembers === null)
    return refuse("HTC-D4", "Decide whether all members should be told of this request.", "informAllMembers");
  if (d.outcome !== "DECLINE" && !d.allocatedOfficerId)
    return refuse("HTC-D5", "Choose the officer who will do the work.", "allocatedOfficerId");
  const to: AssistanceState =
    d.outcome === "ACCEPT" ? "ACCEPTED" : d.outcome === "MODIFY" ? "MODIFIED" : "DECLINED";
  return {
    ok: true,
    to,
    notifyAllMembers: d.informAllMembers,
    ruleId: d.outcome === "ACCEPT" ? "HTC-D2" : "DEF-D2",
  };
}

/** DEF-D3: what the all-members notice says — requester, summary and decision; no attachments or detail. */
export function allMembersNotice(requesterName: string, subject: string, outcome: AssistanceState): string {
  const decided = {
    ACCEPTED: "accepted",
    MODIFIED: "accepted with changes",
    DECLINED: "declined",
    SUBMITTED: "received",
    COMPLETED: "completed",
    WITHDRAWN: "withdrawn",
  }[outcome];
  return `${requesterName} asked for officer help with “${subject}”. The Town Clerk has ${decided} the request.`;
}

/** HTC-D5: only the Town Clerk allocates, reallocates or reprioritises staff work. */
export function reallocateStaffWork(actor: Actor): Decision {
  if (!has(actor, "TOWN_CLERK"))
    return refuse(
      "HTC-D5",
      "Only the Town Clerk allocates or reallocates staff work. Members, the Chairman included, cannot.",
    );
  return { ok: true };
}

export type AgendaItemState = "SUBMITTED" | "LISTED" | "WITHDRAWN";

/** HTC-D8, DEF-D4: any member of any party submits an agenda item; no workload gate; listed for the next meeting. */
export function submitAgendaItem(
  profile: CouncilProfile,
  actor: Actor,
  input: { title: string; details: string },
  nextMeetingId: string | null,
): Decision<{ meetingId: string | null; to: AgendaItemState; ruleId: string }> {
  if (!profile.townClerkGate)
    return refuse("HTC-D8", "Agenda items are submitted this way in town councils only.");
  if (!has(actor, "MEMBER")) return refuse("HTC-D8", "Only councillors submit agenda items.");
  if (!hasText(input.title)) return refuse("HTC-D8", "Enter a title for the agenda item.", "title");
  if (!hasText(input.details)) return refuse("HTC-D8", "Describe the item.", "details");
  return { ok: true, meetingId: nextMeetingId, to: nextMeetingId ? "LISTED" : "SUBMITTED", ruleId: "HTC-D8" };
}

export type AgendaAction = {
  type: "DECLINE" | "WITHDRAW" | "ASSIGN_MEETING" | "ADD_ADVICE";
  meetingId?: string;
  advice?: string;
};

/** DEF-D4: the Clerk cannot decline or withdraw a member's item; only its proposer can withdraw it. */
export function decideAgendaItem(
  actor: Actor,
  item: { proposerId: string; state: AgendaItemState },
  action: AgendaAction,
): Decision<{ to: AgendaItemState }> {
  switch (action.type) {
    case "DECLINE":
      return refuse(
        "DEF-D4",
        "A member's agenda item cannot be declined. You can add procedural advice or move it to another meeting.",
      );
    case "WITHDRAW":
      if (actor.id !== item.proposerId)
        return refuse("DEF-D4", "Only the member who proposed the item can withdraw it.");
      return { ok: true, to: "WITHDRAWN" };
    case "ASSIGN_MEETING":
      if (!has(actor, "TOWN_CLERK")) return refuse("DEF-D4", "Only the Town Clerk assigns items to meetings.");
      if (!action.meetingId) return refuse("DEF-D4", "Choose a meeting.", "meetingId");
      return { ok: true, to: "LISTED" };
    case "ADD_ADVICE":
      if (!has(actor, "TOWN_CLERK")) return refuse("DEF-D4", "Only the Town Clerk adds procedural advice.");
      if (!hasText(action.advice)) return refuse("DEF-D4", "Enter the advice.", "advice");
      return { ok: true, to: item.state };
  }
}

/** HTC-D7: an officer's report of a suspected Code breach goes to the Clerk, with the dates. */
export function reportCodeBreach(
  actor: Actor,
  input: { memberId: string | null; awareOn: string | null; facts: string },
  today: string,
): Decision<{ ruleId: string }> {
  if (!has(actor, "OFFICER"))
    return refuse("HTC-D7", "Suspected Code of Conduct breaches are reported by officers.");
  if (!input.memberId) return refuse("HTC-D7", "Choose the councillor concerned.", "memberId");
  if (!input.awareOn || input.awareOn > today)
    return refuse("HTC-D7", "Enter the date you became aware of it (today or earlier).", "awareOn");
  if (!hasText(input.facts)) return refuse("HTC-D7", "Describe what happened.", "facts");
  return { ok: true, ruleId: "HTC-D7" };
}

/** HTC-D7, DEF-D6: the Clerk decides whether to seek the (external) Monitoring Officer's advice. */
export function decideCodeBreachReferral(
  actor: Actor,
  input: { seekAdvice: boolean | null; reasons: string },
): Decision<{ referToMonitoringOfficer: boolean }> {
  if (!has(actor, "TOWN_CLERK"))
    return refuse("HTC-D7", "Only the Town Clerk decides whether to ask the Monitoring Officer.");
  if (input.seekAdvice === null)
    return refuse("HTC-D7", "Decide whether to seek the Monitoring Officer's advice.", "seekAdvice");
  if (!hasText(input.reasons)) return refuse("HTC-D7", "Give reasons for your decision.", "reasons");
  return { ok: true, referToMonitoringOfficer: input.seekAdvice };
}

/** HTC-D9: a Leadership Team meeting record holds preliminary-consideration notes only. */
export function recordLeadershipMeeting(actor: Actor, input: { notes: string; decisions?: unknown[] }): Decision {
  if (!has(actor, "TOWN_CLERK")) return refuse("HTC-D9", "The Town Clerk records Leadership Team meetings.");
  if (input.decisions && input.decisions.length > 0)
    return refuse(
      "HTC-D9",
      "The Leadership Team cannot take key decisions: record preliminary consideration only.",
    );
  if (!hasText(input.notes)) return refuse("HTC-D9", "Enter the notes of preliminary consideration.", "notes");
  return { ok: true };
}
