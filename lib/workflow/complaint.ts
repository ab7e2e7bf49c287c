// Complaints (RULES.md §3.C and matrix 4.3): one ladder per council, complainant and subject. A complaint never
// goes to its own subject, and visibility changes as it climbs. Pure.
import type { CouncilProfile, Ladder, Party, Subject } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export type { Handler, Ladder, Party, Stage, Subject } from "@/lib/protocol/profiles/types";

export type ComplaintInput = {
  complainant: Party;
  subject: Subject;
  codeOfConduct: boolean;
  grievance: boolean;
  /** For member subjects: whether the subject member belongs to a group. */
  subjectHasGroup?: boolean;
  /** The council has a Leader of the Council (DEF-C1). */
  hasLeaderOfCouncil: boolean;
};

/** The complaint ladder for this council, complainant and subject: the profile's first matching route. */
export function complaintLadder(profile: CouncilProfile, i: ComplaintInput): Ladder {
  const route = profile.complaints.routes.find(
    ({ when: w }) =>
      (w.complainant === undefined || w.complainant === i.complainant) &&
      (w.subjects === undefined || w.subjects.includes(i.subject)) &&
      (w.codeOfConduct === undefined || w.codeOfConduct === i.codeOfConduct) &&
      (w.grievance === undefined || w.grievance === i.grievance) &&
      (w.noLeaderOfCouncil === undefined || w.noLeaderOfCouncil === !i.hasLeaderOfCouncil),
  );
  if (!route) throw new Error(`Profile ${profile.key} has no complaint route for ${i.complainant} → ${i.subject}`);
  return route.ladder;
}

/** A handler may never be the complaint's own subject (DEF-C1, WIG-C2, DEF-C5, CWC-C5). */
export function checkHandler(
  ladder: Ladder,
  stageIndex: number,
  handlerId: string | null,
  subjectId: string | null,
): Decision {
  const stage = ladder.stages[stageIndex];
  if (!stage) return refuse(ladder.ruleId, "There is no such stage.");
  if (!handlerId)
    return refuse(
      stage.ruleId,
      "Nobody holds the role that handles this stage: ask the council's user administrator to set it up.",
    );
  if (handlerId === subjectId && stage.handler !== "SUBJECT_OFFICER") {
    const rule =
      stage.handler === "COUNCIL_CHAIR" || stage.handler === "TOWN_CLERK"
        ? "DEF-C5"
        : stage.handler === "CHIEF_EXECUTIVE"
          ? "DEF-C1"
          : "WIG-C2";
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
export function fileComplaint(
  profile: CouncilProfile,
  ladder: Ladder,
  filing: ComplaintFiling,
): Decision<{ serious: boolean; guidance: { ruleId: string; text: string }[] }> {
  if (ladder.kind === "GRIEVANCE_PROCEDURE")
    return refuse("HTC-C2", ladder.message ?? "Use the grievance procedure.");
  if (!hasText(filing.summary)) return refuse("DEF-C7", "Describe what the complaint is about.", "summary");
  if (ladder.kind === "CODE_OF_CONDUCT") {
    if (!hasText(filing.statementOfFacts))
      return refuse(
        ladder.ruleId === "CWC-C4" ? "CWC-C4" : "DEF-C3",
        "A Code of Conduct complaint needs a written statement of the facts.",
        "statementOfFacts",
      );
    if (ladder.ruleId === "CWC-C4" && !hasText(filing.codeProvision))
      return refuse(
        "CWC-C4",
        "Say which provision of the Code of Conduct you think was breached.",
        "codeProvision",
      );
  }
  const serious = !!filing.category && !!profile.complaints.seriousCategories?.value.includes(filing.category);
  const guidance = [
    ...(serious && profile.complaints.seriousCategories
      ? [
          {
            ruleId: profile.complaints.seriousCategories.ruleId,
            text: "Bullying, harassment, discrimination and victimisation are serious offences: this complaint is marked serious and handled as such.",
          },
        ]
      : []),
    ...(profile.complaints.startGuidance
      ? [{ ruleId: profile.complaints.startGuidance.ruleId, text: profile.complaints.startGuidance.value }]
      : []),
  ];
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
  /** DEF-C7: this stage's handler has acknowledged the complaint. */
  acknowledged?: boolean;
};

export type ComplaintAction =
  | { type: "ESCALATE"; informalNotResolvedReasons?: string }
  | { type: "RECORD_OUTCOME"; outcome: string; reasons: string }
  | { type: "CLASSIFY_PARTY_DISCIPLINE"; reasons: string }
  | { type: "SET_INVESTIGATOR"; investigator: { id: string; roles: readonly string[] }; authorisedIds: string[] }
  | { type: "NOMINATE"; nomineeId: string }
  | { type: "ACKNOWLEDGE"; message?: string };

export function decideComplaint(
  profile: CouncilProfile,
  ladder: Ladder,
  c: ComplaintState,
  actor: Actor,
  action: ComplaintAction,
  ctx: { subjectHasChiefWhip?: boolean; subjectHasGroup?: boolean } = {},
): Decision<{ stageIndex: number; status: ComplaintState["status"]; ruleId: string; notify: string[] }> {
  const stage = ladder.stages[c.stageIndex]!;
  const isHandler = c.handlerId === actor.id;
  switch (action.type) {
    case "ACKNOWLEDGE":
      // DEF-C7: the stage's handler acknowledges the complaint (once a stage), within the council's target.
      if (!isHandler) return refuse("DEF-C7", "Only the handler of this stage acknowledges the complaint.");
      if (c.acknowledged) return refuse("DEF-C7", "This complaint has already been acknowledged.");
      if (c.status !== "OPEN")
        return refuse("DEF-C7", "This stage already has an outcome: there is nothing to acknowledge.");
      return { ok: true, stageIndex: c.stageIndex, status: c.status, ruleId: "DEF-C7", notify: ["COMPLAINANT"] };
    case "ESCALATE": {
      const next = ladder.stages[c.stageIndex + 1];
      if (!next)
        return refuse(
          stage.ruleId,
          "This is the last stage of your council's complaint procedure: there is no further escalation.",
        );
      if (next.escalatedBy === "HANDLER") {
        if (!isHandler)
          return refuse(
            next.ruleId,
            "The Chief Officer handling the complaint escalates it, not the complainant.",
          );
        if (c.outcome !== "NOT_RESOLVED")
          return refuse(
            next.ruleId,
            "Record that the matter is not resolved before raising it with the Chief Executive.",
          );
      } else {
        if (actor.id !== c.complainantId)
          return refuse(next.ruleId, "Only the complainant can escalate the complaint.");
        if (stage.key === "INFORMAL") {
          if (!hasText(action.informalNotResolvedReasons)) {
            return refuse(
              "HAL-C1",
              "Complaints about officers should be resolved informally if at all possible: record why the informal attempt did not resolve it, or why it is not possible.",
              "informalNotResolvedReasons",
            );
          }
        } else if (c.status !== "OUTCOME_RECORDED" && !c.stageOverdue) {
          return refuse(
            "DEF-C7",
            "You can escalate once this stage has an outcome, or once its target date has passed without one.",
          );
        }
      }
      return {
        ok: true,
        stageIndex: c.stageIndex + 1,
        status: "OPEN",
        ruleId: next.ruleId,
        notify: ["NEXT_HANDLER", "COMPLAINANT", "SUBJECT"],
      };
    }
    case "RECORD_OUTCOME": {
      if (!isHandler) return refuse(stage.ruleId, "Only the handler of this stage can record its outcome.");
      if (!hasText(action.reasons)) return refuse("DEF-A2", "Give a written outcome.", "reasons");
      if (stage.outcomes && !stage.outcomes.includes(action.outcome)) {
        return refuse(
          stage.ruleId,
          `Choose one of the outcomes this stage allows: ${stage.outcomes.join(", ").toLowerCase().replace(/_/g, " ")}.`,
          "outcome",
        );
      }
      if (action.outcome === "RAISE_WITH_PARTY") {
        // HAL-C6 with DEF-C10: Leader and Chief Whip; Leader only without a whip; no group → close or refer.
        if (ctx.subjectHasGroup === false)
          return refuse(
            "DEF-C10",
            "The member belongs to no group: close the matter or refer it to the Monitoring Officer.",
            "outcome",
          );
        return {
          ok: true,
          stageIndex: c.stageIndex,
          status: "CLOSED",
          ruleId: "HAL-C6",
          notify:
            ctx.subjectHasChiefWhip === false
              ? ["SUBJECT_GROUP_LEADER"]
              : ["SUBJECT_GROUP_LEADER", "SUBJECT_CHIEF_WHIP"],
        };
      }
      if (action.outcome === "APPROACH_GROUP_LEADER")
        return {
          ok: true,
          stageIndex: c.stageIndex,
          status: "OUTCOME_RECORDED",
          ruleId: "WIG-C4",
          notify: ["SUBJECT_GROUP_LEADER"],
        };
      const last = c.stageIndex === ladder.stages.length - 1;
      return {
        ok: true,
        stageIndex: c.stageIndex,
        status: last ? "CLOSED" : "OUTCOME_RECORDED",
        ruleId: stage.ruleId,
        notify: ["COMPLAINANT"],
      };
    }
    case "CLASSIFY_PARTY_DISCIPLINE":
      if (!profile.complaints.partyDiscipline?.value || stage.handler !== "CE_OR_DIRECTOR_OF_GOVERNANCE")
        return refuse(
          "CWC-C2",
          "Referring a complaint to the party is not part of this council's complaint procedure.",
        );
      if (!isHandler) return refuse("CWC-C2", "Only the handler can refer the complaint to the party.");
      if (!hasText(action.reasons))
        return refuse("CWC-C2", "Give reasons for treating this as party discipline.", "reasons");
      return {
        ok: true,
        stageIndex: c.stageIndex,
        status: "REFERRED_TO_PARTY",
        ruleId: "CWC-C2",
        notify: ["SUBJECT_GROUP_LEADER", "COMPLAINANT"],
      };
    case "SET_INVESTIGATOR": {
      if (!isHandler) return refuse("CWC-C3", "Only the handler can set the investigator.");
      const i = action.investigator;
      const allowed =
        i.roles.includes("CHIEF_EXECUTIVE") ||
        i.roles.includes("DIRECTOR_OF_GOVERNANCE") ||
        action.authorisedIds.includes(i.id);
      if (!allowed)
        return refuse(
          "CWC-C3",
          "The investigator must be the Chief Executive, the Director of Governance, or someone they have authorised.",
        );
      return { ok: true, stageIndex: c.stageIndex, status: c.status, ruleId: "CWC-C3", notify: ["INVESTIGATOR"] };
    }
    case "NOMINATE":
      if (!profile.complaints.nomination?.value || !has(actor, "CHIEF_EXECUTIVE") || !isHandler)
        return refuse(
          "CWC-C5",
          "Only the Chief Executive can nominate an officer to deal with an officer-conduct complaint.",
        );
      return { ok: true, stageIndex: c.stageIndex, status: c.status, ruleId: "CWC-C5", notify: ["NOMINEE"] };
  }
}

/** DEF-C6: when the subject of a complaint is told and may see it. */
export function subjectMaySee(
  ladder: Ladder,
  c: Pick<ComplaintState, "stageIndex">,
  handlerDecidedToTell: boolean,
  delayReason: string | null,
): boolean {
  if (ladder.ruleId === "WIG-C3" || ladder.ruleId === "DEF-C1") return false; // the Chief Executive sees nothing while the Leader considers it
  if (hasText(delayReason)) return false;
  return handlerDecidedToTell || c.stageIndex > 0 || ladder.stages[0]?.key === "INFORMAL";
}

/**
 * Bringing someone else into a complaint, as the stage's ladder allows: the Chief Executive and the Director of
 * Governance consult each other (CWC-C1); a Director delegates to the section's senior manager (WIG-C1); the Town
 * Clerk involves a member of staff (HTC-C1); a CWC-C1 handler converts the matter to a Code of Conduct complaint
 * (CWC-C4). Each is recorded with reasons; only the stage's handler may do it.
 */
export type Involvement = "CONSULT" | "DELEGATE" | "INVOLVE" | "CONVERT_TO_CODE";

export function involvementsOpen(ladder: Ladder, stageIndex: number): Involvement[] {
  const stage = ladder.stages[stageIndex];
  if (!stage) return [];
  if (stage.ruleId === "CWC-C1") return ["CONSULT", "CONVERT_TO_CODE"];
  if (stage.ruleId === "WIG-C1" && stage.handler === "SUBJECT_CHIEF_OFFICER") return ["DELEGATE"];
  if (stage.ruleId === "HTC-C1") return ["INVOLVE"];
  return [];
}

const INVOLVEMENT_RULES: Record<Involvement, string> = {
  CONSULT: "CWC-C1",
  DELEGATE: "WIG-C1",
  INVOLVE: "HTC-C1",
  CONVERT_TO_CODE: "CWC-C4",
};

export function decideInvolvement(
  ladder: Ladder,
  c: Pick<ComplaintState, "stageIndex" | "status" | "handlerId">,
  actor: Actor,
  kind: Involvement,
  reasons: string,
): Decision<{ ruleId: string }> {
  const ruleId = INVOLVEMENT_RULES[kind];
  if (!involvementsOpen(ladder, c.stageIndex).includes(kind))
    return refuse(ruleId, "This complaint's procedure does not provide for that step.");
  if (c.status === "CLOSED" || c.status === "REFERRED_TO_PARTY") return refuse(ruleId, "The complaint is closed.");
  if (actor.id !== c.handlerId) return refuse(ruleId, "Only the complaint's handler can do this.");
  if (!hasText(reasons))
    return refuse(ruleId, "Give your reasons: they are recorded on the complaint.", "reasons");
  return { ok: true, ruleId };
}
