// Adding information to one's own open request (any type): a note on the request, the handler told.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { decideAddInformation } from "@/lib/workflow/common";
import { toActor } from "./actor";
import { CLOSED_STATUSES } from "./labels";
import { fail, requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";

export async function addInformation(viewer: Viewer, requestId: string, text: string): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: visibleWithId(viewer, requestId) });
    if (!row) throw notFound("That request");
    const d = decideAddInformation(
      { requesterIds: requesterIdsOf(row), closed: CLOSED_STATUSES.includes(row.status) },
      toActor(viewer),
      text,
    );
    if (!d.ok) fail(d);
    await tx.message.create({
      data: { councilId: row.councilId, requestId: row.id, authorId: viewer.id, kind: "NOTE", body: text.trim() },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "ADD_INFORMATION",
      to: row.status,
      ruleId: "",
      notify: [
        {
          userIds: [row.deciderId, row.allocatedToId],
          kind: "ADD_INFORMATION",
          title: `${row.reference} “${row.subject}”: the member added information`,
        },
      ],
    });
  }, TX_OPTIONS);
}
