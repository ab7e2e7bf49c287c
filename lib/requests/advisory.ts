// WIG-A9 / DEF-A11: a Chief Officer's advisory note on the issue a member's request raises, to the Portfolio Holder
// or a Committee Chair. The note reaches them as a notification; it gives no access to the request or its reply.
// The request's timeline records that a note was sent, and to whom.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { checkAdvisoryNote } from "@/lib/workflow/notices";
import { toActor } from "./actor";
import { fail, transition, TX_OPTIONS } from "./store";
import { visibleWithId } from "./visibility";

/** The people an advisory note may go to: Cabinet Members and Committee Chairs of the council. */
export async function advisoryNoteRecipients(viewer: Viewer) {
  return db().user.findMany({
    where: {
      councilId: viewer.council.id,
      active: true,
      OR: [{ roles: { has: "CABINET_MEMBER" } }, { chairOf: { some: {} } }],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, roles: true, portfolioName: true, chairOf: { select: { name: true } } },
    take: 200,
  });
}

export async function sendAdvisoryNote(
  viewer: Viewer,
  requestId: string,
  input: { recipientId: string; note: string },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "INFORMATION", ...visibleWithId(viewer, requestId) },
    });
    if (!row) throw notFound("That request");
    if (row.deciderId !== viewer.id)
      throw new AppError(
        "FORBIDDEN_BY_RULE",
        "Only the Chief Officer deciding the request sends advisory notes.",
        {},
        "WIG-A9",
      );
    const recipient = await tx.user.findFirst({
      where: { id: input.recipientId, councilId: viewer.council.id, active: true },
      select: { id: true, name: true, roles: true, chairOf: { select: { id: true } } },
    });
    if (!recipient)
      throw new AppError("VALIDATION", "Choose a Portfolio Holder or Committee Chair", {
        recipientId: "Choose a Portfolio Holder or Committee Chair",
      });
    const roles = [...recipient.roles, ...(recipient.chairOf.length ? ["COMMITTEE_CHAIR"] : [])];
    const d = checkAdvisoryNote(toActor(viewer), { roles }, input.note);
    if (!d.ok) fail(d);
    await tx.notification.create({
      data: {
        councilId: viewer.council.id,
        userId: recipient.id,
        kind: "ADVISORY_NOTE",
        title: `Advisory note from ${viewer.name}`,
        body: input.note.trim(),
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "ADVISORY_NOTE",
      to: row.status,
      ruleId: "WIG-A9",
      reasons: `Advisory note sent to ${recipient.name} (it gives no access to this request).`,
    });
  }, TX_OPTIONS);
}
