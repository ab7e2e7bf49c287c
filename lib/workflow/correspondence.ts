// Correspondence between members and officers, and official letters (RULES.md §3.E: CWC-E1–E4, C2007-E1–E2,
// WIG-E3, WIG-E9, with WIG-A8 / WIG-A10 and the defaults DEF-E2, DEF-E5, DEF-G1). Pure: every decision names the
// rule that gives it, read from the council's profile (profile.duties.correspondence).
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { hasText, refuse, type Decision } from "@/lib/protocol/types";

/** A person of the council as these rules see them. */
export type Party = {
  id: string;
  name: string;
  member: boolean;
  officer: boolean;
  groupId: string | null;
  cabinetMember: boolean;
  /** Chairs a committee whose kind is SCRUTINY (an Overview & Scrutiny Chair, CWC-E2). */
  scrutinyChair: boolean;
  leader: boolean;
};

export type Direction = "MEMBER_TO_OFFICER" | "OFFICER_TO_MEMBER" | "MEMBER_TO_CABINET_MEMBER";

/** What a correspondence record keeps in Request.data. */
export type CorrespondenceData = {
  /** Who wrote it. When a member wrote it, they are the originator the copying rules protect. */
  originatorId: string;
  recipientId: string;
  direction: Direction;
  confidential: boolean;
  medium: "LETTER" | "EMAIL";
  sentOn: string;
  /** WIG-A8: an individual matter, not circulated to other members. */
  individualMatter?: boolean;
  /** WIG-A10: the councillors it concerns. */
  concernedMemberIds?: string[];
  /** CWC-E4: the reply was given in the capacity of Cabinet Member. */
  repliedAsCabinetMember?: boolean;
};

/** The facts of a record the copying rules need. */
export type CorrespondenceFacts = {
  originatorId: string;
  /** The originator is a member (the rules protect a member's correspondence). */
  originatorIsMember: boolean;
  originatorGroupId: string | null;
  recipientId: string;
  recipientIsOfficer: boolean;
  confidential: boolean;
  individualMatter: boolean;
  concernedMemberIds: string[];
};

export type CopyStatus = "COPIED" | "AWAITING_CONSENT" | "CONSENT_REFUSED";

const sameGroup = (a: string | null, b: string | null) => a !== null && a === b;

// ---- Recording correspondence -----------------------------------------------------------------------------------

export type RecordInput = {
  /** The person recording it. */
  recorderId: string;
  from: Party;
  to: Party;
  aboutOwnEmployment: boolean;
  individualMatter: boolean;
  concernedMemberIds: string[];
  sharingAgreed: boolean;
};

/** The WIG-E9 notice: what an officer is told instead of their message being delivered. */
export const STAFF_CONSULTATION_NOTICE =
  "This has not been sent. Staff must not lobby councillors on matters that directly concern them as employees. " +
  "Raise your pay, grading, conditions of service or any staff consultation matter through the agreed staff " +
  "consultation procedures: your manager, Human Resources or your trade union.";

/** The rule that makes correspondence visible to its two parties and tells the originator of copies. */
export const correspondenceRule = (profile: CouncilProfile) => profile.duties.correspondence.originatorTold.ruleId;

/**
 * Correspondence recorded through the app: a letter or email between a member and an officer, or to a Cabinet
 * Member. WIG-E9: an officer's message to members about their own employment is not delivered. WIG-A10: a member
 * writing about another councillor is told the reply will be shared with them, and must agree.
 */
export function decideRecord(profile: CouncilProfile, input: RecordInput): Decision<{ direction: Direction }> {
  const { from, to } = input;
  if (from.id !== input.recorderId) {
    // Someone recording what another person wrote records a letter a councillor sent to them (an officer, or a
    // Cabinet Member receiving it in that capacity).
    if (!from.member) return refuse("", "Choose the councillor the letter came from.", "fromId");
    if (to.id !== input.recorderId)
      return refuse("", "A letter you record from a councillor must be one they sent to you.", "toId");
  }
  if (from.id === to.id) return refuse("", "Choose who it was sent to: not the person who wrote it.", "toId");
  let direction: Direction;
  if (from.member && to.officer && !to.member) direction = "MEMBER_TO_OFFICER";
  else if (from.officer && !from.member && to.member) direction = "OFFICER_TO_MEMBER";
  else if (from.member && to.cabinetMember) direction = "MEMBER_TO_CABINET_MEMBER";
  else
    return refuse(
      "",
      "Record correspondence between a councillor and an officer, or to a Cabinet Member.",
      "toId",
    );
  const c = profile.duties.correspondence;
  if (c.staffEmploymentDiverted.value && input.aboutOwnEmployment && direction === "OFFICER_TO_MEMBER")
    return refuse(c.staffEmploymentDiverted.ruleId, STAFF_CONSULTATION_NOTICE, "aboutOwnEmployment");
  const another = profile.information.anotherMemberRule;
  if (another.value && input.concernedMemberIds.length > 0) {
    if (!from.member)
      return refuse(
        another.ruleId,
        "Only a councillor's correspondence can concern another councillor.",
        "concernedMemberId",
      );
    if (input.concernedMemberIds.includes(from.id))
      return refuse(another.ruleId, "Choose another councillor, not the one who wrote it.", "concernedMemberId");
    if (!input.sharingAgreed)
      return refuse(
        another.ruleId,
        "Any reply will be shared with the councillor it concerns. Agree to this to continue: without agreement the information will not be given.",
        "sharingAgreed",
      );
  }
  return { ok: true, direction };
}

// ---- Copying ----------------------------------------------------------------------------------------------------

/** WIG-E3 lets either party copy; elsewhere the officer who received a member's correspondence copies it. */
export function mayCopy(profile: CouncilProfile, actorId: string, rec: CorrespondenceFacts): Decision {
  const c = profile.duties.correspondence;
  if (c.confidentialNotCopied.value) {
    if (actorId === rec.originatorId || actorId === rec.recipientId) return { ok: true };
    return refuse(
      c.confidentialNotCopied.ruleId,
      "Only the sender or the recipient can copy this correspondence.",
    );
  }
  if (actorId === rec.recipientId && rec.recipientIsOfficer) return { ok: true };
  return refuse(c.originatorTold.ruleId, "Only the officer who received this correspondence can copy it.");
}

/** DEF-E5: is this copy wide circulation (more than the setting's number of members, or all members)? */
export function isWideCirculation(profile: CouncilProfile, memberCount: number, allMembers: boolean): boolean {
  const wide = profile.duties.correspondence.wideCirculation;
  return !!wide && (allMembers || memberCount > wide.value);
}

/** The public-rebuke notice shown before a wide copy (WIG-E3, with the council's DEF-E5 threshold). */
export function wideCirculationNotice(profile: CouncilProfile, memberCount: number, allMembers: boolean): string {
  const wide = profile.duties.correspondence.wideCirculation!;
  const rebuke = profile.duties.correspondence.confidentialNotCopied.ruleId;
  return (
    `This copies the correspondence to ${allMembers ? "all members" : `${memberCount} members`}. ` +
    `Wide circulation must not be used as a public rebuke (${rebuke}). ` +
    `Wide circulation means more than ${wide.value} members or an all-members list (council setting ${wide.ruleId}). ` +
    "Do you still want to copy it?"
  );
}

export type CopyInput = {
  copierId: string;
  targets: Party[];
  allMembers: boolean;
  reasons: string;
  /** A blind, hidden or silent copy was asked for (there is no such field: only a forged form sends one). */
  hiddenRequested: boolean;
  confirmed: boolean;
  /** People who hold a copy already, or were refused one, with its status. */
  existing: Map<string, CopyStatus>;
};

export type PlannedCopy = { recipientId: string; status: "COPIED" | "AWAITING_CONSENT"; ruleId: string };

/**
 * Copying correspondence. No blind or silent copy (CWC-E1, C2007-E1, DEF-E2); confidential items are never copied
 * (WIG-E3), nor individual matters and information about another member beyond what WIG-A8 / WIG-A10 allow;
 * C2007-E1 needs the exceptional reasons; a wide copy first shows the public-rebuke notice (WIG-E3, DEF-E5). A
 * copy of a member's correspondence to a member of another group (CWC-E1), a Cabinet Member or an Overview &
 * Scrutiny Chair (CWC-E2) waits for the originator's consent.
 */
export function decideCopy(
  profile: CouncilProfile,
  rec: CorrespondenceFacts,
  input: CopyInput,
): Decision<{ copies: PlannedCopy[]; confirm?: string }> {
  const c = profile.duties.correspondence;
  const may = mayCopy(profile, input.copierId, rec);
  if (!may.ok) return may;
  if (input.hiddenRequested)
    return refuse(
      c.originatorTold.ruleId,
      "There are no blind or silent copies: every copy is shown to the person who wrote it.",
      "recipientIds",
    );
  if (c.confidentialNotCopied.value && rec.confidential)
    return refuse(
      c.confidentialNotCopied.ruleId,
      "This correspondence is marked confidential, so it cannot be copied to anyone.",
      "recipientIds",
    );
  if (input.targets.length === 0) return refuse("", "Choose who to copy it to.", "recipientIds");
  const sharing = profile.information.requesterSharing;
  const another = profile.information.anotherMemberRule;
  for (const t of input.targets) {
    if (t.id === rec.originatorId || t.id === rec.recipientId)
      return refuse("", `${t.name} already has this correspondence.`, "recipientIds");
    const had = input.existing.get(t.id);
    if (had === "CONSENT_REFUSED")
      return refuse(
        c.otherGroupConsent.value ? c.otherGroupConsent.ruleId : c.originatorTold.ruleId,
        `The councillor who wrote it refused consent to copy it to ${t.name}.`,
        "recipientIds",
      );
    if (had) return refuse("", `${t.name} has already been copied in.`, "recipientIds");
    if (!t.member || !rec.originatorIsMember) continue;
    if (sharing.value === "OWN_PARTY_ONLY" && rec.individualMatter) {
      const byOriginator = input.copierId === rec.originatorId;
      if (!byOriginator || !sameGroup(rec.originatorGroupId, t.groupId))
        return refuse(
          sharing.ruleId,
          `This is about an individual matter: it is not circulated to other councillors. Only the councillor who wrote it can share it, and only with colleagues in their own party (not ${t.name}).`,
          "recipientIds",
        );
    }
    if (another.value && rec.concernedMemberIds.length > 0 && !rec.concernedMemberIds.includes(t.id))
      return refuse(
        another.ruleId,
        `This correspondence concerns another councillor: it is shared only with the councillor it concerns, not with ${t.name}.`,
        "recipientIds",
      );
  }
  const memberTargets = input.targets.filter((t) => t.member);
  if (c.exceptionalReasons.value && memberTargets.length > 0 && rec.originatorIsMember && !hasText(input.reasons))
    return refuse(
      c.exceptionalReasons.ruleId,
      "A councillor's correspondence is not normally copied to other councillors. Say why this copy is exceptionally necessary: the councillor who wrote it will be told, with your reasons.",
      "reasons",
    );
  const confirm =
    isWideCirculation(profile, memberTargets.length, input.allMembers) && !input.confirmed
      ? wideCirculationNotice(profile, memberTargets.length, input.allMembers)
      : undefined;
  const copies = input.targets.map((t) => planCopy(profile, rec, input.copierId, t));
  return { ok: true, copies, ...(confirm ? { confirm } : {}) };
}

/** One recipient's copy: made now, or waiting for the originator's consent (CWC-E1, CWC-E2). */
export function planCopy(
  profile: CouncilProfile,
  rec: CorrespondenceFacts,
  copierId: string,
  t: Party,
): PlannedCopy {
  const c = profile.duties.correspondence;
  const needsConsent = rec.originatorIsMember && copierId !== rec.originatorId && t.member;
  if (needsConsent && c.otherGroupConsent.value && !sameGroup(rec.originatorGroupId, t.groupId))
    return { recipientId: t.id, status: "AWAITING_CONSENT", ruleId: c.otherGroupConsent.ruleId };
  if (needsConsent && c.cabinetScrutinyConsent.value && (t.cabinetMember || t.scrutinyChair))
    return { recipientId: t.id, status: "AWAITING_CONSENT", ruleId: c.cabinetScrutinyConsent.ruleId };
  return { recipientId: t.id, status: "COPIED", ruleId: copyRule(profile, rec, t) };
}

/** The rule a copy is made under: WIG-E3 where either party may copy; WIG-A10 to the member it concerns; else
 * the council's originator-told rule (CWC-E1, C2007-E1, DEF-E2). */
export function copyRule(profile: CouncilProfile, rec: CorrespondenceFacts, t: Pick<Party, "id">): string {
  const c = profile.duties.correspondence;
  if (profile.information.anotherMemberRule.value && rec.concernedMemberIds.includes(t.id))
    return profile.information.anotherMemberRule.ruleId;
  if (c.confidentialNotCopied.value) return c.confidentialNotCopied.ruleId;
  if (c.exceptionalReasons.value) return c.exceptionalReasons.ruleId;
  return c.originatorTold.ruleId;
}

/** Only the originator answers a request for consent, and only while it waits. */
export function decideConsent(
  rec: CorrespondenceFacts,
  actorId: string,
  copy: { status: string; ruleId: string | null },
): Decision<{ ruleId: string }> {
  const ruleId = copy.ruleId ?? "CWC-E1";
  if (actorId !== rec.originatorId)
    return refuse(ruleId, "Only the councillor who wrote it can give or refuse consent to a copy.");
  if (copy.status !== "AWAITING_CONSENT")
    return refuse(ruleId, "That copy is not waiting for consent any more.", "copyId", "CONFLICT");
  return { ok: true, ruleId };
}

/** WIG-E3: when a member writes to an officer, the officer's Director is suggested as a copy. */
export function suggestDirector(
  profile: CouncilProfile,
  rec: CorrespondenceFacts & { direction: Direction },
  viewerId: string,
  directorId: string | null,
  copiedIds: string[],
): { ruleId: string } | null {
  const s = profile.duties.correspondence.suggestDirector;
  if (!s.value || !directorId) return null;
  if (rec.direction !== "MEMBER_TO_OFFICER" || viewerId !== rec.originatorId) return null;
  if (directorId === rec.recipientId || directorId === rec.originatorId || copiedIds.includes(directorId))
    return null;
  if (profile.duties.correspondence.confidentialNotCopied.value && rec.confidential) return null;
  return { ruleId: s.ruleId };
}

// ---- Replies ----------------------------------------------------------------------------------------------------

export type ReplyInput = {
  replierId: string;
  replierIsCabinetMember: boolean;
  text: string;
  asCabinetMember: boolean;
  leaveLeaderOff: boolean;
  breachOfConfidence: boolean;
  confidenceExplanation: string;
  leaderId: string | null;
};

/**
 * The recipient replies. CWC-E4: a Cabinet Member's reply in that capacity is copied to the Leader of the Council;
 * leaving the Leader off needs the reason "breach of professional confidence", explained.
 */
export function decideReply(
  profile: CouncilProfile,
  rec: CorrespondenceFacts & { status: string },
  input: ReplyInput,
): Decision<{ copyLeaderId: string | null; leaderLeftOff: boolean; ruleId: string }> {
  const base = correspondenceRule(profile);
  if (input.replierId !== rec.recipientId) return refuse(base, "Only the person it was sent to can reply.");
  if (rec.status !== "OPEN")
    return refuse("", "This correspondence has already been replied to.", "reply", "CONFLICT");
  if (!hasText(input.text)) return refuse("", "Write your reply.", "reply");
  const rule = profile.duties.correspondence.cabinetRepliesToLeader;
  if (!rule.value || !input.asCabinetMember)
    return { ok: true, copyLeaderId: null, leaderLeftOff: false, ruleId: base };
  if (!input.replierIsCabinetMember)
    return refuse(
      rule.ruleId,
      "Only a Cabinet Member replies in the capacity of Cabinet Member.",
      "asCabinetMember",
    );
  if (input.leaveLeaderOff) {
    if (!input.breachOfConfidence)
      return refuse(
        rule.ruleId,
        "A Cabinet Member's reply is copied to the Leader of the Council. You can leave the Leader off only where copying would be a breach of professional confidence: say so to continue.",
        "breachOfConfidence",
      );
    if (!hasText(input.confidenceExplanation))
      return refuse(
        rule.ruleId,
        "Explain why copying the Leader would be a breach of professional confidence.",
        "confidenceExplanation",
      );
    return { ok: true, copyLeaderId: null, leaderLeftOff: true, ruleId: rule.ruleId };
  }
  const leaderId =
    input.leaderId && input.leaderId !== input.replierId && input.leaderId !== rec.originatorId
      ? input.leaderId
      : null;
  return { ok: true, copyLeaderId: leaderId, leaderLeftOff: false, ruleId: rule.ruleId };
}

// ---- Official letters -------------------------------------------------------------------------------------------

export type LetterData = {
  addressee: string;
  obligations: boolean;
  signatoryId: string;
  signatoryIsMember: boolean;
  signatoryReasons: string | null;
  draftedById: string;
  draftedOn: string;
};

/** The rule letters are recorded under: the council's (CWC-E3, C2007-E2), or DEF-G1 where the protocol is silent. */
export const letterRule = (profile: CouncilProfile) => {
  const s = profile.duties.noMemberSignatoryForObligations;
  return s.value ? s.ruleId : "DEF-G1";
};

/**
 * An official letter goes out in an officer's name (CWC-E3, C2007-E2). A member signatory needs reasons (DEF-G1),
 * and never signs a letter that creates obligations or gives instructions where the protocol says so.
 */
export function decideLetter(
  profile: CouncilProfile,
  input: { drafterIsOfficer: boolean; signatory: Party; obligations: boolean; signatoryReasons: string },
): Decision<{ ruleId: string }> {
  const s = profile.duties.noMemberSignatoryForObligations;
  if (!input.drafterIsOfficer)
    return refuse(
      letterRule(profile),
      "Official letters are drafted by officers.",
      undefined,
      "FORBIDDEN_BY_RULE",
    );
  if (!input.signatory.member) return { ok: true, ruleId: letterRule(profile) };
  if (input.obligations && s.value)
    return refuse(
      s.ruleId,
      "A letter that creates obligations or gives instructions on the council's behalf is never sent in a councillor's name. Choose an officer as the signatory.",
      "signatoryId",
    );
  if (!hasText(input.signatoryReasons))
    return refuse(
      "DEF-G1",
      "Official letters normally go out in an officer's name. Say why this letter should be signed by a councillor.",
      "signatoryReasons",
    );
  return { ok: true, ruleId: s.value ? s.ruleId : "DEF-G1" };
}
