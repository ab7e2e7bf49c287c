// Follow-up (issue 13): a member who made an information request asks a follow-up question about the answer. Within
// the council's setting of working days after the answer, the question reopens the request to the same officer, with
// a fresh target date (DEF-A1); after that, the page says to make a new request.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { AppError, notFound } from "@/lib/errors";
import { profileAtVersion, profileOf } from "@/lib/protocol/council-profile";
import { addWorkingDays } from "@/lib/protocol/working-days";
import { dueDate } from "@/lib/workflow/due";
import { requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { visibleWithId } from "./visibility";

/** Answered information requests a member may follow up. */
const ANSWERED = ["GRANTED", "CLOSED"];

/** The last day a follow-up reopens this request (London date), or null when it cannot be followed up at all. */
export function followUpUntil(
  viewer: Pick<Viewer, "id" | "council">,
  row: Parameters<typeof requesterIdsOf>[0] & {
    type: string;
    status: string;
    closedAt: Date | null;
    deciderId: string | null;
  },
): string | null {
  if (row.type !== "INFORMATION" || !ANSWERED.includes(row.status) || !row.closedAt || !row.deciderId) return null;
  if (!requesterIdsOf(row).includes(viewer.id)) return null;
  const days = profileOf(viewer).information.followUpWorkingDays.value;
  return addWorkingDays(londonDate(row.closedAt), days);
}

export async function followUp(viewer: Viewer, requestId: string, question: string, now: Date): Promise<void> {
  const text = question.trim();
  if (!text)
    throw new AppError("VALIDATION", "Write your follow-up question", {
      question: "Write your follow-up question",
    });
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "INFORMATION", ...visibleWithId(viewer, requestId) },
    });
    if (!row) throw notFound("That request");
    const until = followUpUntil(viewer, row);
    if (!until) throw new AppError("CONFLICT", "Only the member who made an answered request can follow it up.");
    if (londonDate(now) > until)
      throw new AppError(
        "CONFLICT",
        `Follow-up questions could be asked until ${until}. Make a new request instead, and mention ${row.reference}.`,
        { question: "It is too late to follow this request up: make a new request" },
      );
    // The reopened request keeps the settings it was filed under (a change applies to new requests only).
    const profile = await profileAtVersion(tx, viewer.council, row.settingsVersion);
    const due = dueDate(profile, "INFORMATION", now);
    await tx.message.create({
      data: { councilId: row.councilId, requestId: row.id, authorId: viewer.id, kind: "FOLLOW_UP", body: text },
    });
    const data = row.data as Record<string, unknown>;
    await transition(tx, {
      request: row,
      viewer,
      action: "FOLLOW_UP",
      to: "SUBMITTED",
      ruleId: "",
      patch: {
        closedAt: null,
        dueDate: due ? new Date(`${due}T00:00:00Z`) : null,
        data: { ...data, followUps: Number(data.followUps ?? 0) + 1 },
      },
      notify: [
        {
          userIds: [row.deciderId, row.allocatedToId],
          kind: "FOLLOW_UP",
          title: `${row.reference} “${row.subject}”: ${viewer.name} asked a follow-up question`,
        },
      ],
    });
  }, TX_OPTIONS);
}
