// Notices to wards, groups and all members (RULES.md A): audiences the protocol says cannot be narrowed. Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type Member = { id: string; groupId: string | null; wardIds: string[] };

/** CWC-A11, WIG-A7: a ward notice reaches every member for each tagged ward (neighbouring wards may be added). */
export function checkWardNotice(
  profile: CouncilProfile,
  input: {
    wardIds: string[];
    audienceIds: string[];
    type: "MATTER" | "PUBLIC_MEETING_INVITATION" | "CONSULTATION" | "GENERAL_INTEREST";
  },
  members: Member[],
): Decision<{ ruleId: string }> {
  const rule = profile.information.wardNoticeWholeWard;
  if (input.wardIds.length === 0) return refuse(rule?.ruleId ?? "CWC-A11", "Choose at least one ward.", "wardIds");
  if (rule?.value) {
    const missing = members.filter(
      (m) => m.wardIds.some((w) => input.wardIds.includes(w)) && !input.audienceIds.includes(m.id),
    );
    if (missing.length > 0)
      return refuse(
        rule.ruleId,
        "A ward notice must go to every member for the ward: you cannot leave any of them out.",
        "audienceIds",
      );
  }
  return { ok: true, ruleId: rule?.ruleId ?? "CWC-A11" };
}

/** WIG-A12 (members of every group), HTC-A3 (all members): significant developments cannot go to a narrower audience. */
export function checkSignificantDevelopment(
  profile: CouncilProfile,
  input: { audienceIds: string[] },
  members: Member[],
): Decision<{ ruleId: string }> {
  const rule = profile.information.significantDevelopmentsTo;
  if (!rule) return { ok: true, ruleId: "DEF-A12" };
  if (rule.value === "ALL_MEMBERS") {
    if (members.some((m) => !input.audienceIds.includes(m.id)))
      return refuse(
        rule.ruleId,
        "Developments of significance go to all members: the audience cannot be narrowed.",
        "audienceIds",
      );
  } else {
    const groups = new Set(members.map((m) => m.groupId).filter(Boolean));
    const reached = new Set(members.filter((m) => input.audienceIds.includes(m.id)).map((m) => m.groupId));
    if ([...groups].some((g) => !reached.has(g)))
      return refuse(
        rule.ruleId,
        "Significant developments must reach members of every political group.",
        "audienceIds",
      );
  }
  return { ok: true, ruleId: rule.ruleId };
}

/** WIG-A9, DEF-A11: a Chief Officer's advisory note to a Portfolio Holder or Committee Chair; it gives no access to the request. */
export function checkAdvisoryNote(
  actor: Actor,
  recipient: { roles: readonly string[] },
  note: string,
): Decision<{ grantsAccessToRequest: false }> {
  if (!has(actor, "CHIEF_OFFICER")) return refuse("WIG-A9", "Only a Chief Officer sends advisory notes.");
  if (!recipient.roles.some((r) => r === "CABINET_MEMBER" || r === "COMMITTEE_CHAIR"))
    return refuse("WIG-A9", "An advisory note goes to the relevant Portfolio Holder or Committee Chair.");
  if (!hasText(note)) return refuse("WIG-A9", "Enter the note.", "note");
  return { ok: true, grantsAccessToRequest: false };
}

/** WIG-A14: each department's contact officers are kept by its Chief Officer (or an administrator). */
export function editContactOfficers(actor: Actor, serviceChiefOfficerId: string | null): Decision {
  if (actor.id === serviceChiefOfficerId || has(actor, "ADMIN")) return { ok: true };
  return refuse("WIG-A14", "Only the department's Chief Officer can change its contact officers.");
}
