import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import { requireViewer } from "@/lib/auth/session";
import { formatDate } from "@/lib/requests/describe";
import { STATUS_LABELS } from "@/lib/requests/labels";
import { listReports } from "@/lib/reports/page";

export const metadata: Metadata = { title: "Committee reports" };

/** Reports the viewer may see (the visibility builder): drafts they write or were shared, and published papers. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("/reports");
  const page = Math.max(1, Math.min(Number((await searchParams).page) || 1, 500));
  const { items, more } = await listReports(viewer, page);
  const officer = viewer.roles.includes("OFFICER") || viewer.roles.includes("TOWN_CLERK");
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Committee reports</h1>
      <p className="mb-4 max-w-3xl">
        Officers&apos; reports to the Council, the Cabinet, boards and committees. A report is the officer&apos;s:
        members suggest content, and where the protocol allows, a Chair or Cabinet Member adds their own report
        alongside. Drafts are seen only by the people they are written for or shared with.
      </p>
      <ul className="mb-8 list-disc pl-6">
        {officer ? (
          <li>
            <Link href="/reports/new">Start a report</Link>
          </li>
        ) : null}
        {viewer.roles.includes("CHIEF_OFFICER") ? (
          <li>
            <Link href="/reports/authorisations">Officers you authorise to write reports</Link>
          </li>
        ) : null}
        <li>
          <Link href="/meetings">Meetings and their agendas</Link>
        </li>
      </ul>
      {items.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Reports, most recently changed first</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  Report
                </th>
                <th scope="col" className="py-2 pr-4">
                  To
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2 pr-4">
                  Changed
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="border-b border-border">
                  <td className="py-2 pr-4">
                    <Link href={`/reports/${r.id}`}>{r.title}</Link>{" "}
                    <span className="text-base text-muted">{r.reference}</span>
                  </td>
                  <td className="py-2 pr-4">{r.committee ?? "—"}</td>
                  <td className="py-2 pr-4">{STATUS_LABELS[r.status] ?? r.status}</td>
                  <td className="py-2 pr-4">{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No reports yet.</p>
      )}
      <Pagination page={page} pages={more ? page + 1 : page} basePath="/reports" params={{}} unknownTotal />
    </>
  );
}
