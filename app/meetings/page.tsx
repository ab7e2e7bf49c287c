import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listLeadershipMeetings, mayReadLeadershipMeetings } from "@/lib/meetings/leadership";
import { upcomingAgendas } from "@/lib/meetings/queries";
import { LeadershipForm } from "./LeadershipForm";
import { formatDate } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Meetings and agenda items" };

/** HTC-D8 / DEF-D4: the next meetings and the members' items listed for each, as every member may see them. */
export default async function MeetingsPage() {
  const viewer = await requireViewer("/meetings");
  const meetings = await upcomingAgendas(viewer, new Date());
  const leadership = await listLeadershipMeetings(viewer);
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
        const listed = m.items;
        return (
          <section key={m.id} id={`meeting-${m.id}`} aria-labelledby={`meeting-${m.id}-title`} className="mb-8">
            <h2 id={`meeting-${m.id}-title`} className="h2">
              {m.title}, {formatDate(m.date)}
            </h2>
            {listed.length ? (
              <ol className="list-decimal space-y-2 pl-6" data-testid={`agenda-${m.id}`}>
                {listed.map((i) => (
                  <li key={i.id}>
                    <Link href={`/requests/${i.id}`}>{i.subject}</Link>{" "}
                    <span className="text-base text-muted">
                      — proposed by {i.proposer} ({i.reference})
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
      {mayReadLeadershipMeetings(viewer) ? (
        <section aria-labelledby="leadership" className="mb-8 max-w-3xl">
          <h2 id="leadership" className="h2">
            Leadership Team meetings
          </h2>
          <p className="mb-4">
            The Town Clerk&apos;s meetings with the Chairman and Vice-Chairman give preliminary consideration to
            policy issues and the agenda. They cannot take key decisions. (HTC-D9)
          </p>
          {leadership.length ? (
            <ul className="mb-6 space-y-3">
              {leadership.map((m) => (
                <li key={m.id} className="bg-panel p-4">
                  <p className="font-semibold">{formatDate(m.date)}</p>
                  <p className="whitespace-pre-wrap">{m.notes}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-6">No meetings recorded yet.</p>
          )}
          {viewer.roles.includes("TOWN_CLERK") ? <LeadershipForm /> : null}
        </section>
      ) : null}
    </>
  );
}
