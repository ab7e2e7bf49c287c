// Plain-English wording for timeline entries and due dates.
import { describeDue } from "@/lib/protocol/working-days";

const ACTIONS: Record<string, string> = {
  FILED: "Request made",
  TRIAGE: "Department found",
  ALLOCATE: "Allocated to an officer",
  RECORD_GOVERNANCE_ADVICE: "Governance advice recorded",
  REQUEST_JUSTIFICATION: "Written justification asked for",
  APPLY_NEED_TO_KNOW_TEST: "Need to know questioned",
  PROPOSE_SCOPE: "Narrower scope proposed",
  ISSUE_ANOTHER_MEMBER_NOTICE: "Notice about another councillor issued",
  MEMBER_RESPONDS: "Member answered",
  MARK_READILY_AVAILABLE: "Marked readily available",
  REFER_FOR_ADVICE: "Referred for a Chairman's advice",
  CHAIR_ADVICE: "Chairman's advice given",
  REFER_TO_COMMITTEE: "Referred to a Committee for instructions",
  RECORD_COMMITTEE_INSTRUCTIONS: "Committee's instructions recorded",
  GRANT: "Information supplied",
  REFUSE: "Refused",
  REQUEST_REVIEW: "Review asked for",
  UPHOLD: "Refusal upheld on review",
  OVERTURN: "Refusal overturned on review",
  WITHDRAW: "Withdrawn",
  CLOSE: "Closed",
  SHARE: "Shared",
  SHARE_REFUSED: "Share refused",
  MARK_PUBLIC: "Marked public",
  ACCEPT: "Accepted",
  DECLINE: "Declined",
  TAKE: "Taken from the shared queue",
  OPT_IN: "Group opted in",
  INVITE_ATTENDEE: "Officer invited",
  ATTENDEE_ANSWER: "Officer answered the invitation",
  COMPLETE: "Completed",
  ESCALATE: "Escalated to the next stage",
  RECORD_OUTCOME: "Outcome recorded",
  CLASSIFY_PARTY_DISCIPLINE: "Referred to the party",
  SET_INVESTIGATOR: "Investigator set",
  NOMINATE: "Officer nominated",
  CONSULT: "Consulted",
  INTERNAL_NOTE: "Internal note added",
  EXTEND_DUE: "Due date extended",
  FOLLOW_UP: "Follow-up question asked: reopened",
  PAUSE_DUE: "Due date paused",
  RESUME_DUE: "Work resumed",
  DRAFT_REPLY: "Draft reply prepared",
  DELEGATE: "Delegated to the section's senior manager",
  INVOLVE: "Member of staff involved",
  CONVERT_TO_CODE: "Sent to the Monitoring Officer as a Code of Conduct complaint",
  AUTHORISE: "Investigator authorised",
  ACKNOWLEDGE: "Acknowledged",
  ATTACH: "File attached",
  PROPOSE_DATE: "Another date proposed",
  ACCEPT_DATE: "Proposed date accepted",
  ADD_INFORMATION: "Information added",
  CLERK_ACCEPT: "Accepted by the Town Clerk",
  CLERK_MODIFY: "Accepted with changes by the Town Clerk",
  CLERK_DECLINE: "Declined by the Town Clerk",
  REFER_TO_MONITORING_OFFICER: "Referred to the Monitoring Officer",
  NOT_REFERRED: "Not referred to the Monitoring Officer",
  ASSIGN_MEETING: "Listed for a meeting",
  ADD_ADVICE: "Procedural advice added",
  ADD_NOTES: "Notes added",
  ADVISORY_NOTE: "Advisory note sent",
  GROUP_REPORT: "Report issued to the group",
  REPORTED: "Suspected Code breach reported",
};

export function describeAction(action: string): string {
  return ACTIONS[action] ?? action.charAt(0) + action.slice(1).toLowerCase().replace(/_/g, " ");
}

export function formatDate(iso: string): string {
  return new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
}

export function dueText(
  dueDate: string | null,
  closed: boolean,
  paused: boolean,
  now = new Date(),
): string | null {
  if (!dueDate || closed) return null;
  if (paused) return "Paused while waiting for the member";
  return `${describeDue(dueDate, now)} (${formatDate(dueDate)})`;
}

/**
 * The status in words for this person (plain language): who has the request and what happens next, where the list
 * label alone ("With the decider") would leave them guessing.
 */
export function statusForPerson(
  d: { status: string; statusLabel: string; holder: { name: string } | null },
  isRequester: boolean,
): string {
  switch (d.status) {
    case "SUBMITTED":
      return d.holder ? `With ${d.holder.name}, to decide` : d.statusLabel;
    case "AWAITING_MEMBER":
      return isRequester ? "Waiting for your answer" : "Waiting for the member's answer";
    case "UNDER_REVIEW":
      return d.holder ? `Being reviewed by ${d.holder.name}` : d.statusLabel;
    case "TO_BE_SUPPLIED":
      return d.holder ? `To be supplied by ${d.holder.name}` : d.statusLabel;
    case "TRIAGE":
      return "Being routed to the right service";
    default:
      return d.statusLabel;
  }
}
