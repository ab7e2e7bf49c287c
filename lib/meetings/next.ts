// The next meeting whose agenda is still open (not yet published), for a committee or for the council's meetings.
import "server-only";
import { londonDate } from "@/lib/dates";
import type { Tx } from "@/lib/requests/store";

export type OpenMeeting = { id: string; title: string; date: Date; committeeId: string | null };

/**
 * The first meeting on or after today whose agenda is not published: of `committeeId` when given, else of any
 * committee. An item or report listed after publication would be refused (HAL-E4), so it goes to this one.
 */
export async function nextOpenMeeting(
  tx: Tx,
  councilId: string,
  committeeId: string | null,
  now: Date,
): Promise<OpenMeeting | null> {
  return tx.meeting.findFirst({
    where: {
      councilId,
      ...(committeeId ? { committeeId } : {}),
      date: { gte: new Date(`${londonDate(now)}T00:00:00Z`) },
      publishedAt: null,
    },
    orderBy: { date: "asc" },
    select: { id: true, title: true, date: true, committeeId: true },
  });
}

/** A meeting of this council that can still take items: it exists here, and its agenda is not published. */
export async function openMeetingById(tx: Tx, councilId: string, meetingId: string) {
  return tx.meeting.findFirst({
    where: { id: meetingId, councilId },
    select: { id: true, title: true, date: true, committeeId: true, publishedAt: true },
  });
}
