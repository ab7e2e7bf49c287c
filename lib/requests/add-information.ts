// Adding information to one's own open request (any type): a note on the request, the handler told.
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { decideAddInformation } from "@/lib/workflow/common";
import { toActor } from "./actor";
import { CLOSED_STATUSES } from "./queries";
import { fail, requesterIdsOf, transition, TX_OPTIONS, type Db } from "./store";
import { visibleTo } from "./visibility";

export async function addInformation(db: Db, viewer: Viewer, requestId: string, text: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { id: requestId, ...visibleTo(viewer) } });
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
