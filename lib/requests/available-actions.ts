// Which actions the workflow allows this person now: each candidate is tried against the pure engine with placeholder
// values, so the page offers exactly what the engine would accept — never a form bound to fail.
import type { Viewer } from "@/lib/auth/viewer";
import type { CouncilProfile, Ladder, RefusalGround } from "@/lib/protocol/profiles/types";
import { decideBriefing, type Briefing } from "@/lib/workflow/briefing";
import { decideComplaint, type ComplaintState } from "@/lib/workflow/complaint";
import { decideInformation, type InfoAction, type InfoRequest } from "@/lib/workflow/information";
import { toActor } from "./actor";

export const GROUND_LABELS: Record<RefusalGround, string> = {
  ROVING_COMMISSION: "A roving commission",
  MERE_CURIOSITY: "Mere curiosity",
  MERE_CURIOSITY_OR_DESIRE: "Mere curiosity or desire",
  IMPROPER_MOTIVE: "An improper motive",
  WORK_IN_PROGRESS: "Draft or working papers (work in progress)",
  NOT_COUNCIL_BUSINESS: "Not council business",
  NOT_FOR_COUNCILLOR_DUTIES: "Not for the councillor's duties",
  PREJUDICES_NEUTRALITY: "Would prejudice political neutrality",
  OPENNESS_TO_MANAGEMENT: "Work the officer could not be open about with senior management",
  UNREASONABLE: "Not a reasonable request",
  PARTY_POLITICAL_MATTER: "A party political matter",
  OTHER: "Another reason (explain below)",
};

export function groundOptions(grounds: readonly RefusalGround[]) {
  return grounds.map((g) => ({ value: g, label: GROUND_LABELS[g] }));
}

export type InfoUiAction = InfoAction["type"];

/** Information-request actions open to this person now, and whether a refusal waits for governance advice. */
export function availableInformationActions(
  profile: CouncilProfile,
  req: InfoRequest,
  viewer: Viewer,
): { actions: InfoUiAction[]; refusalAwaitsAdvice: boolean; refuseGrounds: RefusalGround[] } {
  const actor = toActor(viewer);
  const x = "x";
  const grounds = profile.information.refusalGrounds.value;
  const candidates: InfoAction[] = [
    { type: "TRIAGE", serviceId: x, deciderId: x },
    { type: "ALLOCATE", officerId: x, officerServiceId: null },
    { type: "RECORD_GOVERNANCE_ADVICE", advice: x },
    { type: "GRANT", reply: x },
    { type: "REFUSE", ground: grounds[0]!, reasons: x },
    { type: "REQUEST_JUSTIFICATION" },
    { type: "APPLY_NEED_TO_KNOW_TEST", question: x },
    { type: "PROPOSE_SCOPE", estimate: x, proposal: x },
    { type: "ISSUE_ANOTHER_MEMBER_NOTICE", concernedMemberIds: [x] },
    { type: "MARK_READILY_AVAILABLE" },
    { type: "REFER_FOR_ADVICE", chairId: x, reasons: x },
    { type: "CHAIR_ADVICE", advice: x },
    { type: "REFER_TO_COMMITTEE", committeeId: x, reasons: x },
    { type: "RECORD_COMMITTEE_INSTRUCTIONS", meetingDate: x, minuteReference: x, instructions: x },
    { type: "CLOSE", response: x },
    { type: "MEMBER_RESPONDS", response: x, agrees: true, scope: "ACCEPT" },
    { type: "REQUEST_REVIEW", reasons: x },
    { type: "UPHOLD", reasons: x },
    { type: "OVERTURN", reasons: x },
    { type: "WITHDRAW" },
  ];
  // The grounds this person may refuse on: the decider any of the profile's; an assigned officer only on political
  // neutrality (C2007-B2).
  const refuseGrounds = grounds.filter(
    (ground) => decideInformation(profile, req, actor, { type: "REFUSE", ground, reasons: x }).ok,
  );
  const actions = candidates
    .filter((a) => (a.type === "REFUSE" ? refuseGrounds.length > 0 : decideInformation(profile, req, actor, a).ok))
    .map((a) => a.type);
  // The decider may not refuse yet only because governance advice is awaited (DEF-A10): say so, rather than offer
  // a refusal that cannot succeed.
  const refusal = decideInformation(profile, req, actor, { type: "REFUSE", ground: grounds[0]!, reasons: x });
  return { actions, refusalAwaitsAdvice: !refusal.ok && refusal.ruleId === "DEF-A10", refuseGrounds };
}

export type ComplaintAvailable = {
  escalate: { informal: boolean } | null;
  outcome: { outcomes: string[] | null } | null;
  partyDiscipline: boolean;
  investigator: boolean;
  nominate: boolean;
  /** DEF-C7: the handler may acknowledge the complaint, by this date (London date). */
  acknowledge: { by: string | null } | null;
};

/** Complaint actions the ladder allows this person now (lib/workflow/complaint.ts decides). */
export function availableComplaintActions(
  profile: CouncilProfile,
  row: { createdById: string; deciderId: string | null; dueDate: Date | null; data: unknown },
  viewer: Viewer,
  now: Date,
): ComplaintAvailable {
  const d = row.data as {
    ladder: Ladder;
    stageIndex: number;
    stageStatus: ComplaintState["status"];
    outcome: string | null;
    acknowledgeBy?: string | null;
    acknowledgedAt?: string | null;
  };
  const none = {
    escalate: null,
    outcome: null,
    partyDiscipline: false,
    investigator: false,
    nominate: false,
    acknowledge: null,
  };
  if (!d.ladder) return none;
  const state: ComplaintState = {
    stageIndex: d.stageIndex,
    status: d.stageStatus,
    complainantId: row.createdById,
    handlerId: row.deciderId,
    outcome: d.outcome,
    stageOverdue: !!row.dueDate && row.dueDate < new Date(now.toISOString().slice(0, 10)),
    acknowledged: !!d.acknowledgedAt,
  };
  if (["CLOSED", "REFERRED_TO_PARTY", "WITHDRAWN"].includes(d.stageStatus)) return none;
  const stage = d.ladder.stages[d.stageIndex];
  const actor = toActor(viewer);
  const try_ = (a: Parameters<typeof decideComplaint>[4]) =>
    decideComplaint(profile, d.ladder, state, actor, a).ok;
  return {
    escalate: try_({ type: "ESCALATE", informalNotResolvedReasons: "x" })
      ? { informal: stage?.key === "INFORMAL" }
      : null,
    outcome:
      d.stageStatus === "OPEN" &&
      try_({ type: "RECORD_OUTCOME", outcome: stage?.outcomes?.[0] ?? "RESOLVED", reasons: "x" })
        ? { outcomes: stage?.outcomes ?? null }
        : null,
    partyDiscipline: try_({ type: "CLASSIFY_PARTY_DISCIPLINE", reasons: "x" }),
    investigator:
      row.deciderId === viewer.id &&
      try_({
        type: "SET_INVESTIGATOR",
        investigator: { id: viewer.id, roles: ["CHIEF_EXECUTIVE"] },
        authorisedIds: [],
      }) &&
      !!profile.complaints.partyDiscipline?.value,
    nominate: try_({ type: "NOMINATE", nomineeId: "x" }),
    acknowledge: try_({ type: "ACKNOWLEDGE" }) ? { by: d.acknowledgeBy ?? null } : null,
  };
}

/** Briefing actions open to this person now. */
export type BriefingUiAction =
  | "ACCEPT"
  | "DECLINE"
  | "WITHDRAW"
  | "INVITE"
  | "ATTENDEE_ANSWER"
  | "COMPLETE"
  | "PROPOSE_DATE"
  | "ACCEPT_DATE"
  | "OPT_IN";

export function availableBriefingActions(
  profile: CouncilProfile,
  b: Briefing,
  viewer: Viewer,
  proposedDate: string | null = null,
  today = "2000-01-01",
): BriefingUiAction[] {
  const actor = toActor(viewer);
  const out: BriefingUiAction[] = [];
  if (viewer.partyGroup && decideBriefing(profile, b, actor, { type: "OPT_IN", groupId: viewer.partyGroup.id }).ok)
    out.push("OPT_IN");
  if (decideBriefing(profile, b, actor, { type: "PROPOSE_DATE", date: today, reasons: "x", today }).ok)
    out.push("PROPOSE_DATE");
  if (
    proposedDate &&
    decideBriefing(profile, b, actor, { type: "ACCEPT_DATE", proposedDate }).ok &&
    !["DECLINED", "COMPLETED", "WITHDRAWN"].includes(b.state)
  )
    out.push("ACCEPT_DATE");
  if (decideBriefing(profile, b, actor, { type: "ACCEPT" }).ok) out.push("ACCEPT", "DECLINE");
  if (decideBriefing(profile, b, actor, { type: "COMPLETE", minutesSpent: 1, leftBeforeDecision: true }).ok)
    out.push("INVITE", "COMPLETE");
  if (b.attendees.some((a) => a.officerId === viewer.id && a.status === "INVITED")) out.push("ATTENDEE_ANSWER");
  if (
    !["DECLINED", "COMPLETED", "WITHDRAWN"].includes(b.state) &&
    decideBriefing(profile, b, actor, { type: "WITHDRAW" }).ok
  )
    out.push("WITHDRAW");
  return out;
}

export const OUTCOME_LABELS: Record<string, string> = {
  RESOLVED: "Resolved",
  NOT_RESOLVED: "Not resolved",
  RAISE_WITH_PARTY: "Raise it with the member's Group Leader and Chief Whip",
  CLOSE: "Close the matter",
  APPROACH_GROUP_LEADER: "Approach the member's Group Leader",
  ROUTINE_LIAISON_SUPERVISION_APPRAISAL: "Deal with it through routine liaison, supervision and appraisal",
  REFER_FOR_FORMAL_ACTION: "Refer it for formal action",
};
