import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/protocol/working-days";
import { formatDate } from "@/lib/requests/describe";
import { visibleTo } from "@/lib/requests/visibility";

export const metadata: Metadata = { title: "Meetings and agenda items" };

/** HTC-D8 / DEF-D4: the next meetings and the members' items listed for each, as every member may see them. */
export default async function MeetingsPage() {
  const viewer = await requireViewer("/meetings");
  const today = new Date(`${londonDate(new Date())}T00:00:00Z`);
  const [meetings, items] = await Promise.all([
    db().meeting.findMany({
      where: { councilId: viewer.council.id, date: { gte: today } },
      orderBy: { date: "asc" },
      take: 6,
      select: { id: true, title: true, date: true },
    }),
    db().request.findMany({
      where: { ...visibleTo(viewer), type: "AGENDA_ITEM", status: "LISTED" },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, reference: true, subject: true, createdById: true, data: true },
    }),
  ]);
  const proposers = new Map(
    (
      await db().user.findMany({
        where: { id: { in: [...new Set(items.map((i) => i.createdById))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const byMeeting = new Map<string, typeof items>();
  for (const i of items) {
    const m = (i.data as { meetingId?: string | null }).meetingId;
    if (m) byMeeting.set(m, [...(byMeeting.get(m) ?? []), i]);
  }
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Meetings and agenda items</h1>
      <p className="mb-8 max-w-3xl">
        Members&apos; agenda items are listed for the next meeting when they are sent. The Town Clerk can move an
        item to another meeting and add procedural advice, but cannot decline it.
      </p>
      {meetings.length === 0 ? <p className="mb-8">No meetings are scheduled.</p> : null}
      {meetings.map((m) => {
        const listed = byMeeting.get(m.id) ?? [];
        return (
          <section key={m.id} id={`meeting-${m.id}`} aria-labelledby={`meeting-${m.id}-title`} className="mb-8">
            <h2 id={`meeting-${m.id}-title`} className="h2">
              {m.title}, {formatDate(m.date.toISOString().slice(0, 10))}
            </h2>
            {listed.length ? (
              <ol className="list-decimal space-y-2 pl-6" data-testid={`agenda-${m.id}`}>
                {listed.map((i) => (
                  <li key={i.id}>
                    <Link href={`/requests/${i.id}`}>{i.subject}</Link>{" "}
                    <span className="text-base text-muted">
                      — proposed by {proposers.get(i.createdById) ?? "a former member"} ({i.reference})
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p>No members&apos; items yet.</p>
            )}
          </section>
        );
      })}
      {viewer.roles.includes("MEMBER") ? (
        <p>
          <Link href="/requests/new/agenda">Propose an agenda item</Link>
        </p>
      ) : null}
    </>
  );
}
