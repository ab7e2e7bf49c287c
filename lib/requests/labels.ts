// The names people see for request types and statuses, and which statuses are closed. Pure data: safe anywhere.
export const REQUEST_TYPE_LABELS: Record<string, string> = {
  INFORMATION: "Information request",
  BRIEFING: "Party-group briefing",
  COMPLAINT: "Complaint",
  ASSISTANCE: "Assistance request",
  AGENDA_ITEM: "Agenda item",
  CODE_BREACH: "Suspected Code breach",
};

export const STATUS_LABELS: Record<string, string> = {
  TRIAGE: "Being routed",
  SUBMITTED: "With the decider",
  AWAITING_MEMBER: "Waiting for you",
  AWAITING_GROUPS: "Waiting for groups",
  REFERRED_FOR_ADVICE: "Referred for advice",
  GRANTED: "Answered",
  REFUSED: "Refused",
  UNDER_REVIEW: "Under review",
  TO_BE_SUPPLIED: "To be supplied",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  MODIFIED: "Accepted with changes",
  COMPLETED: "Completed",
  OPEN: "Open",
  REFERRED_TO_PARTY: "Referred to the party",
  REPORTED: "Reported",
  REFERRED: "Referred to the Monitoring Officer",
  LISTED: "On the agenda",
  CLOSED: "Closed",
  WITHDRAWN: "Withdrawn",
};

export const CLOSED_STATUSES = [
  "GRANTED",
  "REFUSED",
  "DECLINED",
  "COMPLETED",
  "CLOSED",
  "WITHDRAWN",
  "REFERRED_TO_PARTY",
];
