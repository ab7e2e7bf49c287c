// Officer reports to the Council, the Cabinet, Boards and Committees (RULES.md §3.E, matrix 4.4): who writes them,
// who may change them, the member's own report alongside, sharing drafts for preliminary consideration, consultation
// before publication and the meeting's outcome. Pure: the services in lib/reports/ load the facts and write.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export const REVISION_GROUNDS = ["KEY_ISSUES_NOT_EXPLAINED", "OPTIONS_NOT_ADDRESSED"] as const;
export type RevisionGround = (typeof REVISION_GROUNDS)[number];
export const REVISION_GROUND_LABELS: Record<RevisionGround, string> = {
  KEY_ISSUES_NOT_EXPLAINED: "Key issues were not adequately explained",
  OPTIONS_NOT_ADDRESSED: "Relevant options were not properly addressed",
};

export const OUTCOMES = ["AGREED", "NOT_AGREED", "REJECTED", "REFERRED_BACK"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  AGREED: "Recommendations agreed",
  NOT_AGREED: "Recommendations not agreed",
  REJECTED: "Recommendations rejected",
  REFERRED_BACK: "Referred back to the officer",
};

/** Member actions that would withdraw, hold or stop an officer report: none exists (HAL-E3, WIG-E4, HTC-E2…). */
export const SUPPRESSING_ACTIONS = ["WITHDRAW", "DO_NOT_PRESENT", "HOLD", "HIDE", "REPLACE"] as const;

/** What the service knows about a report and the person acting on it. */
export type ReportFacts = {
  /** The Chief Officer heading the report's service. */
  serviceChiefOfficerId: string | null;
  /** Chief Officers who have authorised the actor to write reports (ReportAuthorisation). */
  authorisedBy: string[];
  authorId?: string;
  /** The committee's Chair, and whether the committee is the Cabinet. */
  committeeChairId?: string | null;
  cabinet?: boolean;
  /** Whether the draft has been shared for preliminary consideration (WIG-E6, HTC-E1). */
  shared?: boolean;
};

const isMember = (a: Actor) => has(a, "MEMBER") && !has(a, "OFFICER", "TOWN_CLERK");
const isOfficer = (a: Actor) => has(a, "OFFICER", "TOWN_CLERK", "CHIEF_OFFICER", "CHIEF_EXECUTIVE");

/** HAL-E1, C2007-E3, WIG-E4, CWC-E5, HTC-E1: who may write (start) an officer report for a service. */
export function mayAuthorReport(profile: CouncilProfile, actor: Actor, f: ReportFacts): Decision {
  const rule = profile.duties.reports.authors;
  if (isMember(actor) || !isOfficer(actor))
    return refuse(rule.ruleId, "Officer reports are written by officers. Members can suggest content instead.");
  const authorised = f.serviceChiefOfficerId !== null && f.authorisedBy.includes(f.serviceChiefOfficerId);
  switch (rule.value) {
    case "OFFICERS":
      return { ok: true };
    case "DIRECTORS_OR_AUTHORISED":
      if (has(actor, "DEPUTY_CHIEF_EXECUTIVE", "CHIEF_OPERATING_OFFICER") || authorised) return { ok: true };
      if (has(actor, "CHIEF_OFFICER") && f.serviceChiefOfficerId === actor.id) return { ok: true };
      return refuse(
        rule.ruleId,
        "Reports are started by the Deputy Chief Executive, the Chief Operating Officer or the service's Director, or an officer they have authorised.",
      );
    case "CHIEF_OFFICER_OR_AUTHORISED":
      if (f.serviceChiefOfficerId === actor.id || authorised) return { ok: true };
      return refuse(
        rule.ruleId,
        "Reports are written by the service's Chief Officer or an officer they have authorised. Ask your Chief Officer to record an authorisation.",
      );
  }
}

/** Whether the actor is one of the report's officers: its author, or the service's Chief Officer who presents it. */
export const isReportOfficer = (actor: Actor, f: ReportFacts) =>
  !isMember(actor) && (actor.id === f.authorId || actor.id === f.serviceChiefOfficerId);

/**
 * An officer's revision of the report (a new version). After the draft was shared for preliminary consideration,
 * WIG-E6: only the Chief Officer, on one of the two grounds; HTC-E1: an officer, recording the ground.
 */
export function reviseReport(
  profile: CouncilProfile,
  actor: Actor,
  f: ReportFacts,
  ground: string | null,
): Decision<{ ground: RevisionGround | null; ruleId: string }> {
  const edits = profile.duties.reports.memberEdits;
  if (isMember(actor))
    return refuse(
      edits.ruleId,
      edits.value === "NEVER"
        ? "The report is the officer's: members cannot change it. Add a suggestion for the officer instead."
        : "The report is the officer's: propose your change instead, for the Chief Officer's express approval.",
    );
  if (!isReportOfficer(actor, f))
    return refuse(
      profile.duties.reports.authors.ruleId,
      "Only the report's author or the service's Chief Officer can revise it.",
    );
  const after = profile.duties.reports.revisionAfterSharing;
  if (!f.shared || after.value === "AUTHOR") return { ok: true, ground: null, ruleId: "" };
  if (after.value === "CHIEF_OFFICER_WITH_GROUND" && actor.id !== f.serviceChiefOfficerId)
    return refuse(
      after.ruleId,
      "This draft has been shared for preliminary consideration: only the Chief Officer can revise it now.",
    );
  if (!ground || !(REVISION_GROUNDS as readonly string[]).includes(ground))
    return refuse(
      after.ruleId,
      "Choose why the report is being revised after preliminary consideration: key issues not adequately explained, or relevant options not properly addressed.",
      "ground",
    );
  return { ok: true, ground: ground as RevisionGround, ruleId: after.ruleId };
}

/**
 * A member's change to the report (HAL-E2, C2007-E3): only with the Chief Officer's express approval of that change,
 * so it is held as a proposal; where members may never amend (CWC-E6, WIG-E4, HTC-E1) it is refused.
 */
export function proposeMemberChange(profile: CouncilProfile, actor: Actor): Decision<{ ruleId: string }> {
  const edits = profile.duties.reports.memberEdits;
  if (!isMember(actor)) return refuse(edits.ruleId, "Officers revise the report itself.");
  if (edits.value === "NEVER")
    return refuse(
      edits.ruleId,
      "The report is the officer's: members cannot change it. Your suggestion is kept for the officer, who decides the content.",
    );
  return { ok: true, ruleId: edits.ruleId };
}

/** HAL-E2, C2007-E3: the Chief Officer's express approval of a member's proposed change (or declining it). */
export function decideMemberChange(
  profile: CouncilProfile,
  actor: Actor,
  f: ReportFacts,
): Decision<{ ruleId: string }> {
  const edits = profile.duties.reports.memberEdits;
  if (edits.value !== "WITH_CHIEF_OFFICER_APPROVAL")
    return refuse(edits.ruleId, "Members cannot change reports in this council.");
  if (actor.id !== f.serviceChiefOfficerId)
    return refuse(edits.ruleId, "Only the service's Chief Officer can expressly approve a member's change.");
  return { ok: true, ruleId: edits.ruleId };
}

/** Members comment: a suggestion (and, CWC-E6, proposed timing) that the officer may adopt. */
export function suggest(profile: CouncilProfile, actor: Actor, text: string): Decision<{ ruleId: string }> {
  if (!hasText(text))
    return refuse(profile.duties.reports.memberEdits.ruleId, "Enter your suggestion.", "suggestion");
  if (!has(actor, "MEMBER") && !isOfficer(actor)) return refuse("", "You cannot comment on this report.");
  return { ok: true, ruleId: profile.duties.reports.memberEdits.ruleId };
}

/**
 * HAL-E3, C2007-E4, CWC-E7, WIG-E5: exceptionally, the Chair (or the Cabinet Member, for a Cabinet report) adds their
 * own report alongside the officer's, marked as theirs, with the reason for the exception.
 */
export function addOwnReport(
  profile: CouncilProfile,
  actor: Actor,
  f: ReportFacts,
  reason: string,
): Decision<{ capacity: "CHAIR" | "CABINET_MEMBER"; ruleId: string }> {
  const by = profile.duties.reports.ownReportBy;
  if (by.value === null)
    return refuse(
      profile.duties.reports.noWithdrawal.ruleId,
      "Your council's protocol does not provide for a member's own report. Members who disagree decide otherwise at the meeting.",
    );
  if (by.value === "CHAIR" && !(f.committeeChairId && f.committeeChairId === actor.id))
    return refuse(by.ruleId, "Only the Chair of the committee the report goes to can add their own report.");
  if (by.value === "CABINET_MEMBER" && !(has(actor, "CABINET_MEMBER") && f.cabinet))
    return refuse(by.ruleId, "A Cabinet Member can add their own report to a report to the Cabinet only.");
  if (!hasText(reason))
    return refuse(by.ruleId, "Give the exceptional reason for adding your own report.", "reason");
  return { ok: true, capacity: by.value, ruleId: by.ruleId };
}

/** HAL-E3, C2007-E4, WIG-E4, HTC-E2, CWC-E6: no member action withdraws, holds, hides or stops an officer report. */
export function suppressReport(profile: CouncilProfile, actor: Actor, f: ReportFacts, action: string): Decision {
  const rule = profile.duties.reports.noWithdrawal;
  if (isMember(actor) || !isReportOfficer(actor, f))
    return refuse(
      rule.ruleId,
      `No member can ${action === "DO_NOT_PRESENT" ? "stop an officer presenting" : "withdraw, hold or hide"} an officer report. The remedy is for the meeting to reject or not agree its recommendations, or refer it back.`,
    );
  return { ok: true };
}

/** CWC-E5: publication waits until every consultee (affected services' Directors, the portfolio's Cabinet Member) has
 * been consulted. Returns the names still outstanding. */
export function publicationBlockers(
  profile: CouncilProfile,
  consultations: { consultee: string; respondedAt: Date | null }[],
): Decision {
  const c = profile.duties.reports.consultation;
  if (!c.value) return { ok: true };
  const waiting = consultations.filter((x) => !x.respondedAt).map((x) => x.consultee);
  if (waiting.length)
    return refuse(
      c.ruleId,
      `Not yet consulted: ${waiting.join(", ")}. A report is published only after consultation.`,
    );
  return { ok: true };
}

/** Who records a report's outcome: the officers who run the meeting (democratic services, the Town Clerk) or the
 * report's officers. Members cannot (the meeting decides; its decision is recorded). */
export function recordOutcome(actor: Actor, f: ReportFacts, outcome: string): Decision<{ to: Outcome }> {
  if (!(OUTCOMES as readonly string[]).includes(outcome))
    return refuse("", "Choose the meeting's decision on the report.", "outcome");
  if (isMember(actor) || !(has(actor, "DEMOCRATIC_SERVICES", "TOWN_CLERK") || isReportOfficer(actor, f)))
    return refuse("", "The meeting's decision is recorded by democratic services or the report's officer.");
  return { ok: true, to: outcome as Outcome };
}
