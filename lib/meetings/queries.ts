// Council meetings and the members' agenda items listed for them (HTC-D8, DEF-D4), read through the visibility
// builder: an item the viewer may not see is not listed.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { visibleTo } from "@/lib/requests/visibility";

export type AgendaItem = { id: string; reference: string; subject: string; proposer: string };
export type MeetingAgenda = { id: string; title: string; date: string; items: AgendaItem[] };

export async function upcomingAgendas(viewer: Viewer, now: Date, take = 6): Promise<MeetingAgenda[]> {
  const today = new Date(`${londonDate(now)}T00:00:00Z`);
  const meetings = await db().meeting.findMany({
    where: { councilId: viewer.council.id, date: { gte: today }, cancelledAt: null },
    orderBy: { date: "asc" },
    take,
    select: { id: true, title: true, date: true },
  });
  // An item is on a meeting's agenda when it is LISTED for that meeting (Request.meetingId), whatever its route.
  const items = await db().request.findMany({
    where: {
      ...visibleTo(viewer),
      type: "AGENDA_ITEM",
      status: "LISTED",
      meetingId: { in: meetings.map((m) => m.id) },
    },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, reference: true, subject: true, createdById: true, meetingId: true },
  });
  const proposers = await db().user.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.createdById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(proposers.map((u) => [u.id, u.name]));
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    date: m.date.toISOString().slice(0, 10),
    items: items
      .filter((i) => i.meetingId === m.id)
      .map((i) => ({
        id: i.id,
        reference: i.reference,
        subject: i.subject,
        proposer: names.get(i.createdById) ?? "A former member",
      })),
  }));
}
