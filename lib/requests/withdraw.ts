// Withdrawing one's own complaint or assistance request while it is open. (Information requests and briefings
// withdraw through their own workflows; agenda items through DEF-D4.)
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { decideWithdraw } from "@/lib/workflow/common";
import { toActor } from "./actor";
import { CLOSED_STATUSES } from "./labels";
import { fail, requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { visibleTo } from "./visibility";
import { db } from "@/lib/db";

export async function withdrawRequest(viewer: Viewer, requestId: string, now: Date): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { id: requestId, type: { in: ["COMPLAINT", "ASSISTANCE"] }, ...visibleTo(viewer) },
    });
    if (!row) throw notFound("That request");
    const d = decideWithdraw(
      { requesterIds: requesterIdsOf(row), closed: CLOSED_STATUSES.includes(row.status) },
      toActor(viewer),
    );
    if (!d.ok) fail(d);
    await transition(tx, {
      request: row,
      viewer,
      action: "WITHDRAW",
      to: "WITHDRAWN",
      ruleId: "",
      patch: { closedAt: now },
      notify: [
        {
          userIds: [row.deciderId, row.allocatedToId],
          kind: "WITHDRAW",
          title: `${row.reference} “${row.subject}” was withdrawn`,
        },
      ],
    });
  }, TX_OPTIONS);
}
