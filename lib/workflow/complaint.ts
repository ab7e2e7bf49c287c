// Complaints (RULES.md §3.C and matrix 4.3): one ladder per council, complainant and subject. A complaint never
// goes to its own subject, and visibility changes as it climbs. Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type Party = "MEMBER" | "OFFICER";
export type Subject = "OFFICER" | "CHIEF_OFFICER" | "CHIEF_EXECUTIVE" | "TOWN_CLERK" | "MEMBER" | "ISSUE";

/** Who handles a stage, resolved to a person by the service layer. */
export type Handler =
  | "SUBJECT_OFFICER" // informal stage (HAL-C1)
  | "SUBJECT_CHIEF_OFFICER"
  | "COMPLAINANT_CHIEF_OFFICER"
  | "CHIEF_EXECUTIVE"
  | "CE_OR_DIRECTOR_OF_GOVERNANCE" // CWC-C1: the complainant chooses
  | "LEADER_OF_COUNCIL"
  | "MONITORING_OFFICER"
  | "TOWN_CLERK"
  | "COUNCIL_CHAIR";

export type Stage = { key: string; handler: Handler; ruleId: string; escalatedBy: "COMPLAINANT" | "HANDLER" | null; outcomes?: string[] };

export type ComplaintInput = {
  complainant: Party;
  subject: Subject;
  codeOfConduct: boolean;
  grievance: boolean;
  /** For member subjects: the subject member's group, whether it has a Chief Whip. */
  subjectHasGroup?: boolean;
  /** The council has a Leader of the Council (DEF-C1). */
  hasLeaderOfCouncil: boolean;
};

export type Ladder = { stages: Stage[]; kind: "COMPLAINT" | "CODE_OF_CONDUCT" | "GRIEVANCE_PROCEDURE" | "CODE_BREACH_REPORT"; ruleId: string; message?: string };

const aboutCE = (i: ComplaintInput): Ladder => ({
  kind: "COMPLAINT",
  ruleId: "DEF-C1",
  stages: [{ key: "LEADER", handler: i.hasLeaderOfCouncil ? "LEADER_OF_COUNCIL" : "MONITORING_OFFICER", ruleId: "DEF-C1", escalatedBy: null }],
});
const toMO = (ruleId: string): Ladder => ({ kind: "CODE_OF_CONDUCT", ruleId, stages: [{ key: "MONITORING_OFFICER", handler: "MONITORING_OFFICER", ruleId, escalatedBy: null }] });

/** The complaint ladder for this council, complainant and subject. */
export function complaintLadder(profile: CouncilProfile, i: ComplaintInput): Ladder {
  switch (profile.key) {
    case "HTC": {
      if (i.grievance && i.complainant === "OFFICER") {
        return { kind: "GRIEVANCE_PROCEDURE", ruleId: "HTC-C2", stages: [], message: "A grievance about how you were treated is not a member complaint: use the council's grievance and disciplinary procedures. The Town Clerk can tell you how." };
      }
      if (i.grievance) return { kind: "COMPLAINT", ruleId: "HTC-C2", stages: [{ key: "MONITORING_OFFICER", handler: "MONITORING_OFFICER", ruleId: "HTC-C2", escalatedBy: null }] };
      if (i.complainant === "OFFICER" && i.subject === "MEMBER") {
        return { kind: "CODE_BREACH_REPORT", ruleId: "HTC-D7", stages: [{ key: "TOWN_CLERK", handler: "TOWN_CLERK", ruleId: "HTC-D7", escalatedBy: null }] };
      }
      if (i.subject === "TOWN_CLERK") return { kind: "COMPLAINT", ruleId: "DEF-C5", stages: [{ key: "CHAIRMAN", handler: "COUNCIL_CHAIR", ruleId: "DEF-C5", escalatedBy: null }] };
      if (i.subject === "MEMBER" || i.codeOfConduct) return toMO("DEF-C3");
      return { kind: "COMPLAINT", ruleId: "HTC-C1", stages: [{ key: "TOWN_CLERK", handler: "TOWN_CLERK", ruleId: "HTC-C1", escalatedBy: null }] };
    }
    case "CWC":
      if (i.subject === "CHIEF_EXECUTIVE") return aboutCE(i);
      if (i.codeOfConduct) return toMO("CWC-C4");
      if (i.subject === "MEMBER") return { kind: "COMPLAINT", ruleId: "CWC-C1", stages: [{ key: "FIRST_CONTACT", handler: "CE_OR_DIRECTOR_OF_GOVERNANCE", ruleId: "CWC-C1", escalatedBy: null }] };
      return { kind: "COMPLAINT", ruleId: "CWC-C5", stages: [{ key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "CWC-C5", escalatedBy: null }] };
    case "HAL":
      if (i.subject === "CHIEF_EXECUTIVE") return aboutCE(i);
      if (i.codeOfConduct || (i.complainant === "MEMBER" && i.subject === "MEMBER")) return toMO("DEF-C3");
      if (i.complainant === "OFFICER" && i.subject === "MEMBER") {
        return {
          kind: "COMPLAINT",
          ruleId: "HAL-C4",
          stages: [
            { key: "CHIEF_OFFICER", handler: "COMPLAINANT_CHIEF_OFFICER", ruleId: "HAL-C4", escalatedBy: null, outcomes: ["RESOLVED", "NOT_RESOLVED"] },
            { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "HAL-C5", escalatedBy: "HANDLER", outcomes: ["RAISE_WITH_PARTY", "CLOSE"] },
          ],
        };
      }
      if (i.subject === "CHIEF_OFFICER") {
        return {
          kind: "COMPLAINT",
          ruleId: "DEF-C2",
          stages: [
            { key: "INFORMAL", handler: "SUBJECT_OFFICER", ruleId: "HAL-C1", escalatedBy: null },
            { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C2", escalatedBy: "COMPLAINANT" },
          ],
        };
      }
      return {
        kind: "COMPLAINT",
        ruleId: "HAL-C1",
        stages: [
          { key: "INFORMAL", handler: "SUBJECT_OFFICER", ruleId: "HAL-C1", escalatedBy: null },
          { key: "CHIEF_OFFICER", handler: "SUBJECT_CHIEF_OFFICER", ruleId: "HAL-C2", escalatedBy: "COMPLAINANT", outcomes: ["RESOLVED", "NOT_RESOLVED"] },
          { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "HAL-C3", escalatedBy: "COMPLAINANT" },
        ],
      };
    case "WIG":
      if (i.subject === "CHIEF_EXECUTIVE") {
        return {
          kind: "COMPLAINT",
          ruleId: "WIG-C3",
          stages: [{ key: "LEADER", handler: "LEADER_OF_COUNCIL", ruleId: "WIG-C3", escalatedBy: null, outcomes: ["ROUTINE_LIAISON_SUPERVISION_APPRAISAL", "REFER_FOR_FORMAL_ACTION"] }],
        };
      }
      if (i.codeOfConduct || (i.complainant === "MEMBER" && i.subject === "MEMBER")) return toMO("DEF-C3");
      if (i.complainant === "OFFICER" && i.subject === "MEMBER") {
        return { kind: "COMPLAINT", ruleId: "WIG-C4", stages: [{ key: "CHIEF_OFFICER", handler: "COMPLAINANT_CHIEF_OFFICER", ruleId: "WIG-C4", escalatedBy: null, outcomes: ["APPROACH_GROUP_LEADER", "CLOSE"] }] };
      }
      if (i.subject === "CHIEF_OFFICER") return { kind: "COMPLAINT", ruleId: "WIG-C2", stages: [{ key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "WIG-C2", escalatedBy: null }] };
      return {
        kind: "COMPLAINT",
        ruleId: "WIG-C1",
        stages: [
          { key: "CHIEF_OFFICER", handler: "SUBJECT_CHIEF_OFFICER", ruleId: "WIG-C1", escalatedBy: null },
          { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C4", escalatedBy: "COMPLAINANT" },
        ],
      };
    default:
      // C2007 and any profile with no ladder: DEF-C9, DEF-C3, DEF-C1.
      if (i.subject === "CHIEF_EXECUTIVE") return aboutCE(i);
      if (i.codeOfConduct || (i.complainant === "MEMBER" && i.subject === "MEMBER")) return toMO("DEF-C3");
      if (i.subject === "CHIEF_OFFICER") return { kind: "COMPLAINT", ruleId: "DEF-C9", stages: [{ key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C9", escalatedBy: null }] };
      return {
        kind: "COMPLAINT",
        ruleId: "DEF-C9",
        stages: [
          { key: "HEAD_OF_SERVICE", handler: i.complainant === "OFFICER" ? "COMPLAINANT_CHIEF_OFFICER" : "SUBJECT_CHIEF_OFFICER", ruleId: "DEF-C9", escalatedBy: null },
          { key: "CHIEF_EXECUTIVE", handler: "CHIEF_EXECUTIVE", ruleId: "DEF-C9", escalatedBy: "COMPLAINANT" },
        ],
      };
  }
}

/** A handler may never be the complaint's own subject (DEF-C1, WIG-C2, DEF-C5, CWC-C5). */
export function checkHandler(ladder: Ladder, stageIndex: number, handlerId: string | null, subjectId: string | null): Decision {
  const stage = ladder.stages[stageIndex];
  if (!stage) return refuse(ladder.ruleId, "There is no such stage.");
  if (!handlerId) return refuse(stage.ruleId, "Nobody holds the role that handles this stage: ask the council's user administrator to set it up.");
  if (handlerId === subjectId && stage.handler !== "SUBJECT_OFFICER") {
    const rule = stage.handler === "COUNCIL_CHAIR" || stage.handler === "TOWN_CLERK" ? "DEF-C5" : stage.handler === "CHIEF_EXECUTIVE" ? "DEF-C1" : "WIG-C2";
    return refuse(rule, "A complaint cannot be handled by the person it is about.");
  }
  return { ok: true };
}

export type ComplaintFiling = {
  summary: string;
  /** DEF-C3 / CWC-C4: a written statement of facts (and the Code provision concerned) for Code matters. */
  statementOfFacts?: string;
  codeProvision?: string;
  category?: string | null;
};

/** Checks at filing; returns whether the complaint is SERIOUS (C2007-C1). */
export function fileComplaint(profile: CouncilProfile, ladder: Ladder, filing: ComplaintFiling): Decision<{ serious: boolean; guidance: { ruleId: string; text: string }[] }> {
  if (ladder.kind === "GRIEVANCE_PROCEDURE") return refuse("HTC-C2", ladder.message ?? "Use the grievance procedure.");
  if (!hasText(filing.summary)) return refuse("DEF-C7", "Describe what the complaint is about.", "summary");
  if (ladder.kind === "CODE_OF_CONDUCT") {
    if (!hasText(filing.statementOfFacts)) return refuse(ladder.ruleId === "CWC-C4" ? "CWC-C4" : "DEF-C3", "A Code of Conduct complaint needs a written statement of the facts.", "statementOfFacts");
    if (ladder.ruleId === "CWC-C4" && !hasText(filing.codeProvision)) return refuse("CWC-C4", "Say which provision of the Code of Conduct you think was breached.", "codeProvision");
  }
  const serious = !!filing.category && !!profile.complaints.seriousCategories?.value.includes(filing.category);
  const guidance = profile.complaints.startGuidance ? [{ ruleId: profile.complaints.startGuidance.ruleId, text: profile.complaints.startGuidance.value }] : [];
  return { ok: true, serious, guidance };
}

export type ComplaintState = {
  stageIndex: number;
  status: "OPEN" | "OUTCOME_RECORDED" | "CLOSED" | "REFERRED_TO_PARTY";
  complainantId: string;
  handlerId: string | null;
  outcome: string | null;
  /** DEF-C7: the stage target date has passed with no outcome. */
  stageOverdue: boolean;
};

export type ComplaintAction =
  | { type: "ESCALATE"; informalNotResolvedReasons?: string }
  | { type: "RECORD_OUTCOME"; outcome: string; reasons: string }
  | { type: "CLASSIFY_PARTY_DISCIPLINE"; reasons: string }
  | { type: "SET_INVESTIGATOR"; investigator: { id: string; roles: readonly string[] }; authorisedIds: string[] }
  | { type: "NOMINATE"; nomineeId: string };

export function decideComplaint(profile: CouncilProfile, ladder: Ladder, c: ComplaintState, actor: Actor, action: ComplaintAction, ctx: { subjectHasChiefWhip?: boolean; subjectHasGroup?: boolean } = {}): Decision<{ stageIndex: number; status: ComplaintState["status"]; ruleId: string; notify: string[] }> {
  const stage = ladder.stages[c.stageIndex]!;
  const isHandler = c.handlerId === actor.id;
  switch (action.type) {
    case "ESCALATE": {
      const next = ladder.stages[c.stageIndex + 1];
      if (!next) return refuse(stage.ruleId, "This is the last stage of your council's complaint procedure: there is no further escalation.");
      if (next.escalatedBy === "HANDLER") {
        if (!isHandler) return refuse(next.ruleId, "The Chief Officer handling the complaint escalates it, not the complainant.");
        if (c.outcome !== "NOT_RESOLVED") return refuse(next.ruleId, "Record that the matter is not resolved before raising it with the Chief Executive.");
      } else {
        if (actor.id !== c.complainantId) return refuse(next.ruleId, "Only the complainant can escalate the complaint.");
        if (stage.key === "INFORMAL") {
          if (!hasText(action.informalNotResolvedReasons)) {
            return refuse("HAL-C1", "Complaints about officers should be resolved informally if at all possible: record why the informal attempt did not resolve it, or why it is not possible.", "informalNotResolvedReasons");
          }
        } else if (c.status !== "OUTCOME_RECORDED" && !c.stageOverdue) {
          return refuse("DEF-C7", "You can escalate once this stage has an outcome, or once its target date has passed without one.");
        }
      }
      return { ok: true, stageIndex: c.stageIndex + 1, status: "OPEN", ruleId: next.ruleId, notify: ["NEXT_HANDLER", "COMPLAINANT", "SUBJECT"] };
    }
    case "RECORD_OUTCOME": {
      if (!isHandler) return refuse(stage.ruleId, "Only the handler of this stage can record its outcome.");
      if (!hasText(action.reasons)) return refuse("DEF-A2", "Give a written outcome.", "reasons");
      if (stage.outcomes && !stage.outcomes.includes(action.outcome)) {
        return refuse(stage.ruleId, `Choose one of the outcomes this stage allows: ${stage.outcomes.join(", ").toLowerCase().replace(/_/g, " ")}.`, "outcome");
      }
      if (action.outcome === "RAISE_WITH_PARTY") {
        // HAL-C6 with DEF-C10: Leader and Chief Whip; Leader only without a whip; no group → close or refer.
        if (ctx.subjectHasGroup === false) return refuse("DEF-C10", "The member belongs to no group: close the matter or refer it to the Monitoring Officer.", "outcome");
        return { ok: true, stageIndex: c.stageIndex, status: "CLOSED", ruleId: "HAL-C6", notify: ctx.subjectHasChiefWhip === false ? ["SUBJECT_GROUP_LEADER"] : ["SUBJECT_GROUP_LEADER", "SUBJECT_CHIEF_WHIP"] };
      }
      if (action.outcome === "APPROACH_GROUP_LEADER") return { ok: true, stageIndex: c.stageIndex, status: "OUTCOME_RECORDED", ruleId: "WIG-C4", notify: ["SUBJECT_GROUP_LEADER"] };
      const last = c.stageIndex === ladder.stages.length - 1;
      return { ok: true, stageIndex: c.stageIndex, status: last ? "CLOSED" : "OUTCOME_RECORDED", ruleId: stage.ruleId, notify: ["COMPLAINANT"] };
    }
    case "CLASSIFY_PARTY_DISCIPLINE":
      if (profile.key !== "CWC" || stage.handler !== "CE_OR_DIRECTOR_OF_GOVERNANCE") return refuse("CWC-C2", "Party-discipline referral is part of the Cheshire West complaint route only.");
      if (!isHandler) return refuse("CWC-C2", "Only the handler can refer the complaint to the party.");
      if (!hasText(action.reasons)) return refuse("CWC-C2", "Give reasons for treating this as party discipline.", "reasons");
      return { ok: true, stageIndex: c.stageIndex, status: "REFERRED_TO_PARTY", ruleId: "CWC-C2", notify: ["SUBJECT_GROUP_LEADER", "COMPLAINANT"] };
    case "SET_INVESTIGATOR": {
      if (!isHandler) return refuse("CWC-C3", "Only the handler can set the investigator.");
      const i = action.investigator;
      const allowed = i.roles.includes("CHIEF_EXECUTIVE") || i.roles.includes("DIRECTOR_OF_GOVERNANCE") || action.authorisedIds.includes(i.id);
      if (!allowed) return refuse("CWC-C3", "The investigator must be the Chief Executive, the Director of Governance, or someone they have authorised.");
      return { ok: true, stageIndex: c.stageIndex, status: c.status, ruleId: "CWC-C3", notify: ["INVESTIGATOR"] };
    }
    case "NOMINATE":
      if (profile.key !== "CWC" || !has(actor, "CHIEF_EXECUTIVE") || !isHandler) return refuse("CWC-C5", "Only the Chief Executive can nominate an officer to deal with an officer-conduct complaint.");
      return { ok: true, stageIndex: c.stageIndex, status: c.status, ruleId: "CWC-C5", notify: ["NOMINEE"] };
  }
}

/** DEF-C6: when the subject of a complaint is told and may see it. */
export function subjectMaySee(ladder: Ladder, c: Pick<ComplaintState, "stageIndex">, handlerDecidedToTell: boolean, delayReason: string | null): boolean {
  if (ladder.ruleId === "WIG-C3" || ladder.ruleId === "DEF-C1") return false; // the Chief Executive sees nothing while the Leader considers it
  if (hasText(delayReason)) return false;
  return handlerDecidedToTell || c.stageIndex > 0 || ladder.stages[0]?.key === "INFORMAL";
}
