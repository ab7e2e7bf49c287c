// Which information-request actions the workflow allows this person now: each candidate is tried against the pure
// engine with placeholder text, so the page offers exactly what the engine would accept.
import type { Viewer } from "@/lib/auth/viewer";
import type { CouncilProfile, RefusalGround } from "@/lib/protocol/profiles/types";
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

export type AvailableAction = "WITHDRAW" | "REQUEST_REVIEW" | "MEMBER_RESPONDS" | "GRANT" | "REFUSE" | "UPHOLD" | "OVERTURN";

export function availableInformationActions(profile: CouncilProfile, req: InfoRequest, viewer: Viewer): AvailableAction[] {
  const actor = toActor(viewer);
  const text = "x";
  const candidates: InfoAction[] = [
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
