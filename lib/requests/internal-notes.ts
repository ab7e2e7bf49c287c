// Internal notes and draft replies: what the officers working on a request say to each other. Seen by the staff
// who can read the request in full and are not among its requesters; never by a member (lib/requests/queries.ts
// mayReadMessage). A draft reply is the allocated officer's proposed answer: the decider sees it in the reply field
// of their decision, to send as it is or change.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { STAFF_ROLES } from "./queries";
import { requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { accessLevel, visibleWithId } from "./visibility";

export const NOTE_KINDS = ["INTERNAL_NOTE", "DRAFT_REPLY"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
const MAX = 10_000;

/** Whether this person works on the request as staff: FULL access, a staff role, and not one of its requesters. */
export function worksOn(
  viewer: Pick<Viewer, "id" | "roles" | "partyGroup">,
  row: Parameters<typeof requesterIdsOf>[0] & { access: Parameters<typeof accessLevel>[1] },
): boolean {
  return (
    viewer.roles.some((r) => STAFF_ROLES.includes(r)) &&
    !requesterIdsOf(row).includes(viewer.id) &&
    accessLevel(viewer, row.access) === "FULL"
  );
}

export async function addInternalNote(
  viewer: Viewer,
  requestId: string,
  kind: NoteKind,
  body: string,
): Promise<void> {
  const text = body.trim();
  const field = kind === "DRAFT_REPLY" ? "draft" : "notes";
  if (!text)
    throw new AppError("VALIDATION", kind === "DRAFT_REPLY" ? "Write the draft reply" : "Write the note", {
      [field]: kind === "DRAFT_REPLY" ? "Write the draft reply" : "Write the note",
    });
  if (text.length > MAX)
    throw new AppError("VALIDATION", `Keep it to ${MAX.toLocaleString("en-GB")} characters`, {
      [field]: `Keep it to ${MAX.toLocaleString("en-GB")} characters`,
    });
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: visibleWithId(viewer, requestId), include: { access: true } });
    if (!row || !worksOn(viewer, row)) throw notFound("That request");
    if (kind === "DRAFT_REPLY" && (row.closedAt || row.deciderId === viewer.id || row.allocatedToId !== viewer.id))
      throw new AppError(
        "VALIDATION",
        row.closedAt
          ? "The request is closed: there is nothing left to draft."
          : row.deciderId === viewer.id
            ? "You decide: send the reply."
            : "Only the officer the request is assigned to drafts its reply.",
        { [field]: "A draft goes to the officer who decides, while the request is open" },
      );
    await tx.message.create({
      data: { councilId: row.councilId, requestId: row.id, authorId: viewer.id, kind, body: text },
    });
    // Told: the officers holding the request, never its requesters.
    const requesters = requesterIdsOf(row);
    const handlers = [row.deciderId, row.allocatedToId, row.reviewerId].filter(
      (id): id is string => !!id && id !== viewer.id && !requesters.includes(id),
    );
    await transition(tx, {
      request: row,
      viewer,
      action: kind,
      to: row.status,
      ruleId: "",
      notify: [
        {
          userIds: handlers,
          kind,
          title: `${row.reference} “${row.subject}”: ${viewer.name} ${kind === "DRAFT_REPLY" ? "drafted a reply for you" : "added an internal note"}`,
        },
      ],
    });
  }, TX_OPTIONS);
}
