import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { organisationOverview } from "@/lib/organisation/admin";
import { ORG_KIND_KEYS, ORG_KINDS } from "@/lib/organisation/admin-schema";
import { formatDate } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Organisation" };

const ABOUT: Record<(typeof ORG_KIND_KEYS)[number], string> = {
  groups: "The council's political groups, and whether each is in the administration.",
  wards: "The wards councillors represent. Councillors are put in wards on their own pages.",
  services: "Services and directorates. Each one's Chief Officer is set on that person's page.",
  committees:
    "The Council, the Cabinet, boards, committees, panels and scrutiny: kind, terms of reference, Chair.",
};

/** The council's organisation, for its administrators: each kind with how many are in use and retired. */
export default async function OrganisationPage() {
  const viewer = await requireViewer("/admin/organisation");
  const o = await organisationOverview(viewer, new Date());
  if (!o) notFound();
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Organisation</h1>
      <p className="mb-6 max-w-3xl">
        Keep the council&apos;s organisation true as it changes: add, rename and retire party groups, wards,
        services and committees, and schedule, rename and cancel meetings. A retired one stays on old records and
        in filters of closed work, but is not offered in new forms. People are changed on their own pages in{" "}
        <Link href="/admin/users">Users</Link>.
      </p>
      {ORG_KIND_KEYS.map((k) => (
        <section key={k} aria-labelledby={`org-${k}`} className="mb-8 max-w-3xl border-t border-border pt-4">
          <h2 id={`org-${k}`} className="h2">
            <Link href={`/admin/organisation/${k}`}>{ORG_KINDS[k].title}</Link>
          </h2>
          <p className="mb-2">{ABOUT[k]}</p>
          <p className="text-base text-muted">
            {o.counts[k].active} in use
            {o.counts[k].retired ? `, ${o.counts[k].retired} retired` : ""}
          </p>
        </section>
      ))}
      <section aria-labelledby="org-meetings" className="mb-8 max-w-3xl border-t border-border pt-4">
        <h2 id="org-meetings" className="h2">
          Meetings
        </h2>
        <p className="mb-4">
          Schedule a meeting on the <Link href="/meetings">Meetings page</Link>; rename, move or cancel one on its
          own page. A cancelled meeting stays in the list, marked cancelled, and anything on its agenda moves to
          the next meeting of the same body.{" "}
          {o.schedulesMeetings
            ? "You also publish agendas."
            : "Democratic services (or the Town Clerk) publish agendas."}
        </p>
        {o.meetings.length ? (
          <ul className="mb-4 space-y-1">
            {o.meetings.map((m) => (
              <li key={m.id}>
                <Link href={`/meetings/${m.id}`}>{m.title}</Link>, {formatDate(m.date)}
                <span className="text-base text-muted">
                  {" "}
                  — {m.cancelled !== null ? "cancelled" : m.published ? "agenda published" : "agenda open"}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4">No meetings are scheduled from today.</p>
        )}
        {o.moreMeetings ? (
          <p>
            <Link href="/meetings">All meetings from today</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
