// Sharing replies and briefing content beyond their first audience (RULES.md A and B). Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type Marking = "NONE" | "EXEMPT" | "CONFIDENTIAL";

export type ShareTarget =
  { kind: "MEMBER"; userId: string; groupId: string | null } | { kind: "GROUP"; groupId: string };

export type Shareable = {
  kind: "INDIVIDUAL" | "GROUP_BACKGROUND" | "BRIEFING" | "ADMINISTRATION_DISCUSSION";
  requesterIds: string[];
  /** The group that owns a group request or briefing. */
  ownerGroupId: string | null;
  marking: Marking;
  /** HTC-A4: the Town Clerk has marked the item public. */
  madePublic: boolean;
};

/** Who may share what with whom; every refusal names its rule. Successful and refused attempts are both audited. */
export function decideShare(
  profile: CouncilProfile,
  item: Shareable,
  actor: Actor,
  target: ShareTarget,
): Decision<{ ruleId: string }> {
  const marked = profile.information.markedItems;
  if (item.marking !== "NONE" && !(marked.value === "UNTIL_PUBLIC" && item.madePublic)) {
    return refuse(
      marked.ruleId,
      marked.value === "UNTIL_PUBLIC"
        ? "Confidential information cannot be passed on until it has been made public."
        : "Exempt or confidential material cannot be forwarded or shared: confidentiality must be respected at all times.",
    );
  }
  const leadsOwner =
    item.ownerGroupId !== null &&
    actor.groupId === item.ownerGroupId &&
    (actor.groupOffices ?? []).some((o) => o.kind === "LEADER");
  switch (item.kind) {
    case "INDIVIDUAL": {
      const rule = profile.information.requesterSharing;
      if (!item.requesterIds.includes(actor.id))
        return refuse(rule.ruleId, "Only the member who made the request can share its reply.");
      // WIG-A8: the requester may share with colleagues in the same political party only.
      if (
        rule.value === "OWN_PARTY_ONLY" &&
        (target.kind !== "MEMBER" || !actor.groupId || target.groupId !== actor.groupId)
      ) {
        return refuse(rule.ruleId, "You can share this reply only with councillors of your own group.");
      }
      return { ok: true, ruleId: rule.ruleId };
    }
    case "GROUP_BACKGROUND":
      if (!leadsOwner) return refuse("DEF-B5", "Only the Leader of the group that made the request can share it.");
      return { ok: true, ruleId: "CWC-A9" };
    case "BRIEFING":
      if (!leadsOwner)
        return refuse(
          "DEF-B5",
          "Only the Leader of the group that owns the briefing can agree to wider disclosure.",
        );
      return { ok: true, ruleId: profile.briefing.disclosure.ruleId };
    case "ADMINISTRATION_DISCUSSION":
      if (!leadsOwner)
        return refuse(
          "C2007-B1",
          "Only the administration's leader can consent to sharing this with another group.",
        );
      return { ok: true, ruleId: "C2007-B1" };
  }
}

/** HTC-A4: only the Town Clerk marks an item public, with a reason. */
export function markPublic(actor: Actor, reason: string): Decision {
  if (!has(actor, "TOWN_CLERK"))
    return refuse("HTC-A4", "Only the Town Clerk can mark confidential information as public.");
  if (!hasText(reason))
    return refuse("HTC-A4", "Say why, and where, the information has been made public.", "reason");
  return { ok: true };
}
