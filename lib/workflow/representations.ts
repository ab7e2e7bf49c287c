// Representations on a matter in the formal decision process (RULES.md §3.E): they go to the Board or Committee that
// decides it, not to a political group (HAL-E5, C2007-E5, WIG-E8); a representation to a group is not one made to
// the Council (HTC-E3). Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, refuse, type Actor, type Decision, type Setting } from "@/lib/protocol/types";

export type RepresentationRecipient = "COMMITTEE" | "COUNCIL" | "GROUP";
/** Request.kind of a representation: who it was made to. */
export type RepresentationKind = "TO_COMMITTEE" | "TO_COUNCIL" | "TO_GROUP";
/** The kinds on the Council's representations register: made to the Council or one of its committees. */
export const REGISTER_KINDS: readonly RepresentationKind[] = ["TO_COMMITTEE", "TO_COUNCIL"];

export const RECIPIENT_LABELS: Record<RepresentationRecipient, string> = {
  COMMITTEE: "A Board or Committee of the Council",
  COUNCIL: "The Council",
  GROUP: "A political group",
};

/** The rule a council's representations setting cites: a silent setting is the council's own choice. */
export function representationRule(
  profile: CouncilProfile,
): Setting<CouncilProfile["duties"]["representations"]["value"]> {
  const s = profile.duties.representations;
  return { ...s, ruleId: s.ruleId === "silent" ? "COUNCIL" : s.ruleId };
}

/** Who a representation may be logged as made to, in this council's form. */
export function recipientChoices(profile: CouncilProfile): RepresentationRecipient[] {
  return profile.duties.representations.value === "COMMITTEE_REQUIRED"
    ? ["COMMITTEE"]
    : ["COMMITTEE", "COUNCIL", "GROUP"];
}

/** The notice the form and the record show for this council's setting (null: none). */
export function representationNotice(profile: CouncilProfile): { ruleId: string; text: string } | null {
  const s = profile.duties.representations;
  if (s.value === "COMMITTEE_REQUIRED")
    return {
      ruleId: s.ruleId,
      text: "Representations on a matter in the formal decision process are made to the Board or Committee that decides it, not to a political group. Name the committee.",
    };
  if (s.value === "GROUP_NOT_COUNCIL")
    return {
      ruleId: s.ruleId,
      text: "A representation made to a political group is not a representation made to the Council. It is recorded for you and the group, but it is not on the Council's representations register.",
    };
  return null;
}

export type RepresentationInput = {
  recipient: RepresentationRecipient | null;
  committeeId: string | null;
  groupId: string | null;
};

/**
 * Logging a representation: a member or officer records it. Where the committee must be named (COMMITTEE_REQUIRED),
 * one made to a group alone — or to no committee — is refused citing the setting's rule. A representation to a group
 * is recorded off the Council's register (HTC-E3; the register lists only those to the Council or a committee).
 */
export function logRepresentation(
  profile: CouncilProfile,
  actor: Actor,
  input: RepresentationInput,
): Decision<{ kind: RepresentationKind; onRegister: boolean; ruleId: string; to: "RECORDED" }> {
  const { ruleId, value } = representationRule(profile);
  if (!has(actor, "MEMBER", "OFFICER"))
    return refuse(ruleId, "Representations are logged by councillors and officers of the Council.");
  if (!input.recipient) return refuse(ruleId, "Say who the representation was made to.", "recipient");
  if (value === "COMMITTEE_REQUIRED" && input.recipient !== "COMMITTEE")
    return refuse(
      ruleId,
      input.recipient === "GROUP"
        ? "Representations go to the Board or Committee that decides the matter, not to a political group. Choose the committee it was made to."
        : "Representations go to the Board or Committee that decides the matter. Choose the committee it was made to.",
      "recipient",
    );
  if (input.recipient === "COMMITTEE" && !input.committeeId)
    return refuse(ruleId, "Choose the Board or Committee the representation was made to.", "committeeId");
  if (input.recipient === "GROUP" && !input.groupId)
    return refuse(ruleId, "Choose the political group the representation was made to.", "groupId");
  const kind: RepresentationKind =
    input.recipient === "COMMITTEE" ? "TO_COMMITTEE" : input.recipient === "COUNCIL" ? "TO_COUNCIL" : "TO_GROUP";
  return { ok: true, kind, onRegister: kind !== "TO_GROUP", ruleId, to: "RECORDED" };
}
