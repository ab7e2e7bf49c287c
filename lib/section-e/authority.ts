// The authority a decision or officer action is made under (HAL-E5, WIG-E8, HTC-E3, C2007-E5): loads the council's
// party group names and members' names and applies the pure rule in lib/workflow/decision-authority.ts.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { profileOf } from "@/lib/protocol/council-profile";
import { fail, type Db, type Tx, type WithStep } from "@/lib/requests/store";
import { decisionAuthorityRefusal } from "@/lib/workflow/decision-authority";

/** The label and hint of the optional "authority" field on decision forms. */
export const AUTHORITY_FIELD = {
  name: "authority",
  label: "Authority for this decision (optional)",
  hint: 'The body or delegation it is made under, e.g. "delegated authority" or "Planning Committee, 4 March".',
} as const;

/**
 * Throws the rule's AppError (field "authority") when the authority names a party group or (C2007) a single
 * councillor; returns the trimmed authority ("" when none was given) otherwise.
 */
export async function checkDecisionAuthority(tx: Tx | Db, viewer: Viewer, authority: string | null | undefined) {
  const text = (authority ?? "").trim();
  if (!text) return "";
  const profile = profileOf(viewer);
  const { noPartyGroup, noSingleCouncillor } = profile.duties.decisionMakers;
  if (!noPartyGroup.value && !noSingleCouncillor.value) return text;
  // One after the other: a transaction client runs one query at a time.
  const groups = await tx.partyGroup.findMany({ where: { councilId: viewer.council.id }, select: { name: true } });
  const members = noSingleCouncillor.value
    ? await tx.user.findMany({
        where: { councilId: viewer.council.id, roles: { has: "MEMBER" } },
        select: { name: true },
      })
    : [];
  const refusal = decisionAuthorityRefusal(profile, text, {
    groupNames: groups.map((g) => g.name),
    memberNames: members.map((m) => m.name),
  });
  if (refusal) fail(refusal);
  return text;
}

/** The steps of the request page whose form carries the optional authority field, by request type. */
export const AUTHORITY_STEPS: Record<string, readonly string[]> = {
  INFORMATION: ["GRANT", "REFUSE", "CLOSE"],
  ASSISTANCE: ["CLERK_DECISION"],
  COMPLAINT: ["RECORD_OUTCOME"],
};

/**
 * The authority a step was taken under, for the request's timeline: an audit event (append-only) whose reasons show
 * it and whose data keeps it with the step it belongs to — written inside the step's own transaction
 * (lib/requests/store.ts withStep), so the decision and its authority are saved together or not at all.
 */
export function decisionAuthorityWriter(viewer: Viewer, step: string, authority: string): WithStep | null {
  if (!authority) return null;
  const { noPartyGroup, noSingleCouncillor } = profileOf(viewer).duties.decisionMakers;
  const ruleId = noPartyGroup.value
    ? noPartyGroup.ruleId
    : noSingleCouncillor.value
      ? noSingleCouncillor.ruleId
      : null;
  return async (tx, s) => {
    await tx.auditEvent.create({
      data: {
        councilId: s.councilId,
        requestId: s.requestId,
        actorId: viewer.id,
        actorRole: viewer.roles[0] ?? null,
        action: "DECISION_AUTHORITY",
        reasons: `Authority: ${authority}`,
        ruleId,
        data: { authority, step },
      },
    });
  };
}
