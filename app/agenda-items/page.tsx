import type { Metadata } from "next";
import Link from "next/link";
import { CaseTable } from "@/components/CaseTable";
import { Pagination } from "@/components/Pagination";
import { requireViewer } from "@/lib/auth/session";
import { listAgendaItems, type AgendaItemRow } from "@/lib/agenda-items/page";
import { KIND_LABELS, KIND_SLUGS } from "@/lib/workflow/agenda-items";

export const metadata: Metadata = { title: "Agenda items and calls for reports" };

/** The agenda items, calls for reports and implementation failures the viewer may see (HAL-E4, WIG-E7, WIG-E11). */
export default async function AgendaItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/agenda-items");
  const sp = await searchParams;
  const { rows, page, pages, total, routes } = await listAgendaItems(viewer, Number(sp.page) || 1);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Agenda items and calls for reports</h1>
      <p className="mb-4 max-w-3xl">
        Items for Board and Committee agendas, calls for reports, and failures to implement a committee decision
        that you can see. An item is on a meeting&apos;s agenda once it is listed for that meeting.
      </p>
      {routes.length ? (
        <ul className="mb-6 list-disc space-y-1 pl-6">
          {routes.map((k) => (
            <li key={k}>
              <Link href={`/agenda-items/new/${KIND_SLUGS[k]}`}>
                {k === "MEMBER_ITEM"
                  ? "Propose an agenda item"
                  : k === "CALL_FOR_REPORT"
                    ? "Call for a report"
                    : `Report a ${KIND_LABELS[k].toLowerCase()}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <p className="mb-8">No items to show.</p>
      ) : (
        <>
          <p className="mb-2">{total === 1 ? "1 item" : `${total} items`}</p>
          <CaseTable<AgendaItemRow>
            caption="Agenda items and calls for reports"
            testId="agenda-items"
            rows={rows}
            columns={[
              {
                header: "Item",
                cell: (r) => (
                  <>
                    <Link href={`/agenda-items/${r.id}`}>{r.subject}</Link>{" "}
                    <span className="text-muted">{r.reference}</span>
                  </>
                ),
              },
              { header: "Kind", cell: (r) => r.kind },
              { header: "Committee", cell: (r) => r.committee ?? "" },
              { header: "Status", cell: (r) => (r.meeting ? `${r.status}: ${r.meeting}` : r.status) },
            ]}
          />
        </>
      )}
      <Pagination page={page} pages={pages} basePath="/agenda-items" params={{}} />
    </>
  );
}
