import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listLeadershipMeetings, mayReadLeadershipMeetings } from "@/lib/meetings/leadership";
import { upcomingAgendas } from "@/lib/meetings/queries";
import { LeadershipForm } from "./LeadershipForm";
import { ScheduleMeetingForm } from "./MeetingForms";
import { formatDate } from "@/lib/requests/describe";
import { listMeetings, runsMeetings } from "@/lib/meetings/agendas";
import { managesMeetings } from "@/lib/meetings/changes";
import { councilCommittees } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { Pagination } from "@/components/Pagination";
import type { ActionSpec } from "@/lib/requests/action-specs";

export const metadata: Metadata = { title: "Meetings and agenda items" };

/** The council's meetings (section E) with their agendas; in a town council, also the members' items listed for the
 * next meetings (HTC-D8, DEF-D4) and the Leadership Team's notes (HTC-D9). */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("/meetings");
  const page = Math.max(1, Math.min(Number((await searchParams).page) || 1, 200));
  const profile = profileOf(viewer);
  const [schedule, meetings, leadership] = await Promise.all([
    listMeetings(viewer, new Date(), { page }),
    profile.townClerkGate ? upcomingAgendas(viewer, new Date()) : Promise.resolve([]),
    listLeadershipMeetings(viewer),
  ]);
  const scheduleSpecs: ActionSpec[] = managesMeetings(viewer)
    ? [
        {
          action: "SCHEDULE",
          area: "other",
          title: "A new meeting",
          hint: "Reports and items can be listed for it until its agenda is published.",
          fields: [
            {
              kind: "select",
              name: "committeeId",
              label: "Which body meets?",
              options: (await councilCommittees(viewer)).map((c) => ({ value: c.id, label: c.name })),
              placeholder: "Choose the council, committee, board or panel",
            },
            { kind: "date", name: "date", label: "Meeting date", hint: "For example, 14 3 2027" },
            {
              kind: "date",
              name: "agendaDeadline",
              label: "Agenda deadline",
              hint: "The last day for reports and items. Leave blank for a week before the meeting.",
            },
            { kind: "text", name: "location", label: "Where (optional)" },
          ],
          submit: "Schedule the meeting",
        },
      ]
    : [];
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Meetings and agenda items</h1>
      <p className="mb-4 max-w-3xl">
        The council&apos;s meetings, each with its agenda: the officers&apos; reports, any member&apos;s own report
        beside them, and the items listed.{" "}
        {runsMeetings(viewer)
          ? "You schedule meetings and publish their agendas."
          : managesMeetings(viewer)
            ? "You schedule, rename, move and cancel meetings; democratic services publish their agendas."
            : null}
      </p>
      <ul className="mb-8 list-disc pl-6">
        <li>
          <Link href="/reports">Committee reports</Link>
        </li>
        <li>
          <Link href="/agenda-items">Agenda items, calls for reports and implementation failures</Link>
        </li>
      </ul>
      <section aria-labelledby="schedule-title" className="mb-10">
        <h2 id="schedule-title" className="h2">
          Meetings from today
        </h2>
        {schedule.items.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Meetings from today, soonest first</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    Meeting
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Date
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Agenda
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedule.items.map((m) => (
                  <tr key={m.id} className="border-b border-border">
                    <td className="py-2 pr-4">
                      <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                    </td>
                    <td className="py-2 pr-4">{formatDate(m.date)}</td>
                    <td className="py-2 pr-4">
                      {m.cancelled !== null
                        ? "Cancelled"
                        : m.published
                          ? "Published"
                          : m.agendaDeadline
                            ? `Open until ${formatDate(m.agendaDeadline)}`
                            : "Open"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No meetings are scheduled.</p>
        )}
        <Pagination
          page={page}
          pages={schedule.more ? page + 1 : page}
          basePath="/meetings"
          params={{}}
          unknownTotal
        />
      </section>
      {scheduleSpecs.length ? <ScheduleMeetingForm specs={scheduleSpecs} /> : null}
      {profile.townClerkGate ? <h2 className="h2">Members&apos; agenda items for the next meetings</h2> : null}
      {profile.townClerkGate ? (
        <p className="mb-8 max-w-3xl">
          Members&apos; agenda items are listed for the next meeting when they are sent. The Town Clerk can move an
          item to another meeting and add procedural advice, but cannot decline it.
        </p>
      ) : null}
      {meetings.map((m) => {
        const listed = m.items;
        return (
          <section key={m.id} id={`meeting-${m.id}`} aria-labelledby={`meeting-${m.id}-title`} className="mb-8">
            <h3 id={`meeting-${m.id}-title`} className="h3">
              {m.title}, {formatDate(m.date)}
            </h3>
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
      {profile.townClerkGate && viewer.roles.includes("MEMBER") ? (
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
