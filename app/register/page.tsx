import type { Metadata } from "next";
import Link from "next/link";
import { CaseTable } from "@/components/CaseTable";
import { Pagination } from "@/components/Pagination";
import { StatusTag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { formatDate } from "@/lib/requests/describe";
import { listRegister } from "@/lib/register/queries";

export const metadata: Metadata = { title: "Members' register" };

/** The register entries the viewer may see (disclosures, visit notices, publicity requests, ceremonial events). */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("/register");
  const { page } = await searchParams;
  const list = await listRegister(viewer, Number(page ?? "1"));
  const make = list.offers.filter((o) => o.on && o.mayFile.ok);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Members&apos; register</h1>
      <p className="mb-6 max-w-3xl">
        Relationship disclosures, visit notices, publicity requests and ceremonial events. You see only the entries
        you made, or that were sent or shared with you.
      </p>
      {make.length ? (
        <section aria-labelledby="make-title" className="mb-8">
          <h2 id="make-title" className="h2">
            Make an entry
          </h2>
          <ul className="space-y-2">
            {make.map((o) => (
              <li key={o.kind}>
                <Link href={`/register/new/${o.kind}`}>{o.label}</Link>{" "}
                <span className="text-base text-muted">({o.citation})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mb-8">
        <Link href="/representations">The representations register</Link>
      </p>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title" className="h2">
          Entries{list.total ? ` (${list.total})` : ""}
        </h2>
        {list.items.length === 0 ? (
          <p className="mb-8">There are no entries for you to see.</p>
        ) : (
          <CaseTable
            caption="Register entries"
            testId="register-list"
            rows={list.items}
            columns={[
              {
                header: "Entry",
                cell: (r) => (
                  <>
                    <Link href={`/register/${r.id}`}>{r.subject}</Link>
                    <span className="block text-base text-muted">
                      {r.typeLabel}, {r.reference}
                    </span>
                  </>
                ),
              },
              { header: "Made on", cell: (r) => formatDate(r.createdAt) },
              {
                header: "Status",
                cell: (r) => <StatusTag label={r.statusLabel} status={r.status} closed={r.closed} />,
              },
            ]}
          />
        )}
        <Pagination page={list.page} pages={list.pages} basePath="/register" params={{}} />
      </section>
    </>
  );
}
