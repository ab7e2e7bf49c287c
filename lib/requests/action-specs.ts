// What the request page offers this person: one spec per action, with the choices its form needs (officers,
// grounds, meetings). Built by lib/requests/request-page.ts, rendered by app/requests/[id]/RequestActions.tsx.
export type Choice = { value: string; label: string };

export type ActionSpec =
  | { action: "WITHDRAW" }
  | { action: "REQUEST_REVIEW"; reviewer: string }
  | { action: "MEMBER_RESPONDS"; pausedFor: string | null }
  | { action: "GRANT" }
  | { action: "REFUSE"; grounds: { value: string; label: string }[] }
  | { action: "UPHOLD" }
  | { action: "OVERTURN" }
  | { action: "ADD_INFORMATION" }
  | { action: "ESCALATE"; informal: boolean }
  | { action: "RECORD_OUTCOME"; outcomes: { value: string; label: string }[] | null }
  | { action: "ACCEPT" }
  | { action: "DECLINE"; grounds: { value: string; label: string }[] }
  | {
      action: "CLERK_DECISION";
      staff: { value: string; label: string; load: string }[];
      preferredOfficerId: string | null;
    }
  | { action: "CODE_BREACH_DECISION" }
  | { action: "INVITE"; officers: { value: string; label: string }[] }
  | { action: "ATTENDEE_ANSWER" }
  | { action: "COMPLETE"; askLeftBeforeDecision: boolean }
  | { action: "ATTACH" }
  | { action: "PROPOSE_DATE" }
  | { action: "ACCEPT_DATE"; date: string }
  | { action: "ALLOCATE"; officers: { value: string; label: string }[]; current: string | null }
  | { action: "TRIAGE"; services: { value: string; label: string }[] }
  | { action: "ASSIGN_MEETING"; meetings: { value: string; label: string }[]; current: string | null }
  | { action: "ADD_ADVICE" };
