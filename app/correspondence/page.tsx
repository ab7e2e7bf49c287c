import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { CaseTable } from "@/components/CaseTable";
import { Pagination } from "@/components/Pagination";
import { StatusTag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { listCorrespondence } from "@/lib/correspondence/queries";
import { formatDate } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Correspondence and letters" };

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

/** Correspondence between members and officers, and official letters, that the viewer may see (newest first). */
export default async function CorrespondencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/correspondence");
  const page = pageParam.parse((await searchParams).page);
  const { items, hasNext } = await listCorrespondence(viewer, page);
  const officer = viewer.storedRoles.includes("OFFICER");
  const member = viewer.storedRoles.includes("MEMBER");
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Correspondence and letters</h1>
      <p className="mb-6 max-w-3xl">
        Letters and emails between councillors and officers that you wrote, received or were copied into, and
        official letters you drafted or sign. Every copy is shown on the record, and the councillor who wrote it is
        told.
      </p>
      {officer || member ? (
        <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/correspondence/new">Record correspondence</Link>
          </li>
          {officer ? (
            <li>
              <Link href="/correspondence/new-letter">Draft an official letter</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <p className="mb-8">{page > 1 ? "There is nothing more to show." : "There is no correspondence yet."}</p>
      ) : (
        <CaseTable
          caption="Correspondence and letters, newest first"
          testId="correspondence-list"
          rows={items}
          columns={[
            {
              header: "Subject",
              cell: (r) => (
                <>
                  <Link href={`/correspondence/${r.id}`}>{r.subject}</Link>
                  <span className="block text-base text-muted">{r.reference}</span>
                </>
              ),
            },
            { header: "Type", cell: (r) => r.typeLabel },
            {
              header: "Status",
              cell: (r) => <StatusTag label={r.statusLabel} status={r.status} closed={r.closed} />,
            },
            { header: "Recorded", cell: (r) => formatDate(r.createdAt) },
          ]}
        />
      )}
      <Pagination
        page={page}
        pages={page + (hasNext ? 1 : 0)}
        basePath="/correspondence"
        params={{}}
        unknownTotal
      />
    </>
  );
}
