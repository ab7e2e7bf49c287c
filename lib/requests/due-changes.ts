// Time (issue 13): the officer deciding a request extends its due date, or pauses it, with reasons and a holding
// reply the member reads; a pause they set they also resume, and the due date moves on by the working days waited.
// Pauses for the member (asked for justification, a narrower scope) stay with the information workflow.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { AppError, notFound } from "@/lib/errors";
import { resumeDueDate } from "@/lib/workflow/due";
import { FUTURE_EVENT_YEARS, shiftYears } from "@/lib/validation";
import { CLOSED_STATUSES } from "./labels";
import { requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { visibleWithId } from "./visibility";

/** The pause reason an officer sets (the member's pauses use their own reasons). */
export const OFFICER_PAUSE = "OFFICER";

export type DueChange =
  | { type: "EXTEND_DUE"; dueDate: string; reasons: string; holdingReply: string }
  | { type: "PAUSE_DUE"; reasons: string; holdingReply: string }
  | { type: "RESUME_DUE" };

/** Whether this person may change the request's time now: its decider, while it is open. */
export function mayChangeDue(
  viewer: Pick<Viewer, "id">,
  row: { deciderId: string | null; status: string },
): boolean {
  return row.deciderId === viewer.id && !CLOSED_STATUSES.includes(row.status);
}

export async function changeDue(viewer: Viewer, requestId: string, change: DueChange, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: visibleWithId(viewer, requestId) });
    if (!row) throw notFound("That request");
    if (!mayChangeDue(viewer, row))
      throw new AppError("FORBIDDEN_BY_RULE", "Only the officer deciding an open request can change its time.");
    const today = londonDate(now);
    const current = row.dueDate?.toISOString().slice(0, 10) ?? null;
    let patch: Prisma.RequestUpdateManyMutationInput;
    if (change.type === "RESUME_DUE") {
      if (row.pauseReason !== OFFICER_PAUSE || !row.pausedAt)
        throw new AppError("CONFLICT", "The due date is not paused by an officer.");
      patch = {
        pausedAt: null,
        pauseReason: null,
        ...(current ? { dueDate: new Date(`${resumeDueDate(current, row.pausedAt, now)}T00:00:00Z`) } : {}),
      };
    } else {
      // Every problem at once (GOV.UK error summary), not one per submit.
      const errors: Record<string, string> = {};
      if (!change.reasons.trim()) errors.reasons = "Give the reasons: they are recorded on the request";
      if (!change.holdingReply.trim()) errors.holdingReply = "Write the holding reply the member will read";
      if (change.type === "EXTEND_DUE") {
        const floor = current && current > today ? current : today;
        if (row.pausedAt) errors.dueDate = "Resume the request before changing its due date";
        else if (!change.dueDate) errors.dueDate = "Enter the new due date";
        else if (change.dueDate <= floor)
          errors.dueDate = `The new due date must be after ${current && current > today ? "the current one" : "today"}`;
        else if (change.dueDate > shiftYears(today, FUTURE_EVENT_YEARS))
          errors.dueDate = "The new due date must be within two years";
        patch = { dueDate: new Date(`${change.dueDate}T00:00:00Z`) };
      } else {
        if (row.pausedAt) errors.reasons = "The due date is already paused";
        patch = { pausedAt: now, pauseReason: OFFICER_PAUSE };
      }
      if (Object.keys(errors).length) throw new AppError("VALIDATION", Object.values(errors)[0]!, errors);
      await tx.message.create({
        data: {
          councilId: row.councilId,
          requestId: row.id,
          authorId: viewer.id,
          kind: "HOLDING_REPLY",
          body: change.holdingReply.trim(),
        },
      });
    }
    await transition(tx, {
      request: row,
      viewer,
      action: change.type,
      to: row.status,
      ruleId: "",
      reasons: change.type === "RESUME_DUE" ? null : change.reasons,
      patch,
      auditData: { from: current, ...(change.type === "EXTEND_DUE" ? { to: change.dueDate } : {}) },
      notify: [
        {
          userIds: requesterIdsOf(row),
          kind: change.type,
          title: `${row.reference} “${row.subject}”: ${
            change.type === "EXTEND_DUE"
              ? `the due date is now ${change.dueDate}`
              : change.type === "PAUSE_DUE"
                ? "the due date is paused"
                : "work has resumed"
          }`,
        },
      ],
    });
  }, TX_OPTIONS);
}
