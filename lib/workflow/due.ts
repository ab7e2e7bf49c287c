// Due dates (RULES.md §5): every target is a council default (DEF-A1, DEF-B9, DEF-C7, DEF-D1), counted in working
// days excluding England and Wales bank holidays, paused while a request waits on the member (DEF-A1). Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { addWorkingDays, workingDaysBetween } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";

export type RequestType =
  | "INFORMATION"
  | "BRIEFING"
  | "COMPLAINT"
  | "ASSISTANCE"
  | "AGENDA_ITEM"
  | "CODE_BREACH"
  // Section E records (issue 14): no response target unless their own service sets one.
  | "REPORT"
  | "CORRESPONDENCE"
  | "LETTER"
  | "DISCLOSURE"
  | "VISIT"
  | "REPRESENTATION"
  | "PUBLICITY"
  | "EVENT";

export function targetDays(profile: CouncilProfile, type: RequestType): { days: number; ruleId: string } | null {
  switch (type) {
    case "INFORMATION":
      return {
        days: profile.information.targetWorkingDays.value,
        ruleId: profile.information.targetWorkingDays.ruleId,
      };
    case "BRIEFING":
      return {
        days: profile.briefing.decisionWorkingDays.value,
        ruleId: profile.briefing.decisionWorkingDays.ruleId,
      };
    case "COMPLAINT":
      return {
        days: profile.complaints.stageWorkingDays.value,
        ruleId: profile.complaints.stageWorkingDays.ruleId,
      };
    case "ASSISTANCE":
    case "CODE_BREACH":
      return profile.townCouncil
        ? {
            days: profile.townCouncil.assessmentWorkingDays.value,
            ruleId: profile.townCouncil.assessmentWorkingDays.ruleId,
          }
        : null;
    case "AGENDA_ITEM":
      return null; // listed for a meeting, no response target (DEF-D4)
    default:
      return null;
  }
}

export function dueDate(profile: CouncilProfile, type: RequestType, now: Date): string | null {
  const t = targetDays(profile, type);
  return t ? addWorkingDays(londonDate(now), t.days) : null;
}

/** DEF-C7: the date by which a complaint's handler acknowledges it (a council target in working days). */
export function acknowledgeBy(profile: CouncilProfile, now: Date): string {
  return addWorkingDays(londonDate(now), profile.complaints.ackWorkingDays.value);
}

/** When a paused request resumes, its due date moves on by the working days it spent waiting. */
export function resumeDueDate(due: string, pausedAt: Date, now: Date): string {
  const waited = Math.max(0, workingDaysBetween(londonDate(pausedAt), londonDate(now)));
  return addWorkingDays(due, waited);
}
