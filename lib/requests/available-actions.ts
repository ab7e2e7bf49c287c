// Which information-request actions the workflow allows this person now: each candidate is tried against the pure
// engine with placeholder text, so the page offers exactly what the engine would accept.
import type { Viewer } from "@/lib/auth/viewer";
import type { CouncilProfile, Ladder, RefusalGround } from "@/lib/protocol/profiles/types";
import { decideBriefing, type Briefing } from "@/lib/workflow/briefing";
import { decideComplaint, type ComplaintState } from "@/lib/workflow/complaint";
import { decideInformation, type InfoAction, type InfoRequest } from "@/lib/workflow/information";
import { toActor } from "./actor";

const GROUND_LABELS: Record<RefusalGround, string> = {
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

export function groundOptions(profile: CouncilProfile) {
  return profile.information.refusalGrounds.value.map((g) => ({ value: g, label: GROUND_LABELS[g] }));
}

export type AvailableAction =
  | "WITHDRAW"
  | "REQUEST_REVIEW"
  | "MEMBER_RESPONDS"
  | "GRANT"
  | "REFUSE"
  | "UPHOLD"
  | "OVERTURN"
  | "ALLOCATE"
  | "TRIAGE";

export function availableInformationActions(
  profile: CouncilProfile,
  req: InfoRequest,
  viewer: Viewer,
): AvailableAction[] {
  const actor = toActor(viewer);
  const text = "x";
  const candidates: InfoAction[] = [
    { type: "TRIAGE", serviceId: text, deciderId: text },
    { type: "ALLOCATE", officerId: text, officerServiceId: null },
    { type: "GRANT", reply: text },
    { type: "REFUSE", ground: profile.information.refusalGrounds.value[0]!, reasons: text },
    { type: "MEMBER_RESPONDS", response: text, agrees: true, scope: "ACCEPT" },
    { type: "REQUEST_REVIEW", reasons: text },
    { type: "UPHOLD", reasons: text },
    { type: "OVERTURN", reasons: text },
    { type: "WITHDRAW" },
  ];
  return candidates
    .filter((a) => {
      const d = decideInformation(profile, req, actor, a);
      // Allowed, or refused only for a governance step the officer can still take (DEF-A10).
      return d.ok || (a.type === "REFUSE" && d.ruleId === "DEF-A10");
    })
    .map((a) => a.type as AvailableAction);
}

export type ComplaintAvailable = {
  escalate: { informal: boolean } | null;
  outcome: { outcomes: string[] | null } | null;
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
  };
  if (!d.ladder) return { escalate: null, outcome: null };
  const state: ComplaintState = {
    stageIndex: d.stageIndex,
    status: d.stageStatus,
    complainantId: row.createdById,
    handlerId: row.deciderId,
    outcome: d.outcome,
    stageOverdue: !!row.dueDate && row.dueDate < new Date(now.toISOString().slice(0, 10)),
  };
  const stage = d.ladder.stages[d.stageIndex];
  const actor = toActor(viewer);
  const esc = decideComplaint(profile, d.ladder, state, actor, {
    type: "ESCALATE",
    informalNotResolvedReasons: "x",
  });
  const out = decideComplaint(profile, d.ladder, state, actor, {
    type: "RECORD_OUTCOME",
    outcome: stage?.outcomes?.[0] ?? "RESOLVED",
    reasons: "x",
  });
  return {
    escalate: esc.ok ? { informal: stage?.key === "INFORMAL" } : null,
    outcome: out.ok && d.stageStatus === "OPEN" ? { outcomes: stage?.outcomes ?? null } : null,
  };
}

/** Briefing actions open to this person now (accept, decline, withdraw). */
type BriefingUiAction =
  "ACCEPT" | "DECLINE" | "WITHDRAW" | "INVITE" | "ATTENDEE_ANSWER" | "COMPLETE" | "PROPOSE_DATE" | "ACCEPT_DATE";

export function availableBriefingActions(
  profile: CouncilProfile,
  b: Briefing,
  viewer: Viewer,
  proposedDate: string | null = null,
  today = "2000-01-01",
): BriefingUiAction[] {
  const actor = toActor(viewer);
  const out: BriefingUiAction[] = [];
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
