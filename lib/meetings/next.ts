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
  for (let tries = 0; tries < 3; tries++) {
    const m = await tx.meeting.findFirst({
      where: {
        councilId,
        ...(committeeId ? { committeeId } : {}),
        date: { gte: new Date(`${londonDate(now)}T00:00:00Z`) },
        publishedAt: null,
        cancelledAt: null,
      },
      orderBy: { date: "asc" },
      select: { id: true, title: true, date: true, committeeId: true },
    });
    if (!m) return null;
    // Locked for the rest of the transaction; if its agenda was published meanwhile, the next one is taken.
    const locked = await lockMeeting(tx, councilId, m.id);
    if (locked && !locked.publishedAt && !locked.cancelledAt) return m;
  }
  return null;
}

/**
 * A meeting of this council that is not cancelled (null otherwise); the caller checks that its agenda is not
 * published.
 */
export async function openMeetingById(tx: Tx, councilId: string, meetingId: string) {
  return tx.meeting.findFirst({
    where: { id: meetingId, councilId, cancelledAt: null },
    select: { id: true, title: true, date: true, committeeId: true, publishedAt: true },
  });
}

/**
 * Takes the meeting's row lock for the rest of the transaction. Publishing the agenda takes it too, so listing an
 * item or report and publishing never interleave: whichever runs second sees the other's result (HAL-E4).
 */
export async function lockMeeting(tx: Tx, councilId: string, meetingId: string) {
  const rows = await tx.$queryRaw<
    { id: string; publishedAt: Date | null; agendaDeadline: Date | null; cancelledAt: Date | null }[]
  >`
    SELECT id, "publishedAt", "agendaDeadline", "cancelledAt" FROM "Meeting"
    WHERE id = ${meetingId} AND "councilId" = ${councilId} FOR UPDATE`;
  return rows[0] ?? null;
}
