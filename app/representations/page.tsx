import type { Metadata } from "next";
import Link from "next/link";
import { CaseTable } from "@/components/CaseTable";
import { Pagination } from "@/components/Pagination";
import { requireViewer } from "@/lib/auth/session";
import { profileOf } from "@/lib/protocol/council-profile";
import { formatDate } from "@/lib/requests/describe";
import { listRepresentations, type RepresentationRow } from "@/lib/representations/queries";
import { representationNotice } from "@/lib/workflow/representations";

export const metadata: Metadata = { title: "Representations" };

/**
 * The Council's representations register: representations made to the Council or one of its Boards or Committees
 * (HAL-E5, C2007-E5, WIG-E8). Those made to a political group are not representations to the Council (HTC-E3): they
 * are listed apart, for the group only.
 */
export default async function RepresentationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/representations");
  const sp = await searchParams;
  const list = sp.list === "groups" ? "groups" : "register";
  const { rows, page, pages, total } = await listRepresentations(viewer, { list, page: Number(sp.page) || 1 });
  const notice = representationNotice(profileOf(viewer));
  const mayLog = viewer.roles.includes("MEMBER") || viewer.roles.includes("OFFICER");
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">
        {list === "register" ? "The Council's representations register" : "Representations to political groups"}
      </h1>
      <p className="mb-4 max-w-3xl">
        {list === "register"
          ? "Representations made to the Council or one of its Boards or Committees on a matter in the formal decision process."
          : "Representations made to a political group you belong to, or that you logged. They are not representations to the Council and are not on its register."}
      </p>
      {notice ? (
        <p className="mb-4 max-w-3xl">
          {notice.text} ({notice.ruleId})
        </p>
      ) : null}
      <p className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        {mayLog ? <Link href="/representations/new">Log a representation</Link> : null}
        {list === "register" ? (
          <Link href="/representations?list=groups">Representations to political groups</Link>
        ) : (
          <Link href="/representations">The Council&apos;s representations register</Link>
        )}
      </p>
      {rows.length === 0 ? (
        <p className="mb-8">No representations to show.</p>
      ) : (
        <>
          <p className="mb-2">{total === 1 ? "1 representation" : `${total} representations`}</p>
          <CaseTable<RepresentationRow>
            caption={list === "register" ? "The Council's representations register" : "Representations to groups"}
            testId="representations"
            rows={rows}
            columns={[
              {
                header: "Matter",
                cell: (r) => (
                  <>
                    <Link href={`/representations/${r.id}`}>{r.matter}</Link>{" "}
                    <span className="text-muted">{r.reference}</span>
                  </>
                ),
              },
              { header: "Made to", cell: (r) => r.to },
              { header: "Logged", cell: (r) => formatDate(r.loggedOn) },
            ]}
          />
        </>
      )}
      <Pagination
        page={page}
        pages={pages}
        basePath="/representations"
        params={list === "groups" ? { list } : {}}
      />
    </>
  );
}
